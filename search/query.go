package search

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"reperecyber/content"
	"reperecyber/textfold"
)

// Options narrow a search.
type Options struct {
	// Limit is the most results returned; 0 means DefaultLimit.
	Limit int
	// Kinds keeps only these kinds; empty means all.
	Kinds []Kind
	// Here is where the user is, when a commune is chosen.
	Here Here
}

// Here is the user's commune, as search needs it: with it, the services
// of its région come before those of other régions.
type Here struct {
	// Region and Departement are INSEE codes (« 53 », « 29 »).
	Region      string
	Departement string
	// Local lists the ids of the commune's own regional services (its
	// CSIRT, its ANSSI contact): first when the query asks for a kind of
	// service every région has (« csirt », « urgence cyber »).
	Local []string
}

// DefaultLimit is how many results a search returns unless told otherwise.
const DefaultLimit = 20

// longQuery is the number of words (stopwords aside) from which a query
// is read as a sentence rather than a list of required words.
const longQuery = 3

// Range is a matched part of a title, in runes, end excluded.
type Range struct{ Start, End int }

// Result is one document found, best first.
type Result struct {
	ID       string
	Kind     Kind
	Title    string
	Subtitle string
	// Score orders results: higher is better. It is comparable only
	// within one search.
	Score float64
	// Highlights are the parts of Title that matched.
	Highlights []Range
	// Why says in a few words how the result matched, for tests and for
	// people who wonder.
	Why string
	// Alias is, when a commune was found under a former name or as an
	// arrondissement, that alias's own INSEE code (Title is then the
	// alias's name, Subtitle says which commune it belongs to, ID is the
	// current commune's).
	Alias string
	// Note says in plain French what the search did instead of what was
	// asked, when it did (an arrondissement it does not know).
	Note string
}

// match quality of one query word against one indexed word.
const (
	qualTypo   = 1
	qualStem   = 2
	qualPrefix = 3
	qualExact  = 4
)

// qualWeight multiplies a field's weight by the quality of the match: a
// word typed whole beats its beginning, which beats its stem, which beats
// a guess at a typo.
var qualWeight = [...]int32{qualTypo: 3, qualStem: 5, qualPrefix: 6, qualExact: 8}

// worth is the value of the best match of a query word in a document,
// given the word's rarity weight and the match code (qual*16 + field
// weight).
func worth(weight, code int32) int32 { return weight * (code & 15) * qualWeight[code>>4] }

// tier of a document for a query; lower comes first.
const (
	tierExact = iota
	tierTitlePrefix
	tierTitleWords
	tierWords
	tierTypo
	tierPartial
	tierSubsequence
)

var tierWhy = [...]string{"titre exact", "début du titre", "mots du titre", "mots", "faute de frappe", WhyPartial, WhySubsequence}

// The Why of the two loosest matches: callers that must pick one result
// on their own (the commune resolver) do not pick on these.
const (
	WhyPartial     = "une partie des mots"
	WhySubsequence = "lettres dans l'ordre"
)

// scratch holds per-query working memory, reused through a pool so a
// search allocates little.
type scratch struct {
	score  []int32 // sum over query words of the worth of their best match, per doc
	hits   []uint8 // how many query words matched, per doc
	weak   []uint8 // query words found only outside title, names and codes
	typo   []uint8 // query words found only with a typo
	strong []uint8 // query words found exactly or as a prefix in title, names or codes
	best   []int32 // best match of the current query word, per doc
	seen   []int32 // which query word last touched best, per doc (+1)
	gram   []uint8 // shared bigram counts, per term
	docs   []int32 // docs touched by the first query word
	gterms []int32 // terms touched in gram
}

func newScratch(docs, terms int) any {
	return &scratch{
		score: make([]int32, docs), hits: make([]uint8, docs), weak: make([]uint8, docs), typo: make([]uint8, docs), strong: make([]uint8, docs),
		best: make([]int32, docs), seen: make([]int32, docs), gram: make([]uint8, terms),
	}
}

func (s *scratch) reset() {
	for _, d := range s.docs {
		s.score[d], s.hits[d], s.weak[d], s.typo[d], s.strong[d], s.best[d], s.seen[d] = 0, 0, 0, 0, 0, 0, 0
	}
	s.docs = s.docs[:0]
}

