package search

import (
	"slices"
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
		if i, ok := ix.termID(words); ok && ix.titleTerm[i] {
			return ""
		}
	}
	best, pop := "", int32(0)
	for i := ix.firstName(words); i < len(ix.namesSorted) && ix.folded(ix.namesSorted[i]) == words; i++ {
		d := ix.namesSorted[i]
		r := &ix.docs[d]
		if regs := ix.regionsOf(d); r.alias == 0 && r.rank >= minNamedPopulation && r.rank > pop && len(regs) > 0 {
			best, pop = ix.str(regs[0]), r.rank
		}
	}
	return best
}

// place tells where a document stands against the search's région.
func (p place) place(ix *Index, doc int32) int8 {
	regs, deps := ix.regionsOf(doc), ix.departementsOf(doc)
	if p.region == "" || !ix.kind(doc).IsContent() || len(regs) == 0 && len(deps) == 0 {
		return localAny
	}
	if ix.has(regs, p.region) || p.dep != "" && ix.has(deps, p.dep) {
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
		case ix.kind(r.doc).IsContent():
			if better(r, bestNational) {
				bestNational = r
			}
		}
	}
	agnostic := bestRegional.tier <= tierSubsequence &&
		(bestRegional.tier <= tierTitleWords || bestRegional.tier <= bestNational.tier)
	home := false
	for i := range rs {
		if rs[i].local == localHome && (!agnostic || len(p.local) > 0 && !slices.Contains(p.local, ix.id(rs[i].doc))) {
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
		if ix.id(d) == id {
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
	lo := ix.firstName(name)
	for i := lo; i < len(ix.namesSorted) && ix.folded(ix.namesSorted[i]) == name; i++ {
		if deps := ix.departementsOf(ix.namesSorted[i]); ix.has(deps, n) || ix.has(deps, "0"+n) {
			return "", "", false // « saint denis 93 »: a département, not an arrondissement
		}
	}
	return name, n, lo < len(ix.namesSorted) && ix.folded(ix.namesSorted[lo]) == name
}

// isArrondissement reports whether the best result is an arrondissement
// of the commune named.
func (ix *Index) isArrondissement(rs []ranked, name string) bool {
	if len(rs) == 0 {
		return false
	}
	d := rs[0].doc
	return ix.docs[d].alias != 0 && strings.HasPrefix(ix.folded(d), name+" ")
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
