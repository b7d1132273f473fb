package search

import (
	"slices"
	"sort"
	"strings"
)

// Where a regional service stands against the place of the search.
const (
	localHome      int8 = iota // the région of the search, promoted
	localAny                   // national, a commune, or no place known
	localElsewhere             // another région's service
)

// minNamedPopulation is the population from which a commune named in a
// query places it (« urgence cyber toulouse »): smaller communes bear
// everyday words too often (Vert, Orange is already borderline).
const minNamedPopulation = 10000

// place is the région a search is about: named in the query, or the
// user's.
type place struct {
	region, dep string
	named       bool // named in the query, not the user's commune
	local       []string
}

// where finds the région of a search: one named in the query by a
// région, a département or a large commune among other words, or else
// the user's.
func (ix *Index) where(words []string, here Here) place {
	if len(words) > 1 {
		// Longest run first: « saint etienne » before « etienne ».
		for n := min(len(words)-1, 4); n >= 1; n-- {
			for i := 0; i+n <= len(words); i++ {
				if reg := ix.regionNamed(strings.Join(words[i:i+n], " ")); reg != "" {
					return place{region: reg, named: true}
				}
			}
		}
	}
	return place{region: here.Region, dep: here.Departement, local: here.Local}
}

// regionNamed returns the région of a territory or a large commune named
// exactly by folded words, unless they are a word of a card's title.
func (ix *Index) regionNamed(words string) string {
	if reg, ok := ix.regions[words]; ok {
		return reg
	}
	if !strings.Contains(words, " ") {
		if i := sort.SearchStrings(ix.terms, words); i < len(ix.terms) && ix.terms[i] == words && ix.titleTerm[i] {
			return ""
		}
	}
	lo := sort.Search(len(ix.namesSorted), func(i int) bool { return ix.docs[ix.namesSorted[i]].folded >= words })
	best, pop := "", 0
	for i := lo; i < len(ix.namesSorted) && ix.docs[ix.namesSorted[i]].folded == words; i++ {
		d := &ix.docs[ix.namesSorted[i]]
		if d.Alias == "" && d.Rank >= minNamedPopulation && d.Rank > pop && len(d.Regions) > 0 {
			best, pop = d.Regions[0], d.Rank
		}
	}
	return best
}

// place tells where a document stands against the search's région.
func (p place) place(d *docInfo) int8 {
	if p.region == "" || !d.Kind.IsContent() || len(d.Regions) == 0 && len(d.Departements) == 0 {
		return localAny
	}
	if slices.Contains(d.Regions, p.region) || p.dep != "" && slices.Contains(d.Departements, p.dep) {
		return localHome
	}
	return localElsewhere
}

// promoteLocal decides whether the région's services come first. They do
// when the query asks for a kind of service that every région has
// (« csirt », « urgence cyber », « numéro vert »): the regional services
// matching it are at least as good as the national ones, or match in
// their titles. The user's own services (Here.Local) are then added if
// the query missed them. Otherwise the région's services keep their
// place, and those of other régions go after the rest.
func (ix *Index) promoteLocal(rs []ranked, p place, opt Options) []ranked {
	if p.region == "" {
		return rs
	}
	bestRegional, bestNational := ranked{tier: tierSubsequence + 1}, ranked{tier: tierSubsequence + 1}
	better := func(a, b ranked) bool { return a.tier < b.tier || a.tier == b.tier && a.score > b.score }
	for _, r := range rs {
		switch {
		case r.local != localAny:
			if better(r, bestRegional) {
				bestRegional = r
			}
		case ix.docs[r.doc].Kind.IsContent():
			if better(r, bestNational) {
				bestNational = r
			}
		}
	}
	agnostic := bestRegional.tier <= tierSubsequence &&
		(bestRegional.tier <= tierTitleWords || bestRegional.tier <= bestNational.tier)
	home := false
	for i := range rs {
		if rs[i].local == localHome && (!agnostic || len(p.local) > 0 && !slices.Contains(p.local, ix.docs[rs[i].doc].ID)) {
			rs[i].local = localAny
		}
		home = home || rs[i].local == localHome
	}
	if !agnostic || home {
		return rs
	}
	// The query found services of other régions only: the user's own
	// come first all the same, in the order given.
	for i, id := range p.local {
		if d, ok := ix.contentID(id); ok && ix.wanted(d, opt.Kinds) {
			rs = append(rs, ranked{doc: d, local: localHome, tier: bestRegional.tier, score: bestRegional.score - int32(i)})
		}
	}
	return rs
}

// contentID finds a content document by ID.
func (ix *Index) contentID(id string) (int32, bool) {
	for _, d := range ix.contentDocs {
		if ix.docs[d].ID == id {
			return d, true
		}
	}
	return 0, false
}

// arrondissementOf recognises « NAME N », a commune's exact name and a
// number of one or two digits: a request for an arrondissement.
func (ix *Index) arrondissementOf(words []string) (name, n string, ok bool) {
	if len(words) < 2 {
		return "", "", false
	}
	n = words[len(words)-1]
	if !isDigits(n) || len(n) > 2 || n == "0" || n == "00" {
		return "", "", false
	}
	name = strings.Join(words[:len(words)-1], " ")
	lo := sort.Search(len(ix.namesSorted), func(i int) bool { return ix.docs[ix.namesSorted[i]].folded >= name })
	for i := lo; i < len(ix.namesSorted) && ix.docs[ix.namesSorted[i]].folded == name; i++ {
		if d := &ix.docs[ix.namesSorted[i]]; slices.Contains(d.Departements, n) || slices.Contains(d.Departements, "0"+n) {
			return "", "", false // « saint denis 93 »: a département, not an arrondissement
		}
	}
	return name, n, lo < len(ix.namesSorted) && ix.docs[ix.namesSorted[lo]].folded == name
}

// isArrondissement reports whether the best result is an arrondissement
// of the commune named.
func (ix *Index) isArrondissement(rs []ranked, name string) bool {
	if len(rs) == 0 {
		return false
	}
	d := &ix.docs[rs[0].doc]
	return d.Alias != "" && strings.HasPrefix(d.folded, name+" ")
}

// commune answers « NAME N » when the data has no such arrondissement:
// the commune itself, saying so plainly.
func (ix *Index) commune(query, name, n string, opt Options) []Result {
	out := ix.Search(name, opt)
	if len(out) > 0 && out[0].Kind == KindCommune {
		ord := n + "e"
		if n == "1" {
			ord = "1er"
		}
		out[0].Note = "Pas de " + ord + " arrondissement connu pour " + out[0].Title + " : voici la commune."
	}
	return out
}