// Search returns the documents matching query, best first.
func (ix *Index) Search(query string, opt Options) []Result {
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	words, full := ix.queryWords(query)
	if len(words) == 0 {
		return nil
	}
	s := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(s)
	defer s.reset()

	qs := ix.prepare(words, s)
	// Short queries need every word (in any order). Long ones read like a
	// sentence (« le poste de l'accueil n'ouvre plus les documents »):
	// documents rank by how much of the query they cover, each word
	// counted by its rarity and where it was found.
	long := len(words) >= longQuery
	var cands []int32
	if !long {
		cands = ix.match(qs, s)
	}
	partial := long
	if len(cands) == 0 && len(words) > 1 {
		cands, partial = ix.matchMost(qs, s), true
	}
	phrase := ix.expand(strings.Join(words, " "))
	full = ix.expand(full)
	w := ix.where(words, opt.Here)
	// A short number alone (« 13 », « 974 ») is a service's number, not
	// a département's communes nor an arrondissement.
	number := len(words) == 1 && isDigits(words[0]) && len(words[0]) < 4
	ranked := make([]ranked, 0, len(cands))
	for _, d := range cands {
		if !ix.wanted(d, opt.Kinds) || number && ix.kind(d) == KindCommune {
			continue
		}
		r := ix.rank(d, phrase, full, s)
		if partial && r.tier > tierTitlePrefix {
			r.tier = tierPartial
		}
		if r.local = w.place(ix, d); r.local == localElsewhere && w.named {
			continue // another région's service, for a query naming a place
		}
		ranked = append(ranked, r)
	}
	ranked = ix.promoteLocal(ranked, w, opt)
	var matched map[int32][]int
	if len(ranked) == 0 {
		ranked, matched = ix.subsequence(phrase, opt.Kinds, limit)
	}
	ranked = ix.best(ranked, phrase, limit)
	out := make([]Result, len(ranked))
	for i, r := range ranked {
		out[i] = ix.result(r, words, matched[r.doc])
	}
	if name, n, ok := ix.arrondissementOf(words); ok && !ix.isArrondissement(ranked, name) {
		return ix.commune(query, name, n, opt)
	}
	return out
}

// queryWord is a word of the query with the indexed words it matches and
// its weight: rare words weigh more than common ones.
type queryWord struct {
	terms  []termMatch
	size   int // postings of all its terms: how common it is
	weight int32
	short  bool // under three letters
}

func (ix *Index) prepare(words []string, s *scratch) []queryWord {
	qs := make([]queryWord, len(words))
	n := float64(len(ix.docs))
	for i, w := range words {
		q := &qs[i]
		q.terms = ix.termsFor(w, s)
		q.short = len(w) < 3
		if len(words) > 1 && looksLikeDepartement(w) {
			if i, ok := ix.termID(depPrefix + w); ok {
				q.terms = append(q.terms, termMatch{int32(i), qualExact})
			}
		}
		for _, m := range q.terms {
			q.size += len(ix.postingsOf(m.term))
		}
		q.weight = int32(math.Round(8 * math.Log(1+n/float64(1+min(q.size, len(ix.docs))))))
		q.weight = max(q.weight, 1)
	}
	return qs
}

// queryWords folds the query into words, dropping stopwords unless
// nothing else is left. It also returns the whole folded query, stopwords
// included, to recognise exact titles such as « La Rochelle ».
func (ix *Index) queryWords(query string) (words []string, full string) {
	full = ix.contract(textfold.Fold(query))
	all := joinNumber(strings.Fields(full))
	for i, w := range all {
		all[i] = ordinal(w)
	}
	code := slices.ContainsFunc(all, looksLikeCode)
	for _, w := range all {
		switch {
		case ix.stopwords[w]:
		case code && codeWords[w]:
		case len(w) == 1 && !isDigits(w) && len(all) > 1:
			// « n'ouvre », « s'affiche »: a lone letter left by an
			// apostrophe says nothing once other words are there.
		default:
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return all, full
	}
	return words, full
}

// codeWords announce a code (« code postal 29200 », « cp 29200 »,
// « insee 29019 »): dropped when the query holds one.
var codeWords = map[string]bool{"code": true, "postal": true, "cp": true, "insee": true, "commune": true, "officiel": true, "geographique": true}

// joinNumber merges runs of digit groups typed apart into one number
// (« 0 800 200 008 », « 01.23.45.67.89 » → « 0800200008 »,
// « 0123456789 ») when they make at least six digits, the length from
// which a number is a phone number rather than a count or a postcode.
// « +33 1 23 45 67 89 » becomes the national form.
func joinNumber(words []string) []string {
	out := words[:0:0]
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && isDigits(words[j]) {
			j++
		}
		if j-i >= 2 {
			if n := strings.Join(words[i:j], ""); len(n) >= 6 {
				if rest, ok := strings.CutPrefix(n, "33"); ok && len(rest) == 9 {
					n = "0" + rest
				}
				out = append(out, n)
				i = j
				continue
			}
		}
		if j == i {
			j = i + 1
		}
		out = append(out, words[i:j]...)
		i = j
	}
	return out
}

