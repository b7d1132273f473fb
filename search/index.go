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
	// Regions maps names of régions and départements to a région code,
	// to recognise a territory named in a query (« csirt bretagne »).
	Regions map[string]string
}

// Index is an inverted index over folded words, in its encoded form (see
// binary.go). It is built once and then only read, so any number of
// goroutines may search it at once.
type Index struct {
	raw   []byte
	strs  string // the string table
	kinds []Kind
	docs  []docRec
	lists []str  // the documents' lists of strings
	terms []str  // sorted, for prefix ranges
	longs []sref // the strings a str cannot hold
	// postOff[t]:postOff[t+1] are the postings of term t.
	postOff  []uint32
	postings []posting
	// The bigram index: gramKeys (sorted) are the two-letter pieces (with
	// ^ and $ marking the ends) and word lengths; gramOff ranges the terms
	// holding each, to find typo candidates without a full scan.
	gramKeys []uint32
	gramOff  []uint32
	gramGaps []byte
	tables
	scratch sync.Pool
}

// tables are the parts of an index that a draft and the encoded form
// hold alike.
type tables struct {
	stopwords map[string]bool
	aliases   []alias
	// contentDocs lists the content docs, namesSorted the communes sorted
	// by folded name, for the subsequence fallback.
	contentDocs []int32
	namesSorted []int32
	// strongTerm marks the terms found in the title, names or keywords of
	// reference content: the known terms a typo is read as first.
	strongTerm []bool
	// titleTerm marks the terms of content titles and names.
	titleTerm []bool
	regions   map[string]string // folded territory name → région code
	hasDups   bool
}

// draft is an index being built, in plain Go values; encode turns it into
// the bytes an Index reads.
type draft struct {
	docs  []docInfo
	terms []string
	post  [][]posting
	grams map[uint32][]int32
	tables
}

type docInfo struct {
	docHead
	folded string   // folded title
	names  []string // folded names
	codes  []string // folded codes (« 2A004 » → « 2a004 »)
	dup    int32    // see docRec
}

// docHead is what a document's record keeps of a Doc besides its folded
// title, names and codes: keywords, context and body live on as postings
// only.
type docHead struct {
	ID, Title, Subtitle string
	Kind                Kind
	Rank                int
	Regions             []string
	Departements        []string
	Alias               string
}

func headOf(d Doc) docHead {
	return docHead{ID: d.ID, Title: d.Title, Subtitle: d.Subtitle, Kind: d.Kind, Rank: d.Rank,
		Regions: d.Regions, Departements: d.Departements, Alias: d.Alias}
}

// posting is a document and the strongest field a term was found in,
// packed in 32 bits (document << 3 | field): the encoded index holds
// them as they are.
type posting uint32

func newPosting(d int32, f field) posting { return posting(uint32(d)<<3 | uint32(f)) }

func (p posting) doc() int32   { return int32(p >> 3) }
func (p posting) field() field { return field(p & 7) }

// NewIndex builds the index over docs.
func NewIndex(docs []Doc, rules Rules) *Index {
	ix, err := Load(newDraft(docs, rules).encode())
	if err != nil {
		// The encoder and the decoder are each other's mirror, and every
		// test that builds an index goes through both.
		panic("search: a built index does not load: " + err.Error())
	}
	return ix
}

func newDraft(docs []Doc, rules Rules) *draft {
	ix := &draft{docs: make([]docInfo, len(docs)), tables: tables{stopwords: map[string]bool{}, regions: map[string]string{}}}
	for _, w := range rules.Stopwords {
		ix.stopwords[textfold.Fold(w)] = true
	}
	for name, code := range rules.Regions {
		ix.regions[textfold.Fold(name)] = code
	}
	b := &builder{dict: make(map[string]int32, 1<<16), aliases: foldAliases(rules.Abbreviations), cached: map[string][]int32{}}
	ix.aliases = b.aliases
	for i, d := range docs {
		di := &ix.docs[i]
		di.docHead = headOf(d)
		di.folded = textfold.Fold(d.Title)
		for _, n := range d.Names {
			di.names = append(di.names, textfold.Fold(n))
		}
		for _, c := range d.Codes {
			di.codes = append(di.codes, textfold.Fold(c))
		}
		id := int32(i)
		b.stems = d.Kind.IsContent()
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
		if d.Kind == KindCommune {
			for _, dep := range d.Departements {
				b.add(depPrefix+strings.ToLower(dep), id, fieldContext)
			}
		}
	}
	ix.freeze(b)
	ix.sortNames()
	ix.markDups()
	return ix
}

