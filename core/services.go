package core

import (
	"context"
	"fmt"

	"reperecyber/content"
	"reperecyber/search"
	"reperecyber/store"
	"reperecyber/triage"
)

// Services returns what serves a commune: the services of its territory
// (its CSIRT, its ANSSI contact…), the gaps recorded for it, and the
// national services.
func (c *Core) Services(ctx context.Context, p content.Place) (store.Competent, error) {
	comp, err := c.ref.CompetentFor(ctx, p)
	if err != nil {
		return comp, fmt.Errorf("services for %s: %w", p.INSEE, err)
	}
	return comp, nil
}

// HereFor gathers what triage needs of a commune: its services, its gaps
// and the mairie's own contacts. A nil place gives the zero Place
// (commune not chosen), whose contacts explain that the commune is
// needed. Own contacts that cannot be read (damaged user database) are
// left out; the front-end already says why through UserErr.
func (c *Core) HereFor(ctx context.Context, p *content.Place) (triage.Place, error) {
	if p == nil {
		return triage.Place{}, nil
	}
	comp, err := c.Services(ctx, *p)
	if err != nil {
		return triage.Place{}, err
	}
	own, _ := c.LocalContacts(ctx, p.INSEE)
	return triage.Place{Known: true, Local: comp.Local, Gaps: comp.Gaps, Own: own}, nil
}

// WhomToCall is the one contact resolver: for an outcome and a commune,
// the ordered list of whom to call, each with its condition. The
// commune's CSIRT (or the recorded gap and its fallbacks), its ANSSI
// contact, the mairie's own contacts for the roles the outcome needs, and
// national services. A nil place still gives the national services, and
// for the others a note that the commune is needed.
func (c *Core) WhomToCall(ctx context.Context, o triage.Outcome, p *content.Place) ([]triage.Resolved, error) {
	h, err := c.HereFor(ctx, p)
	if err != nil {
		return nil, err
	}
	return triage.Resolve(o, h, c.Entry), nil
}

// SearchHere is where a search is made from, for a commune: its région and
// département, and the ids of its own CSIRT and ANSSI contact, which come
// first for « csirt » or « urgence cyber ». A nil place gives the zero
// Here (no commune chosen: every région alike).
func (c *Core) SearchHere(ctx context.Context, p *content.Place) search.Here {
	if p == nil {
		return search.Here{}
	}
	h := search.Here{Region: p.Region, Departement: p.Departement}
	if comp, err := c.Services(ctx, *p); err == nil {
		for _, e := range comp.Local {
			if e.Category == content.CategoryCSIRT || e.Category == content.CategoryANSSI {
				h.Local = append(h.Local, e.ID)
			}
		}
	}
	return h
}