func (ix *Index) wanted(d int32, kinds []Kind) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, k := range kinds {
		if ix.kind(d) == k {
			return true
		}
	}
	return false
}

// match finds the documents holding every query word (exactly, as a
// prefix, by its stem or with a typo), in any order. The rarest word goes
// first so that later words only touch documents still in the running.
func (ix *Index) match(qs []queryWord, s *scratch) []int32 {
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return qs[order[a]].size < qs[order[b]].size })
	for i, o := range order {
		ix.apply(qs[o], i, true, s)
	}
	out := s.docs[:0:0]
	for _, d := range s.docs {
		if int(s.hits[d]) == len(qs) {
			out = append(out, d)
		}
	}
	return out
}

type termMatch struct {
	term int32
	qual int32
}

// matchMost finds the documents holding at least half of the words, for
// long queries and for short ones no document fully answers; failing
// that, those holding any word.
func (ix *Index) matchMost(qs []queryWord, s *scratch) []int32 {
	s.reset()
	for i, q := range qs {
		ix.apply(q, i, false, s)
	}
	var out []int32
	for _, d := range s.docs {
		if int(s.hits[d])*2 >= len(qs) {
			out = append(out, d)
		}
	}
	if len(out) == 0 && len(qs) >= longQuery {
		out = append(out, s.docs...)
	}
	return out
}

// contract writes long forms that the data abbreviates in their short
// form (« communauté de communes » → « cc »), as documents hold both.
func (ix *Index) contract(folded string) string {
	for _, a := range ix.aliases {
		if strings.Contains(a.long, " ") && containsWords(folded, a.long) {
			folded = strings.Replace(" "+folded+" ", " "+a.long+" ", " "+a.short+" ", 1)
			folded = strings.TrimSpace(folded)
		}
	}
	return folded
}

