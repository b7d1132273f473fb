package core

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"reperecyber/content"
	"reperecyber/search"
	"reperecyber/textfold"
)

// MaxCandidates is how many communes an ambiguous query lists at most.
const MaxCandidates = 30

// Reading says how a commune query was understood.
type Reading string

// The readings of a commune query.
const (
	ReadINSEE    Reading = "insee"
	ReadPostcode Reading = "postcode"
	ReadName     Reading = "name"
)

// Resolution is what a commune query gave: one commune (Place), several
// (Candidates, largest first), or none (both empty).
type Resolution struct {
	Query   string
	Reading Reading
	// Place is the commune found, nil if none or several.
	Place *content.Place
	// Others are the other communes of the postcode when an INSEE code
	// that is also a postcode was given (« autres communes du code postal »).
	Others []content.Place
	// Candidates are the communes the query may mean, when it is ambiguous.
	Candidates []content.Place
	// More is true when there were more candidates than MaxCandidates.
	More bool
}

// Found reports whether exactly one commune was found.
func (r Resolution) Found() bool { return r.Place != nil }

func (c *Core) indexPlaces() {
	// The atlas keeps the communes as the rows of their file, in INSEE
	// order (see content.Communes): a code is found by binary search, a
	// commune read from its row when asked for, and nothing of 35,000
	// entries is built at start.
	c.communes = c.content.Atlas.Communes
	c.lookups = &placeLookups{}
}

// place is the i-th commune with the names of its territories.
func (c *Core) place(i int) content.Place { return c.content.Atlas.Place(i) }

// at is the position of the commune with an INSEE code.
func (c *Core) at(insee string) (int, bool) { return c.communes.Find(insee) }

// placeLookups find communes by postcode and by folded name. They are
// built on first use (a few tens of milliseconds the window's start need
// not wait for: Open starts them in the background), and shared by the
// cores WithUser makes.
type placeLookups struct {
	once sync.Once
	// byPostcode lists every (commune, postcode) pair by postcode, then
	// largest first; like byName, a run found by binary search (300 KB
	// where a map of 6,000 postcodes took 750 KB).
	byPostcode []postcodeOf
	// byName lists the communes by folded name, then largest first: the
	// communes of one name are a run found by binary search. A sorted
	// list of positions takes 140 KB where a map of 35,000 names took
	// some 3 MB.
	byName []int32
}

// PrepareCommunes builds, in the background, the lookups that find a
// commune by name or postcode, so that the window's commune picker
// answers its first keystroke at once. The window calls it once its
// first frame is drawn: building them takes some 40 ms of CPU, which
// during the start competed with drawing on a two-core laptop. A lookup
// asked for before they are ready builds them itself, once.
func (c *Core) PrepareCommunes() { go c.lookup() }

func (c *Core) lookup() *placeLookups {
	l := c.lookups
	l.once.Do(func() {
		n := c.communes.Len()
		folded := make([]string, n)
		l.byName = make([]int32, n)
		var codes []string // beside byPostcode while it is sorted
		for i := range n {
			nth := int32(0)
			c.communes.EachPostcode(i, func(pc string) {
				l.byPostcode = append(l.byPostcode, postcodeOf{int32(i), nth})
				codes = append(codes, pc)
				nth++
			})
			folded[i] = textfold.Fold(c.communes.Name(i))
			l.byName[i] = int32(i)
		}
		pops := make([]int, n)
		for i := range pops {
			pops[i] = c.communes.Population(i)
		}
		order := make([]int32, len(l.byPostcode))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			if d := strings.Compare(codes[a], codes[b]); d != 0 {
				return d
			}
			pa, pb := l.byPostcode[a].place, l.byPostcode[b].place
			if pops[pa] != pops[pb] {
				return cmp.Compare(pops[pb], pops[pa])
			}
			return cmp.Compare(pa, pb) // INSEE order
		})
		sorted := make([]postcodeOf, len(order))
		for i, o := range order {
			sorted[i] = l.byPostcode[o]
		}
		l.byPostcode = sorted
		slices.SortStableFunc(l.byName, func(a, b int32) int {
			if d := strings.Compare(folded[a], folded[b]); d != 0 {
				return d
			}
			if pops[a] != pops[b] {
				return cmp.Compare(pops[b], pops[a])
			}
			return cmp.Compare(a, b) // INSEE order
		})
	})
	return l
}

// postcodeOf is a commune and which of its postcodes.
type postcodeOf struct{ place, nth int32 }

