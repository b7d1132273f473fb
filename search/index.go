package search

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"reperecyber/textfold"
)

// Rules are the language rules of search, kept with the content: words
// too common to mean anything, and abbreviations people type.
type Rules struct {
	// Stopwords are dropped from a query that has other words.
	Stopwords []string
	// Abbreviations map a short form to the words it stands for
	// (« st » → « saint »); a document holding the long form is also
	// found by the short one.
	Abbreviations map[string]string
}

// Index is an in-memory inverted index over folded words. It is built once
// and then only read, so any number of goroutines may search it at once.
type Index struct {
	docs  []docInfo
	terms []string // sorted, for prefix ranges
	post  [][]posting
	// grams maps each two-letter piece (with ^ and $ marking the ends)
	// and word length to the terms holding it, to find typo candidates
	// without a full scan.
	grams     map[uint32][]int32
	stopwords map[string]bool
	aliases   []alias
	// byName lists content docs, then communes sorted by folded name, for
	// the subsequence fallback.
	contentDocs []int32
	namesSorted []int32
	scratch     sync.Pool
}

type docInfo struct {
	Doc
	folded string   // folded title
	core   string   // folded title without a leading article (« le mans » → « mans »)
	names  []string // folded names
	codes  []string // folded codes (« 2A004 » → « 2a004 »)
}

type posting struct {
	doc   int32
	field field
}

// NewIndex builds the index over docs.
func NewIndex(docs []Doc, rules Rules) *Index {
	ix := &Index{docs: make([]docInfo, len(docs)), stopwords: map[string]bool{}}
	for _, w := range rules.Stopwords {
		ix.stopwords[textfold.Fold(w)] = true
	}
	b := &builder{dict: make(map[string]int32, 1<<16), aliases: foldAliases(rules.Abbreviations), cached: map[string][]int32{}}
	ix.aliases = b.aliases
	for i, d := range docs {
		di := &ix.docs[i]
		di.Doc = d
		di.folded = textfold.Fold(d.Title)
		di.core = withoutArticle(di.folded)
		for _, n := range d.Names {
			di.names = append(di.names, textfold.Fold(n))
		}
		for _, c := range d.Codes {
			di.codes = append(di.codes, textfold.Fold(c))
		}
		id := int32(i)
		b.addText(di.folded, id, fieldTitle)
		for _, n := range di.names {
			b.addText(n, id, fieldName)
		}
		for _, c := range di.codes {
			b.add(c, id, fieldCode)
		}
		for _, k := range d.Keywords {
			b.addText(textfold.Fold(k), id, fieldKeyword)
		}
		for _, c := range d.Context {
			b.addCached(c, id, fieldContext)
		}
		b.addText(textfold.Fold(d.Body), id, fieldBody)
	}
	ix.freeze(b)
	ix.sortNames()
	n := len(docs)
	ix.scratch.New = func() any { return newScratch(n, len(ix.terms)) }
	return ix
}

// builder gathers postings. Documents are added in order, so a term's
// postings for the current document are always at the end of its list.
type builder struct {
	// cached holds the term ids of context strings (a département, an
	// intercommunality), which repeat for every commune they hold.
	cached  map[string][]int32
	dict    map[string]int32
	terms   []string
	post    [][]posting
	aliases []alias
	collect bool // while true, add records term ids in seen
	seen    []int32
}

func (b *builder) add(term string, d int32, f field) {
	id, ok := b.dict[term]
	if !ok {
		id = int32(len(b.terms))
		b.dict[term] = id
		b.terms = append(b.terms, term)
		b.post = append(b.post, nil)
	}
	if b.collect {
		b.seen = append(b.seen, id)
	}
	b.addID(id, d, f)
}

func (b *builder) addID(id int32, d int32, f field) {
	list := b.post[id]
	if n := len(list); n > 0 && list[n-1].doc == d {
		if f < list[n-1].field {
			list[n-1].field = f
		}
		return
	}
	b.post[id] = append(list, posting{d, f})
}

