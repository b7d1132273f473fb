package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"reperecyber/content"
	"reperecyber/search"
	"reperecyber/textfold"
)

// placeQuery selects a commune with the names of its territories and its
// postcodes; callers append a WHERE clause and an ORDER BY.
const placeQuery = `
	SELECT c.insee,
	       c.name,
	       coalesce((SELECT group_concat(p.postcode, ' ' ORDER BY p.position) FROM postcodes p WHERE p.insee = c.insee), ''),
	       c.departement,
	       c.region,
	       coalesce(c.epci, ''),
	       c.population,
	       d.name,
	       r.name,
	       coalesce(e.name, ''),
	       coalesce(e.type, '')
	FROM communes c
	JOIN departements d ON d.code = c.departement
	JOIN regions r ON r.code = c.region
	LEFT JOIN epcis e ON e.siren = c.epci
`

func (r *Reference) places(ctx context.Context, where string, args ...any) ([]content.Place, error) {
	var out []content.Place
	err := r.eachRow(ctx, placeQuery+where, func(rows *sql.Rows) error {
		var p content.Place
		var pcs string
		err := rows.Scan(&p.INSEE, &p.Name, &pcs, &p.Departement, &p.Region, &p.EPCI, &p.Population,
			&p.DepartementName, &p.RegionName, &p.EPCIName, &p.EPCIType)
		if pcs != "" {
			p.Postcodes = strings.Fields(pcs)
		}
		out = append(out, p)
		return err
	}, args...)
	return out, err
}

// Place returns the commune with the given INSEE code.
func (r *Reference) Place(ctx context.Context, insee string) (content.Place, error) {
	list, err := r.places(ctx, `WHERE c.insee = ?`, insee)
	if err != nil {
		return content.Place{}, err
	}
	if len(list) == 0 {
		return content.Place{}, fmt.Errorf("commune %q: %w", insee, ErrNotFound)
	}
	return list[0], nil
}

// PlacesByPostcode returns the communes served by a postcode, largest first.
func (r *Reference) PlacesByPostcode(ctx context.Context, postcode string) ([]content.Place, error) {
	return r.places(ctx, `WHERE c.insee IN (SELECT insee FROM postcodes WHERE postcode = ?) ORDER BY c.population DESC, c.insee`, postcode)
}

// PlacesByName returns the communes whose name matches, ignoring case,
// accents and punctuation: exact matches if there are any, otherwise the
// names that start with what was typed. Largest communes come first.
func (r *Reference) PlacesByName(ctx context.Context, name string, limit int) ([]content.Place, error) {
	folded := textfold.Fold(name)
	if folded == "" || len(folded) > maxNameQuery {
		return nil, nil // past SQLite's LIKE limit: « pattern too complex »
	}
	exact, err := r.places(ctx, `WHERE c.name_folded = ? ORDER BY c.population DESC, c.insee LIMIT ?`, folded, limit)
	if err != nil || len(exact) > 0 {
		return exact, err
	}
	return r.places(ctx, `WHERE c.name_folded LIKE ? ESCAPE '\' ORDER BY c.population DESC, c.insee LIMIT ?`, escapeLike(folded)+"%", limit)
}

// maxNameQuery bounds a commune name query: the longest name is under 50
// bytes, and SQLite refuses LIKE patterns over 50,000.
const maxNameQuery = 200

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Places returns every commune with its territories' names, in INSEE
// order, for the search index. SQLite joins each table's rows into one
// tab-separated string, so 35,000 rows cross from C to Go in one call
// instead of one per row, and the few territory names are resolved here:
// measured, this is ten times faster than scanning a joined query.
func (r *Reference) Places(ctx context.Context) ([]content.Place, error) {
	var communes, pcs, deps, regs, epcis string
	for _, q := range []struct {
		dst   *string
		query string
	}{
		// Communes are inserted in INSEE order, so rowid order is INSEE order.
		{&communes, `SELECT group_concat(insee || char(9) || name || char(9) || departement || char(9) || region || char(9) || coalesce(epci, '') || char(9) || population, char(10)) FROM communes`},
		{&pcs, `SELECT group_concat(insee || char(9) || postcode, char(10)) FROM postcodes`},
		{&deps, `SELECT group_concat(code || char(9) || name, char(10)) FROM departements`},
		{&regs, `SELECT group_concat(code || char(9) || name, char(10)) FROM regions`},
		{&epcis, `SELECT group_concat(siren || char(9) || name || char(9) || type, char(10)) FROM epcis`},
	} {
		var v sql.NullString
		if err := r.db.QueryRowContext(ctx, q.query).Scan(&v); err != nil {
			return nil, fmt.Errorf("read communes: %w", err)
		}
		*q.dst = v.String
	}
	return parsePlaces(communes, pcs, table(deps), table(regs), table(epcis))
}

// table splits « key TAB values… » lines into a map.
func table(s string) map[string][]string {
	m := map[string][]string{}
	for line := range strings.SplitSeq(s, "\n") {
		if f := strings.Split(line, "\t"); len(f) > 1 {
			m[f[0]] = f[1:]
		}
	}
	return m
}

