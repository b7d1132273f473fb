package export

import (
	"reperecyber/content"
	"reperecyber/triage"
)

// FicheFromOutcome prepares the fiche réflexe of a triage outcome for a
// commune: its contacts as resolve chose them (the commune's CSIRT, or
// the fallbacks of a gap), each service once, in the outcome's order.
func FicheFromOutcome(o triage.Outcome, resolved []triage.Resolved, diagnosis content.Entry, place content.Place) FicheData {
	text := o.Summary
	if diagnosis.Title != "" {
		text = diagnosis.Title + " : " + text
	}
	seen := map[string]bool{}
	var contacts []content.Entry
	for _, r := range resolved {
		for _, e := range r.Entries {
			if !seen[e.ID] {
				seen[e.ID] = true
				contacts = append(contacts, e)
			}
		}
	}
	return FicheData{
		Title: o.Title, Diagnosis: text,
		Steps: o.Steps, Dont: o.Dont, Evidence: o.Evidence, Deadlines: o.Deadlines,
		Contacts: contacts, Place: place,
	}
}