// expand writes abbreviations out in full (« st etienne » → « saint
// etienne ») to compare a query with titles.
func (ix *Index) expand(phrase string) string {
	if len(ix.aliases) == 0 {
		return phrase
	}
	words := strings.Fields(phrase)
	for i, w := range words {
		for _, a := range ix.aliases {
			if w == a.short {
				words[i] = a.long
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// termsFor lists the indexed words a query word matches: itself, the words
// it begins (from two letters; from four for a number, so that « 29 » is
// not every postcode of the Finistère), the words of the content that
// share its stem, and the closest words within maxTypos edits.
func (ix *Index) termsFor(w string, s *scratch) []termMatch {
	var out []termMatch
	lo, exact := ix.termID(w)
	if exact {
		out = append(out, termMatch{int32(lo), qualExact})
		lo++
	}
	if minPrefix(w) <= len(w) {
		for i := lo; i < len(ix.terms) && strings.HasPrefix(ix.term(i), w); i++ {
			out = append(out, termMatch{int32(i), qualPrefix})
		}
	}
	// French plurals: « ordinateurs » also finds « ordinateur » (the
	// singular already finds the plural as a prefix).
	if n := len(w); n > 3 && (w[n-1] == 's' || w[n-1] == 'x') {
		if i, ok := ix.termID(w[:n-1]); ok {
			out = append(out, termMatch{int32(i), qualExact})
		}
	}
	// Other forms of the word in the content: « piratage » for
	// « pirater ».
	if st := stem(w); len(st) >= minStem {
		if i, ok := ix.termID(stemPrefix + st); ok {
			out = append(out, termMatch{int32(i), qualStem})
		}
	}
	// Typos are only looked for when the word is not known as it is: a
	// correctly typed word needs no guess, and the search stays fast. A
	// word that only begins known words may still be a typo
	// (« toulouze » begins « toulouzette » but means Toulouse). A short
	// word that nothing begins may be a mistyped acronym of the content
	// (« rgdp »): only the content's terms are tried for it.
	switch k := maxTypos(len(w)); {
	case exact || isDigits(w):
	case k > 0:
		out = append(out, ix.typoTerms(w, k, false, s)...)
	case len(out) == 0 && len(w) >= minAcronymTypo:
		out = append(out, ix.typoTerms(w, 1, true, s)...)
	}
	return out
}

// minAcronymTypo is the shortest word read as a mistyped acronym.
const minAcronymTypo = 4

// minPrefix is the shortest length from which a word also matches the
// words it begins.
func minPrefix(w string) int {
	if w != "" && w[0] >= '0' && w[0] <= '9' && (isDigits(w) || len(w) <= 2) {
		return 4
	}
	return 2
}

// typoTerms finds the words within k edits of w, preferring the closest
// known terms of the content (titles, names, keywords):
// « ransomwar » is « ransomware », not a one-letter neighbour among
// thousands of commune names. A word of n letters has n+1 bigrams (ends
// marked) and one edit spoils at most three of them, so a candidate must
// share at least n+1-3k: counting shared bigrams through the gram index
// narrows thousands of words to a handful to check.
func (ix *Index) typoTerms(w string, k int, contentOnly bool, s *scratch) []termMatch {
	need := len(w) + 1 - 3*k
	if need < 1 {
		need = 1
	}
	s.gterms = s.gterms[:0]
	var keys [64]uint32
	for n := len(w) - k; n <= len(w)+k; n++ {
		for _, g := range appendBigrams(keys[:0], w, n) {
			it := ix.gramTerms(g)
			for t, ok := it.next(); ok; t, ok = it.next() {
				if s.gram[t] == 0 {
					s.gterms = append(s.gterms, t)
				}
				if s.gram[t] < 255 {
					s.gram[t]++
				}
			}
		}
	}
	type cand struct {
		term  int32
		dist  int
		known bool
	}
	var found []cand
	anyKnown := false
	for _, t := range s.gterms {
		term := ix.term(int(t))
		known := ix.strongTerm[t]
		if int(s.gram[t]) >= need && (known || !contentOnly) && !strings.HasPrefix(term, w) {
			for d := 1; d <= k; d++ {
				if withinDistance(w, term, d) {
					found = append(found, cand{t, d, known})
					break
				}
			}
		}
		s.gram[t] = 0
	}
	knownDist := k + 1
	for _, c := range found {
		if c.known {
			anyKnown = true
			knownDist = min(knownDist, c.dist)
		}
	}
	var out []termMatch
	for _, c := range found {
		// The closest known terms of the content if there are any; else
		// every word near enough (« montpelie » is one letter from
		// Monthelie but means Montpellier: population decides).
		if anyKnown && c.known && c.dist == knownDist || !anyKnown {
			out = append(out, termMatch{c.term, qualTypo})
		}
	}
	return out
}

// apply scores the documents of one query word (the i-th processed).
// When all is true, a document must have matched every earlier word. A
// match is coded qual*16 + the field's weight, so the best match of a
// word in a document is simply the largest code; its worth, added to the
// document's score, also counts the word's rarity.
func (ix *Index) apply(q queryWord, i int, all bool, s *scratch) {
	mark := int32(i + 1)
	for _, m := range q.terms {
		// Two letters begin too many words: only their beginning of a
		// title, a name or a keyword counts (« ha » is not every commune
		// of the Hauts-de-France).
		short := m.qual == qualPrefix && q.short
		for _, p := range ix.postingsOf(m.term) {
			if short && p.field() > fieldKeyword {
				continue
			}
			d := p.doc()
			if s.hits[d] == 0 && s.seen[d] == 0 {
				if all && i > 0 {
					continue
				}
				s.docs = append(s.docs, d)
			} else if all && int(s.hits[d]) < i {
				continue // already missed an earlier word
			}
			v := m.qual*16 + int32(fieldWeight[p.field()])
			if s.seen[d] != mark {
				s.seen[d], s.best[d] = mark, v
				s.hits[d]++
			} else if v > s.best[d] {
				s.best[d] = v
			}
		}
	}
	// Fold this word's best match into each document's totals.
	for _, d := range s.docs {
		if s.seen[d] != mark {
			continue
		}
		b := s.best[d]
		s.score[d] += worth(q.weight, b)
		switch {
		case b>>4 == qualTypo:
			s.typo[d]++
		case b&15 < int32(fieldWeight[fieldName]):
			s.weak[d]++ // found, but not in the title, a name or a code
		default:
			s.strong[d]++
		}
	}
}

// ranked is a candidate with what decides its place.
type ranked struct {
	doc   int32
	score int32
	group int8 // 0: shown first (content, or communes for a place query)
	local int8 // localHome, localAny or localElsewhere
	tier  int8
}

func (ix *Index) rank(d int32, phrase, full string, s *scratch) ranked {
	folded := ix.folded(d)
	core := withoutArticle(folded)
	names := ix.names(d)
	r := ranked{doc: d, score: s.score[d]}
	switch {
	case folded == phrase || folded == full || core == phrase || ix.has(names, phrase) || ix.has(names, full) || ix.has(ix.codes(d), phrase):
		r.tier = tierExact
	case strings.HasPrefix(folded, phrase) || strings.HasPrefix(folded, full) || strings.HasPrefix(core, phrase):
		r.tier = tierTitlePrefix
	case s.typo[d] > 0:
		r.tier = tierTypo
	case s.weak[d] == 0:
		r.tier = tierTitleWords
	default:
		r.tier = tierWords
	}
	return r
}

// subsequence is the last resort when no word matched: documents whose
// title holds the query's letters in order (« cbrmlv » →
// cybermalveillance), found with sahilm/fuzzy. To stay fast it looks at
// every content title but only at the communes whose name starts with the
// query's first two letters.
func (ix *Index) subsequence(phrase string, kinds []Kind, limit int) ([]ranked, map[int32][]int) {
	if len(phrase) < 3 {
		return nil, nil
	}
	matched := map[int32][]int{}
	cands := append([]int32(nil), ix.contentDocs...)
	start := phrase[:2]
	for i := ix.firstName(start); i < len(ix.namesSorted) && strings.HasPrefix(ix.folded(ix.namesSorted[i]), start); i++ {
		cands = append(cands, ix.namesSorted[i])
	}
	titles := make([]string, len(cands))
	for i, d := range cands {
		titles[i] = ix.folded(d)
	}
	var out []ranked
	for _, m := range fuzzy.Find(strings.ReplaceAll(phrase, " ", ""), titles) {
		if d := cands[m.Index]; ix.wanted(d, kinds) {
			out = append(out, ranked{doc: d, tier: tierSubsequence, score: int32(m.Score)})
			matched[d] = m.MatchedIndexes
			if len(out) == limit {
				break
			}
		}
	}
	return out, matched
}

// best orders results and keeps the first limit: by tier; within a
// tier, reference content before communes unless the query looks like a
// place (a postcode or INSEE code, or the exact name of a commune that is
// not also a card's title); then by score, then by rank (population,
// content order), then by position in the index. Only the kept results
// are fully sorted, so a two-letter query matching thousands of communes
// stays fast.
func (ix *Index) best(rs []ranked, phrase string, limit int) []ranked {
	place := looksLikeCode(phrase) || ix.communeLeads(rs)
	for i := range rs {
		if ix.kind(rs[i].doc).IsContent() == place {
			rs[i].group = 1
		}
	}
	less := func(ra, rb ranked) bool {
		if ra.group != rb.group {
			return ra.group < rb.group
		}
		if ra.local != rb.local {
			return ra.local < rb.local
		}
		if ra.tier != rb.tier {
			return ra.tier < rb.tier
		}
		if ra.score != rb.score {
			return ra.score > rb.score
		}
		if da, db := ix.docs[ra.doc].rank, ix.docs[rb.doc].rank; da != db {
			return da > db
		}
		return ra.doc < rb.doc
	}
	if ix.hasDups {
		rs = ix.dedup(rs, less)
	}
	if len(rs) > limit {
		// Keep the limit best in rs[:limit], unsorted: one pass, each
		// newcomer replacing the current worst when it beats it.
		worst := 0
		findWorst := func() {
			worst = 0
			for i := 1; i < limit; i++ {
				if less(rs[worst], rs[i]) {
					worst = i
				}
			}
		}
		findWorst()
		for i := limit; i < len(rs); i++ {
			if less(rs[i], rs[worst]) {
				rs[worst] = rs[i]
				findWorst()
			}
		}
		rs = rs[:limit]
	}
	sort.Slice(rs, func(a, b int) bool { return less(rs[a], rs[b]) })
	return rs
}

// dedup keeps, of documents sharing an ID within their group (a card and
// the outcome of the same name, a commune and its former communes), the
// best one only, so they take one slot.
func (ix *Index) dedup(rs []ranked, less func(a, b ranked) bool) []ranked {
	var at map[int32]int
	out := rs[:0]
	for _, r := range rs {
		g := ix.docs[r.doc].dup
		if g < 0 {
			out = append(out, r)
			continue
		}
		if at == nil {
			at = map[int32]int{}
		}
		if j, ok := at[g]; ok {
			if less(r, out[j]) {
				out[j] = r
			}
			continue
		}
		at[g] = len(out)
		out = append(out, r)
	}
	return out
}

// communeLeads reports whether the best commune matches the query better
// than the best card (a better tier, or the same tier with a stronger
// match): then the query names a place and communes come first.
func (ix *Index) communeLeads(rs []ranked) bool {
	bestContent, bestCommune := ranked{tier: tierSubsequence + 1}, ranked{tier: tierSubsequence + 1}
	better := func(a, b ranked) bool { return a.tier < b.tier || a.tier == b.tier && a.score > b.score }
	for _, r := range rs {
		if ix.kind(r.doc).IsContent() {
			if better(r, bestContent) {
				bestContent = r
			}
		} else if better(r, bestCommune) {
			bestCommune = r
		}
	}
	return better(bestCommune, bestContent)
}

// looksLikeCode reports whether the folded query is a postcode or an
// INSEE code (which share one shape).
func looksLikeCode(s string) bool { return content.ValidINSEE(strings.ToUpper(s)) }

// looksLikeDepartement reports whether a folded word has the shape of a
// département code: « 29 », « 974 », « 2a ».
func looksLikeDepartement(w string) bool {
	switch len(w) {
	case 2:
		return isDigits(w) || w[0] == '2' && (w[1] == 'a' || w[1] == 'b')
	case 3:
		return isDigits(w) && w[:2] == "97"
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// result describes a ranked document; fuzzy holds the bytes of its title
// matched by the subsequence fallback, if that is how it was found.
func (ix *Index) result(r ranked, words []string, fuzzy []int) Result {
	di := &ix.docs[r.doc]
	res := Result{
		ID: ix.str(di.id), Kind: ix.kind(r.doc), Title: ix.str(di.title), Subtitle: ix.str(di.subtitle),
		Score: float64((2-int(r.group))*1000+(tierSubsequence-int(r.tier)+1)*100) + float64(min(r.score, 99)),
		Why:   tierWhy[r.tier],
		Alias: ix.str(di.alias),
	}
	if r.local == localHome {
		res.Why = "près de chez vous · " + res.Why
	}
	if fuzzy != nil {
		res.Highlights = mapRanges(res.Title, runsOf(fuzzy))
	} else {
		res.Highlights = mapRanges(res.Title, titleMatches(ix.str(di.folded), strings.Fields(ix.expand(strings.Join(words, " ")))))
	}
	return res
}

// titleMatches finds, in a folded title, the byte ranges of the words
// that match query words: whole words, beginnings, or words with typos.
func titleMatches(folded string, words []string) []Range {
	var out []Range
	for _, t := range tokens(folded) {
		for _, w := range words {
			switch {
			case t.text == w || strings.HasPrefix(t.text, w):
				out = append(out, Range{t.start, t.start + min(len(w), len(t.text))})
			case maxTypos(len(w)) > 0 && withinDistance(w, t.text, maxTypos(len(w))):
				out = append(out, Range{t.start, t.end})
			default:
				continue
			}
			break
		}
	}
	return out
}

// runsOf turns matched byte offsets into ranges of consecutive bytes.
func runsOf(idx []int) []Range {
	var out []Range
	for _, i := range idx {
		if n := len(out); n > 0 && out[n-1].End == i {
			out[n-1].End++
		} else {
			out = append(out, Range{i, i + 1})
		}
	}
	return out
}

// mapRanges converts byte ranges of the folded title into rune ranges of
// the original title.
func mapRanges(title string, rs []Range) []Range {
	if len(rs) == 0 {
		return nil
	}
	_, titleAt := textfold.Map(title)
	n := utf8.RuneCountInString(title)
	out := make([]Range, 0, len(rs))
	for _, r := range rs {
		if r.Start >= len(titleAt) || r.End > len(titleAt) || r.Start >= r.End {
			continue
		}
		start, end := titleAt[r.Start], titleAt[r.End-1]+1
		if end > n {
			end = n
		}
		if k := len(out); k > 0 && out[k-1].End >= start {
			out[k-1].End = max(out[k-1].End, end)
			continue
		}
		out = append(out, Range{start, end})
	}
	return out
}