// withPostcode lists the communes served by a postcode, largest first.
func (c *Core) withPostcode(code string) []int32 {
	list := c.lookup().byPostcode
	pc := func(i int) string { return c.communes.Postcode(int(list[i].place), int(list[i].nth)) }
	lo := sort.Search(len(list), func(i int) bool { return pc(i) >= code })
	var out []int32
	for i := lo; i < len(list) && pc(i) == code; i++ {
		out = append(out, list[i].place)
	}
	return out
}

// named lists the communes whose folded name is exactly folded, largest
// first.
func (c *Core) named(folded string) []int32 {
	list := c.lookup().byName
	name := func(i int) string { return textfold.Fold(c.communes.Name(int(list[i]))) }
	lo := sort.Search(len(list), func(i int) bool { return name(i) >= folded })
	hi := lo
	for hi < len(list) && name(hi) == folded {
		hi++
	}
	return list[lo:hi]
}

// Commune returns the commune with an INSEE code.
func (c *Core) Commune(insee string) (content.Place, bool) {
	i, ok := c.at(strings.ToUpper(strings.TrimSpace(insee)))
	if !ok {
		return content.Place{}, false
	}
	return c.place(i), true
}

// Places returns every commune, in INSEE order, read afresh: callers
// that need them all (a whole-country batch, a check) hold them only
// while they use them.
func (c *Core) Places() []content.Place { return c.content.Atlas.Places() }

// ResolveCommune is the one reading of « which commune? » that every
// command and screen uses:
//   - « insee:CODE » and « cp:CODE » (also « code postal CODE ») force the reading;
//   - a five-character code is an INSEE code when one exists (the other
//     communes of the same postcode follow as Others), else a postcode;
//   - a postcode served by one commune gives it, by several lists them;
//   - anything else is a name, matched without accents, with « St »/« Ste »,
//     optional articles and typos, through the search index; one commune
//     named exactly so, or one best match, is found; several are listed.
func (c *Core) ResolveCommune(query string) Resolution {
	q := strings.TrimSpace(query)
	res := Resolution{Query: q}
	forced, code := forcedReading(q)
	switch {
	case forced == ReadINSEE:
		res.Reading = ReadINSEE
		if i, ok := c.at(code); ok {
			res.Place = c.ptr(i)
		}
		return res
	case forced == ReadPostcode:
		res.Reading = ReadPostcode
		c.byCode(&res, code, false)
		return res
	}
	if compact := strings.ToUpper(strings.Join(strings.Fields(q), "")); content.ValidINSEE(compact) {
		c.byCode(&res, compact, true)
		return res
	}
	res.Reading = ReadName
	c.byNameQuery(&res, q)
	return res
}

// forcedReading recognises the prefixes that say what a code is.
func forcedReading(q string) (Reading, string) {
	lower := strings.ToLower(q)
	for _, p := range []struct {
		prefix  string
		reading Reading
	}{
		{"insee:", ReadINSEE}, {"insee ", ReadINSEE},
		{"cp:", ReadPostcode}, {"cp ", ReadPostcode},
		{"code postal:", ReadPostcode}, {"code postal ", ReadPostcode},
	} {
		if rest, ok := strings.CutPrefix(lower, p.prefix); ok {
			return p.reading, strings.ToUpper(strings.Join(strings.Fields(rest), ""))
		}
	}
	return "", ""
}

// byCode reads a five-character code: the commune with that INSEE code
// first (when inseeFirst), then the communes of that postcode.
func (c *Core) byCode(res *Resolution, code string, inseeFirst bool) {
	if i, ok := c.at(code); ok && inseeFirst {
		res.Reading, res.Place = ReadINSEE, c.ptr(i)
		for _, j := range c.withPostcode(code) {
			if int(j) != i {
				res.Others = append(res.Others, c.place(int(j)))
			}
		}
		return
	}
	res.Reading = ReadPostcode
	list := c.withPostcode(code)
	if len(list) == 1 {
		res.Place = c.ptr(int(list[0]))
		return
	}
	c.candidates(res, list)
}

func (c *Core) byNameQuery(res *Resolution, q string) {
	if exact := c.named(textfold.Fold(q)); len(exact) == 1 {
		res.Place = c.ptr(int(exact[0]))
		return
	} else if len(exact) > 1 {
		c.candidates(res, exact)
		return
	}
	results := namedInTitle(c.Search(q, search.Options{Limit: MaxCandidates + 1, Kinds: []search.Kind{search.KindCommune}}))
	if len(results) == 0 {
		return
	}
	// One best match is the commune meant (« bordaux », « st malo »,
	// « mans »): the best tier holds only it. Otherwise list the tier.
	best := bestTier(results)
	if len(best) > 1 {
		best = wholeNames(best)
	}
	if i, ok := c.at(best[0].ID); ok && len(best) == 1 && !weak(best[0]) {
		res.Place = c.ptr(i)
		return
	}
	list := make([]int32, 0, len(results))
	for _, r := range results {
		if i, ok := c.at(r.ID); ok {
			list = append(list, int32(i))
		}
	}
	c.candidates(res, list)
}

