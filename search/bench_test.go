package search_test

import (
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/search"
	"reperecyber/triage"
)

var corpus struct {
	once     sync.Once
	entries  []content.Entry
	places   []content.Place
	rules    content.SearchRules
	outcomes []search.Doc
	ix       *search.Index
}

// loadCorpus builds the index over the real bundled content, the outcomes
// of the triage and the communes, as the app does, once for all tests and
// benchmarks of the package.
func loadCorpus(tb testing.TB) *search.Index {
	tb.Helper()
	corpus.once.Do(func() {
		b, a, err := assets.Load()
		if err != nil {
			panic(err)
		}
		tree, err := triage.Load(assets.ContentFS())
		if err != nil {
			panic(err)
		}
		corpus.entries, corpus.places, corpus.rules = b.Entries, a.Places(), b.Search
		corpus.outcomes = triage.SearchDocs(tree)
		corpus.ix = search.Build(corpus.entries, corpus.places, corpus.rules, corpus.outcomes...)
	})
	return corpus.ix
}

func BenchmarkBuild(b *testing.B) {
	loadCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		search.Build(corpus.entries, corpus.places, corpus.rules, corpus.outcomes...)
	}
}

// benchQueries covers the query shapes of the targets: short, long, typo,
// postcode and no result.
var benchQueries = []struct{ name, q string }{
	{"short", "ha"},
	{"prefix", "hame"},
	{"word", "rançongiciel"},
	{"commune", "saint etienne"},
	{"postcode", "29200"},
	{"long", "que faire en cas de rançongiciel sur les ordinateurs de la mairie"},
	{"typo", "cybermalvelance"},
	{"typo2", "rançongicielle brtagne"},
	{"subsequence", "cbrmlv"},
	{"none", "zzzzqqq xylophone"},
}

func BenchmarkSearch(b *testing.B) {
	ix := loadCorpus(b)
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q.q, search.Options{Limit: 20})
			}
		})
	}
}

// BenchmarkIndexMemory reports the heap the index keeps alive (index-MB),
// the figure behind the 30 MB target.
func BenchmarkIndexMemory(b *testing.B) {
	loadCorpus(b)
	var before, after runtime.MemStats
	var keep *search.Index
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		keep = search.Build(corpus.entries, corpus.places, corpus.rules, corpus.outcomes...)
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	runtime.KeepAlive(keep)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
}

// BenchmarkSearchP99 runs a mix of queries and reports the 99th
// percentile latency (p99-µs), the figure behind the 1 ms target.
func BenchmarkSearchP99(b *testing.B) {
	ix := loadCorpus(b)
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)].q
		t0 := time.Now()
		ix.Search(q, search.Options{Limit: 20})
		lat = append(lat, time.Since(t0))
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
