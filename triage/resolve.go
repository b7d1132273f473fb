package triage

import "reperecyber/content"

// Place is what Resolve knows of the user's commune: the services of its
// territory and the gaps recorded for it, as store.Reference.CompetentFor
// returns them (Competent.Local and Competent.Gaps). The zero Place means
// the commune is not known yet.
type Place struct {
	Known bool
	Local []content.Entry
	Gaps  []content.CoverageGap
	// Own are the mairie's own contacts (IT provider, insurer, brigade…)
	// saved for this commune.
	Own []content.LocalContact
}

// Resolved is one line of « qui contacter » for the user's commune.
type Resolved struct {
	// Ref is the contact as the tree names it: « 17cyber », « @csirt ».
	Ref string
	// Label is the heading to show: the entry's title, or for a local
	// contact its role (« Le CSIRT de votre région »).
	Label string
	// When is the condition of this route, empty if it always applies.
	When string
	// Entries are the cards to show with their phone numbers and hours:
	// the entry itself, the commune's CSIRT, or the fallbacks of a gap.
	Entries []content.Entry
	// Own is the mairie's own contact for a role (« @local:informatique »),
	// nil when none is saved (Note then says so).
	Own *content.LocalContact
	// Role is the role asked for by a « @local: » contact, empty otherwise.
	Role content.Role
	// Note is a French sentence to show when Entries are not the service
	// asked for: no CSIRT in the région, commune not chosen yet, own
	// contact not saved.
	Note string
}

// Lookup finds an entry by id: content.Bundle.Entry, or ByID over the
// entries of the reference database.
type Lookup func(id string) (content.Entry, bool)

// ByID returns a Lookup over a list of entries.
func ByID(entries []content.Entry) Lookup {
	index := make(map[string]content.Entry, len(entries))
	for _, e := range entries {
		index[e.ID] = e
	}
	return func(id string) (content.Entry, bool) {
		e, ok := index[id]
		return e, ok
	}
}

// LocalLabel names the role of a local contact category, for a heading.
func LocalLabel(category string) string {
	switch category {
	case content.CategoryCSIRT:
		return "Le CSIRT de votre région (aide d'urgence aux collectivités)"
	case content.CategoryANSSI:
		return "L'ANSSI dans votre région"
	}
	return category
}

// Resolve turns an outcome's contacts into what to show for one commune:
// national services as they are, « @csirt » and « @anssi-region » as the
// commune's own, or, where the région has none, the recorded gap and its
// fallbacks. It is pure: the caller fetches here and lookup beforehand.
func Resolve(o Outcome, here Place, lookup Lookup) []Resolved {
	out := make([]Resolved, 0, len(o.Contacts))
	for _, c := range o.Contacts {
		r := Resolved{Ref: c.Ref, When: c.When}
		if role, ok := c.Role(); ok {
			r.Label, r.Role = role.Label(), role
			r.Own, r.Note = own(role, here)
		} else if cat, local := c.Local(); local {
			r.Label = LocalLabel(cat)
			r.Entries, r.Note = resolveLocal(o, cat, here, lookup)
		} else if e, ok := lookup(c.Ref); ok {
			r.Label, r.Entries = e.Title, []content.Entry{e}
		} else {
			r.Label, r.Note = c.Ref, "Fiche introuvable dans cette version du contenu."
		}
		out = append(out, r)
	}
	return out
}

// NoOwnNote is shown for one of the mairie's own contacts that is not saved yet.
const NoOwnNote = "Numéro pas encore enregistré pour votre commune."

func own(role content.Role, here Place) (*content.LocalContact, string) {
	if !here.Known {
		return nil, NoPlaceNote
	}
	for i := range here.Own {
		if here.Own[i].Role == role {
			c := here.Own[i]
			return &c, ""
		}
	}
	return nil, NoOwnNote
}

// NoPlaceNote is shown for a local contact while the commune is unknown.
const NoPlaceNote = "Indiquez votre commune pour voir ce contact, avec son numéro et ses horaires."

func resolveLocal(o Outcome, cat string, here Place, lookup Lookup) ([]content.Entry, string) {
	if !here.Known {
		return nil, NoPlaceNote
	}
	var found []content.Entry
	for _, e := range here.Local {
		if e.Category == cat {
			found = append(found, e)
		}
	}
	if len(found) > 0 {
		return found, ""
	}
	for _, g := range here.Gaps {
		if g.Category == cat {
			return fallbacks(o, g, lookup), g.Note
		}
	}
	return nil, "Aucun service de ce type n'est connu pour votre commune. Utilisez les autres contacts de cette liste."
}

// fallbacks are a gap's replacement services, less those the outcome
// already lists, so that no service shows twice.
func fallbacks(o Outcome, g content.CoverageGap, lookup Lookup) []content.Entry {
	var out []content.Entry
	for _, id := range g.Fallback {
		if o.lists(id) {
			continue
		}
		if e, ok := lookup(id); ok {
			out = append(out, e)
		}
	}
	return out
}

func (o Outcome) lists(id string) bool {
	for _, c := range o.Contacts {
		if c.Ref == id {
			return true
		}
	}
	return false
}
