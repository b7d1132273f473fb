package export

import (
	"reperecyber/content"
	"reperecyber/triage"
)

// Call is one contact of a fiche réflexe: a service (or the fallbacks of
// a gap), or one of the mairie's own contacts, with its condition.
type Call struct {
	// Label names what the outcome asks for (« Prestataire informatique »,
	// « Le CSIRT de votre région »).
	Label string
	// When is the condition, empty if the contact always applies.
	When string
	// Entries are the services to call.
	Entries []content.Entry
	// Role is set for one of the mairie's own contacts; Own is that
	// contact, nil when it is not saved yet (a line to write it on is
	// printed).
	Role content.Role
	Own  *content.LocalContact
	// Note says why Entries are not the service asked for (no CSIRT in
	// the région).
	Note string
	// Now puts the contact under « Appelez maintenant », before the steps.
	Now bool
}

// callNowRefs are the contacts a fiche puts first, besides the mairie's
// own: the commune's CSIRT, 17Cyber and the 17.
var callNowRefs = map[string]bool{"@csirt": true, "17cyber": true, "urgence-17": true}

// FicheFromOutcome prepares the fiche réflexe of a triage outcome for a
// commune: its contacts as resolve chose them (the commune's CSIRT, or
// the fallbacks of a gap, the mairie's own contacts), each service once,
// in the outcome's order, with their conditions.
func FicheFromOutcome(o triage.Outcome, resolved []triage.Resolved, diagnosis content.Entry, place content.Place) FicheData {
	text := o.Summary
	if diagnosis.Title != "" {
		text = diagnosis.Title + " : " + text
	}
	seen := map[string]bool{}
	var calls []Call
	for _, r := range resolved {
		c := Call{Label: r.Label, When: r.When, Role: r.Role, Own: r.Own, Note: r.Note, Now: r.Role != "" || callNowRefs[r.Ref]}
		for _, e := range r.Entries {
			if !seen[e.ID] {
				seen[e.ID] = true
				c.Entries = append(c.Entries, e)
			}
		}
		if c.Role != "" || len(c.Entries) > 0 || c.Note != "" {
			calls = append(calls, c)
		}
	}
	return FicheData{
		Title: o.Title, Diagnosis: text,
		Steps: o.Steps, Dont: o.Dont, Evidence: o.Evidence, Deadlines: o.Deadlines,
		Calls: calls, Place: place,
	}
}

// callRows turns calls into the rows of « Appelez maintenant » and of the
// other contacts.
func callRows(calls []Call) (now, later []Row) {
	for _, c := range calls {
		rows := c.rows()
		if c.Now {
			now = append(now, rows...)
		} else {
			later = append(later, rows...)
		}
	}
	return now, later
}

func (c Call) rows() []Row {
	if c.Role != "" {
		return []Row{ownRow(c)}
	}
	var rows []Row
	if c.Note != "" {
		rows = append(rows, Row{Name: c.Label, Text: c.Note, When: c.When})
	}
	for _, e := range c.Entries {
		r := serviceRow(e, rowSpec{})
		r.When = c.When
		rows = append(rows, r)
	}
	return rows
}

// ownRow is one of the mairie's own contacts, or a line to write it on.
func ownRow(c Call) Row {
	label := c.Role.Label()
	if c.Own == nil {
		return Row{Name: label, Blank: true, When: c.When}
	}
	r := Row{Name: label, Detail: c.Own.Name, Text: c.Own.Note, When: c.When}
	if c.Own.Phone != "" {
		r.Values = append(r.Values, Value{Type: content.ContactPhone, Text: c.Own.Phone})
	}
	if c.Own.Email != "" {
		r.Values = append(r.Values, Value{Type: content.ContactEmail, Text: c.Own.Email})
	}
	return r
}