// weak reports a match too loose to open a commune on its own: some of
// the words only, or letters in order. Such matches are listed instead.
func weak(r search.Result) bool {
	return r.Why == search.WhyPartial || r.Why == search.WhySubsequence
}

// namedInTitle keeps the communes whose own name matched: a word found
// only in the département or intercommunality (« Atlantide » is one typo
// from Loire-Atlantique) does not name a commune.
func namedInTitle(results []search.Result) []search.Result {
	out := results[:0:0]
	for _, r := range results {
		if len(r.Highlights) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// wholeNames keeps the results whose whole name matched, not one word of
// a longer name nor their intercommunality's name: « bordaux » means
// Bordeaux, not Artigues-près-Bordeaux nor Mérignac (in Bordeaux
// Métropole), though all match with one typo. A whole name is one whose
// letters are all highlighted.
func wholeNames(results []search.Result) []search.Result {
	var out []search.Result
	for _, r := range results {
		if wholeTitle(r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return results
	}
	return out
}

func wholeTitle(r search.Result) bool {
	covered := make([]bool, utf8.RuneCountInString(r.Title))
	for _, h := range r.Highlights {
		for i := max(h.Start, 0); i < min(h.End, len(covered)); i++ {
			covered[i] = true
		}
	}
	i := 0
	for _, ch := range r.Title {
		if !covered[i] && (unicode.IsLetter(ch) || unicode.IsDigit(ch)) {
			return false
		}
		i++
	}
	return len(r.Highlights) > 0
}

// bestTier returns the results that matched as well as the first one.
func bestTier(results []search.Result) []search.Result {
	n := 1
	for n < len(results) && results[n].Why == results[0].Why {
		n++
	}
	return results[:n]
}

func (c *Core) candidates(res *Resolution, list []int32) {
	if len(list) > MaxCandidates {
		list, res.More = list[:MaxCandidates], true
	}
	for _, i := range list {
		res.Candidates = append(res.Candidates, c.place(int(i)))
	}
}

func (c *Core) ptr(i int) *content.Place {
	p := c.place(i)
	return &p
}

// SearchCommunes lists the communes matching what is typed, best first,
// for a picker: a code gives its commune (INSEE) then the communes of the
// postcode; a name goes through the search index.
func (c *Core) SearchCommunes(query string, limit int) []content.Place {
	res := c.ResolveCommune(query)
	var out []content.Place
	if res.Place != nil {
		out = append(out, *res.Place)
		out = append(out, res.Others...)
	}
	out = append(out, res.Candidates...)
	if res.Reading == ReadName && len(out) < limit {
		seen := map[string]bool{}
		for _, p := range out {
			seen[p.INSEE] = true
		}
		for _, r := range c.Search(query, search.Options{Limit: limit, Kinds: []search.Kind{search.KindCommune}}) {
			if p, ok := c.Commune(r.ID); ok && !seen[p.INSEE] {
				out, seen[p.INSEE] = append(out, p), true
			}
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Where names a commune's département and région, to tell apart communes
// of the same name or postcode: « Finistère (29), Bretagne ».
func Where(p content.Place) string {
	return p.DepartementName + " (" + p.Departement + "), " + p.RegionName
}

// PlacesOfEPCI returns the communes of an intercommunality, in name order.
func (c *Core) PlacesOfEPCI(siren string) []content.Place {
	siren = strings.TrimSpace(siren)
	return c.placesWhere(func(i int) bool { return c.communes.EPCI(i) == siren })
}

// PlacesOfDepartement returns the communes of a département (« 62 »,
// « 2A », « 974 »), in name order.
func (c *Core) PlacesOfDepartement(code string) []content.Place {
	code = strings.ToUpper(strings.TrimSpace(code))
	return c.placesWhere(func(i int) bool { return c.communes.Departement(i) == code })
}

func (c *Core) placesWhere(keep func(i int) bool) []content.Place {
	var out []content.Place
	for i := range c.communes.Len() {
		if keep(i) {
			out = append(out, c.place(i))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := textfold.Fold(out[i].Name), textfold.Fold(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].INSEE < out[j].INSEE
	})
	return out
}

// EPCIName returns an intercommunality's name by SIREN.
func (c *Core) EPCIName(siren string) (string, bool) {
	for _, e := range c.content.Atlas.EPCIs {
		if e.SIREN == strings.TrimSpace(siren) {
			return e.Name, true
		}
	}
	return "", false
}