func (ix *Index) initScratch() {
	n, t := len(ix.docs), len(ix.terms)
	ix.scratch.New = func() any { return newScratch(n, t) }
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
	// stems is true while indexing reference content, whose words are
	// also indexed by their stem (stemPrefix + stem).
	stems bool
}

// stemPrefix marks stems in the dictionary; it sorts after every letter,
// so prefix ranges of query words never reach them.
const stemPrefix = "~"

// depPrefix marks a commune's département code in the dictionary: a
// number beside a name (« saint denis 93 ») reads as one, a number alone
// does not (« 29 » is not every commune of the Finistère).
const depPrefix = stemPrefix + "d"

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
	if n := len(list); n > 0 && list[n-1].doc() == d {
		if f < list[n-1].field() {
			list[n-1] = newPosting(d, f)
		}
		return
	}
	b.post[id] = append(list, newPosting(d, f))
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
		w = ordinal(w)
		b.add(w, d, f)
		if b.stems {
			if st := stem(w); st != w {
				b.add(stemPrefix+st, d, f)
			}
		}
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

// ordinal writes a French ordinal as its number (« 8e », « 2eme »,
// « 1er », « 14ieme » → « 8 », « 2 », « 1 », « 14 »), so that « paris 8 »
// and « lyon 2e » meet « Paris 8e Arrondissement ».
func ordinal(w string) string {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return w
	}
	n := 1
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == len(w) || n > 3 {
		return w
	}
	switch w[n:] {
	case "e", "eme", "ieme", "em", "er", "ere", "re":
		return w[:n]
	}
	return w
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
func (ix *draft) freeze(b *builder) {
	order := make([]int32, len(b.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return strings.Compare(b.terms[i], b.terms[j]) })
	ix.terms = make([]string, len(order))
	ix.post = make([][]posting, len(order))
	ix.grams = make(map[uint32][]int32, 4096)
	ix.strongTerm = make([]bool, len(order))
	ix.titleTerm = make([]bool, len(order))
	var buf []uint32
	for i, old := range order {
		t := b.terms[old]
		ix.terms[i], ix.post[i] = t, b.post[old]
		for _, p := range ix.post[i] {
			if ix.docs[p.doc()].Kind.IsContent() && p.field() <= fieldKeyword {
				ix.strongTerm[i] = true
				if p.field() <= fieldName {
					ix.titleTerm[i] = true
					break
				}
			}
		}
		if len(t) >= minTypoLen-maxTypoEdits && len(t) < 256 && t[0] != stemPrefix[0] {
			buf = appendBigrams(buf[:0], t, len(t))
			for _, g := range buf {
				ix.grams[g] = append(ix.grams[g], int32(i))
			}
		}
	}
}

func (ix *draft) sortNames() {
	for i, d := range ix.docs {
		if d.Kind.IsContent() {
			ix.contentDocs = append(ix.contentDocs, int32(i))
		} else {
			ix.namesSorted = append(ix.namesSorted, int32(i))
		}
	}
	slices.SortFunc(ix.namesSorted, func(a, b int32) int { return strings.Compare(ix.docs[a].folded, ix.docs[b].folded) })
}

// markDups gives documents that share an ID within their group (content,
// or communes) a common number, so that they take one slot in results.
func (ix *draft) markDups() {
	type key struct {
		id      string
		content bool
	}
	first := map[key]int32{}
	// Aliases carry their commune's ID: only IDs of aliases and of
	// content can repeat, so communes are looked up, not all stored.
	for i := range ix.docs {
		d := &ix.docs[i]
		d.dup = -1
		if d.Kind.IsContent() || d.Alias != "" {
			first[key{d.ID, d.Kind.IsContent()}] = -1
		}
	}
	group := int32(0)
	for i := range ix.docs {
		d := &ix.docs[i]
		k := key{d.ID, d.Kind.IsContent()}
		g, ok := first[k]
		if !ok {
			continue
		}
		if g == -1 {
			first[k] = int32(i) // the first holder of the ID
			continue
		}
		o := &ix.docs[g]
		if o.dup == -1 {
			o.dup = group
			group++
		}
		d.dup = o.dup
		ix.hasDups = true
	}
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