// addCached indexes a string that recurs across documents, looking its
// words up in the dictionary only the first time.
func (b *builder) addCached(s string, d int32, f field) {
	ids, ok := b.cached[s]
	if !ok {
		before := len(b.seen)
		b.collect = true
		b.addText(textfold.Fold(s), d, f)
		b.collect = false
		ids = append([]int32(nil), b.seen[before:]...)
		b.seen = b.seen[:before]
		b.cached[s] = ids
		return
	}
	for _, id := range ids {
		b.addID(id, d, f)
	}
}

// addText indexes every word of folded text, plus the short form of any
// abbreviated phrase it contains.
func (b *builder) addText(folded string, d int32, f field) {
	if folded == "" {
		return
	}
	for rest := folded; rest != ""; {
		w, tail, _ := strings.Cut(rest, " ")
		b.add(w, d, f)
		rest = tail
	}
	for _, a := range b.aliases {
		if containsWords(folded, a.long) {
			b.add(a.short, d, f)
		}
	}
}

// containsWords reports whether folded text holds phrase as whole words.
func containsWords(folded, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(folded[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		if (start == 0 || folded[start-1] == ' ') && (end == len(folded) || folded[end] == ' ') {
			return true
		}
		i = start + 1
	}
}

// withoutArticle drops a leading French article, which people often leave
// out when typing a place (« Mans » for « Le Mans »).
func withoutArticle(folded string) string {
	for _, a := range [...]string{"le ", "la ", "les ", "l "} {
		if rest, ok := strings.CutPrefix(folded, a); ok {
			return rest
		}
	}
	return folded
}

type alias struct{ short, long string }

func foldAliases(m map[string]string) []alias {
	out := make([]alias, 0, len(m))
	for short, long := range m {
		out = append(out, alias{textfold.Fold(short), textfold.Fold(long)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].short < out[j].short })
	return out
}

// freeze sorts the terms (for prefix ranges) and builds the bigram index.
func (ix *Index) freeze(b *builder) {
	order := make([]int32, len(b.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return strings.Compare(b.terms[i], b.terms[j]) })
	ix.terms = make([]string, len(order))
	ix.post = make([][]posting, len(order))
	ix.grams = make(map[uint32][]int32, 4096)
	var buf []uint32
	for i, old := range order {
		t := b.terms[old]
		ix.terms[i], ix.post[i] = t, b.post[old]
		if len(t) >= minTypoLen-maxTypoEdits && len(t) < 256 {
			buf = appendBigrams(buf[:0], t, len(t))
			for _, g := range buf {
				ix.grams[g] = append(ix.grams[g], int32(i))
			}
		}
	}
}

func (ix *Index) sortNames() {
	for i, d := range ix.docs {
		if d.Kind.IsContent() {
			ix.contentDocs = append(ix.contentDocs, int32(i))
		} else {
			ix.namesSorted = append(ix.namesSorted, int32(i))
		}
	}
	slices.SortFunc(ix.namesSorted, func(a, b int32) int { return strings.Compare(ix.docs[a].folded, ix.docs[b].folded) })
}

// appendBigrams appends the keys of the two-letter pieces of a word, ends
// marked with ^ and $, each once, combined with the length n under which
// they are filed.
func appendBigrams(out []uint32, t string, n int) []uint32 {
	at := func(i int) uint32 {
		switch {
		case i < 0:
			return '^'
		case i >= len(t):
			return '$'
		}
		return uint32(t[i])
	}
	for i := -1; i < len(t); i++ {
		g := at(i)<<16 | at(i+1)<<8 | uint32(n)
		dup := false
		for _, o := range out {
			if o == g {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// Len is the number of documents indexed.
func (ix *Index) Len() int { return len(ix.docs) }

// Terms is the number of distinct words indexed.
func (ix *Index) Terms() int { return len(ix.terms) }
