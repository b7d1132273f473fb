package store

import (
	"context"
	"database/sql"

	"reperecyber/content"
)

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
// the national services; bodies that take no calls are left out.
func (r *Reference) CompetentFor(ctx context.Context, p content.Place) (Competent, error) {
	return inTxValue(ctx, r.db, func(tx *sql.Tx) (Competent, error) { return competentFor(ctx, tx, p) })
}

func competentFor(ctx context.Context, tx *sql.Tx, p content.Place) (Competent, error) {
	out := Competent{Place: p}
	all, err := entries(ctx, tx, `WHERE e.kind = ?`, content.KindService)
	if err != nil {
		return out, err
	}
	for _, e := range all {
		switch {
		case e.Category == content.CategoryWhoDoesWhat:
			// not someone to call: the directory lists them apart
		case e.National():
			out.National = append(out.National, e)
		case e.Covers(p.Departement, p.Region):
			out.Local = append(out.Local, e)
		}
	}
	for _, cat := range []string{content.CategoryCSIRT, content.CategoryANSSI} {
		g, ok, err := gap(ctx, tx, p.Region, cat)
		if err != nil {
			return out, err
		}
		if ok {
			out.Gaps = append(out.Gaps, g)
		}
	}
	return out, nil
}