func parsePlaces(communes, pcs string, deps, regs, epcis map[string][]string) ([]content.Place, error) {
	out := make([]content.Place, 0, strings.Count(communes, "\n")+1)
	index := make(map[string]int, cap(out))
	for line := range strings.SplitSeq(communes, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			continue // only an empty table gives an empty line
		}
		pop, err := strconv.Atoi(f[5])
		if err != nil {
			return nil, fmt.Errorf("commune %s: population %q", f[0], f[5])
		}
		p := content.Place{Commune: content.Commune{INSEE: f[0], Name: f[1], Departement: f[2], Region: f[3], EPCI: f[4], Population: pop}}
		if d := deps[p.Departement]; len(d) > 0 {
			p.DepartementName = d[0]
		}
		if rg := regs[p.Region]; len(rg) > 0 {
			p.RegionName = rg[0]
		}
		if e := epcis[p.EPCI]; len(e) > 1 {
			p.EPCIName, p.EPCIType = e[0], e[1]
		}
		index[p.INSEE] = len(out)
		out = append(out, p)
	}
	for line := range strings.SplitSeq(pcs, "\n") {
		insee, pc, ok := strings.Cut(line, "\t")
		if i, found := index[insee]; ok && found {
			out[i].Postcodes = append(out[i].Postcodes, pc)
		}
	}
	return out, nil
}

// Departements returns every département, in code order.
func (r *Reference) Departements(ctx context.Context) ([]content.Departement, error) {
	var out []content.Departement
	err := r.eachRow(ctx, `SELECT code, name, region FROM departements ORDER BY code`, func(rows *sql.Rows) error {
		var d content.Departement
		err := rows.Scan(&d.Code, &d.Name, &d.Region)
		out = append(out, d)
		return err
	})
	return out, err
}

// Regions returns the names of the régions by code.
func (r *Reference) Regions(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := r.eachRow(ctx, `SELECT code, name FROM regions`, func(rows *sql.Rows) error {
		var code, name string
		err := rows.Scan(&code, &name)
		out[code] = name
		return err
	})
	return out, err
}

// SearchRules returns the stopwords and abbreviations of the content.
func (r *Reference) SearchRules(ctx context.Context) (content.SearchRules, error) {
	var rules content.SearchRules
	raw, err := r.meta(ctx, r.db, "search_rules")
	if err != nil {
		return rules, fmt.Errorf("read search rules: %w", err)
	}
	return rules, json.Unmarshal([]byte(raw), &rules)
}

// Competent is what serves one commune: the services of its territory,
// the gaps recorded for it, and the national services.
type Competent struct {
	Place    content.Place
	Local    []content.Entry
	Gaps     []content.CoverageGap
	National []content.Entry
}

// CompetentFor returns the services competent for a commune: first those
// of its région or département (its CSIRT, its ANSSI delegation…), then
// the national services.
func (r *Reference) CompetentFor(ctx context.Context, p content.Place) (Competent, error) {
	out := Competent{Place: p}
	all, err := r.EntriesOf(ctx, content.KindService)
	if err != nil {
		return out, err
	}
	for _, e := range all {
		switch {
		case e.National():
			out.National = append(out.National, e)
		case e.Covers(p.Departement, p.Region):
			out.Local = append(out.Local, e)
		}
	}
	for _, cat := range []string{content.CategoryCSIRT, content.CategoryANSSI} {
		g, ok, err := r.Gap(ctx, p.Region, cat)
		if err != nil {
			return out, err
		}
		if ok {
			out.Gaps = append(out.Gaps, g)
		}
	}
	return out, nil
}

// FindPlaces resolves what a person typed to identify a commune: an INSEE
// code (« 29019 », « 2A004 »), a postcode (« 29200 »), or a name, with or
// without accents. A code can be both an INSEE code and a postcode; both
// readings are returned, the INSEE one first.
func (r *Reference) FindPlaces(ctx context.Context, query string, limit int) ([]content.Place, error) {
	q := strings.ToUpper(strings.Join(strings.Fields(query), ""))
	if content.ValidINSEE(q) { // a postcode has the same shape
		var out []content.Place
		if p, err := r.Place(ctx, q); err == nil {
			out = append(out, p)
		} else if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
		byPC, err := r.PlacesByPostcode(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, p := range byPC {
			if len(out) == 0 || p.INSEE != out[0].INSEE {
				out = append(out, p)
			}
		}
		return truncate(out, limit), nil
	}
	return r.PlacesByName(ctx, query, limit)
}

func truncate(p []content.Place, limit int) []content.Place {
	if limit > 0 && len(p) > limit {
		return p[:limit]
	}
	return p
}

// LoadIndex builds the search index over the entries and communes of the
// reference database, plus extra documents (the triage outcomes).
func LoadIndex(ctx context.Context, r *Reference, extra ...search.Doc) (*search.Index, error) {
	entries, err := r.Entries(ctx)
	if err != nil {
		return nil, fmt.Errorf("load entries: %w", err)
	}
	places, err := r.Places(ctx)
	if err != nil {
		return nil, fmt.Errorf("load communes: %w", err)
	}
	rules, err := r.SearchRules(ctx)
	if err != nil {
		return nil, err
	}
	return search.Build(entries, places, rules, extra...), nil
}

// PlacesOfEPCI returns the communes of an intercommunality (by SIREN), in
// name order; none if the SIREN is unknown.
func (r *Reference) PlacesOfEPCI(ctx context.Context, siren string) ([]content.Place, error) {
	return r.places(ctx, `WHERE c.epci = ? ORDER BY c.name_folded, c.insee`, siren)
}

// PlacesOfDepartement returns the communes of a département (« 62 »,
// « 2A », « 974 »), in name order; none if the code is unknown.
func (r *Reference) PlacesOfDepartement(ctx context.Context, code string) ([]content.Place, error) {
	return r.places(ctx, `WHERE c.departement = ? ORDER BY c.name_folded, c.insee`, strings.ToUpper(code))
}
