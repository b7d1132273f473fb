package search_test

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"reperecyber/assets"
	"reperecyber/search"
)

// TestPrebuiltIndexIsFresh fails when assets/search.idx no longer matches
// the embedded content and communes: run `make index`.
func TestPrebuiltIndexIsFresh(t *testing.T) {
	ix := loadCorpus(t)
	want, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, assets.SearchIndex()) {
		t.Fatal("assets/search.idx is stale: run `make index` and commit it")
	}
}

// TestPrebuiltIndexSearchesAlike checks that the loaded index answers
// every case exactly as the one built in memory.
func TestPrebuiltIndexSearchesAlike(t *testing.T) {
	built := loadCorpus(t)
	loaded, err := search.Load(assets.SearchIndex())
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Len() != built.Len() || loaded.Terms() != built.Terms() {
		t.Fatalf("loaded %d docs, %d terms; built %d, %d", loaded.Len(), loaded.Terms(), built.Len(), built.Terms())
	}
	for _, c := range slices.Concat(queryCases, readingCases) {
		for _, here := range []search.Here{c.here, inBretagne} {
			opt := search.Options{Limit: 20, Kinds: c.kinds, Here: here}
			if a, b := built.Search(c.query, opt), loaded.Search(c.query, opt); !reflect.DeepEqual(a, b) {
				t.Errorf("Search(%q): built %v, loaded %v", c.query, topIDs(a, 5), topIDs(b, 5))
			}
		}
	}
}

func TestLoadRejectsDamage(t *testing.T) {
	good := assets.SearchIndex()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("XXXX\x01\x00\x00\x00\x00\x00\x00\x00"),
		"version":   append([]byte("RCIX\x63\x00\x00\x00"), good[8:]...),
		"truncated": good[:len(good)/2],
		"no table":  good[:len(good)-4],
	} {
		if _, err := search.Load(data); err == nil {
			t.Errorf("%s: Load accepted it", name)
		}
	}
}

func FuzzLoad(f *testing.F) {
	good := assets.SearchIndex()
	f.Add(good[:64])
	f.Add([]byte("RCIX\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := search.Load(data)
		if err == nil {
			ix.Search("rançongiciel", search.Options{})
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	data := assets.SearchIndex()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := search.Load(data); err != nil {
			b.Fatal(err)
		}
	}
}
