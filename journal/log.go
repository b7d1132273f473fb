package journal

import (
	"strings"
	"time"
)

// MaxText is the longest entry accepted, in bytes: a long paragraph. A
// whole mail belongs in the evidence, not in the log.
const MaxText = 4000

// CheckEntry returns the French problem with an entry's text, or "".
func CheckEntry(text string) string {
	switch t := strings.TrimSpace(text); {
	case t == "":
		return "L'entrée est vide : écrivez ce qui a été vu, fait, décidé ou qui a été appelé."
	case len(t) > MaxText:
		return "L'entrée est trop longue (plus de 4 000 caractères) : gardez le texte long comme preuve (fichier) et résumez-le ici."
	}
	return ""
}

// StepText is the entry text that ticks a checklist step.
func StepText(step string) string { return "Fait : " + step }

// UntickText is the entry text that unticks a checklist step.
func UntickText(step string) string { return "Pas encore fait (coche retirée) : " + step }

// CheckItem is one step of the checklist and its state.
type CheckItem struct {
	Step int    `json:"step"` // 1-based
	Text string `json:"text"`
	Done bool   `json:"done"`
	// At is when it was ticked, zero when not done.
	At time.Time `json:"at,omitzero"`
}

// Checklist is the state of the incident's steps after its entries: a
// step is done when an entry ticked it and no later entry unticked it.
func Checklist(inc Incident, entries []Entry) []CheckItem {
	items := make([]CheckItem, len(inc.Steps))
	for i, s := range inc.Steps {
		items[i] = CheckItem{Step: i + 1, Text: s}
	}
	for _, e := range entries {
		if e.Step < 1 || e.Step > len(items) {
			continue
		}
		it := &items[e.Step-1]
		if e.Corrects != 0 {
			it.Done, it.At = false, time.Time{}
		} else {
			it.Done, it.At = true, e.At
		}
	}
	return items
}

// Corrected maps each entry id to the id of the latest entry correcting
// it, so a timeline can mark the entries that were corrected later.
func Corrected(entries []Entry) map[int64]int64 {
	out := map[int64]int64{}
	for _, e := range entries {
		if e.Corrects != 0 && e.Step == 0 {
			out[e.Corrects] = e.ID
		}
	}
	return out
}

// Calls lists the entries of kind « appel »: the contacts called.
func Calls(entries []Entry) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Kind == KindAppel {
			out = append(out, e)
		}
	}
	return out
}

// ByKind lists the entries of the given kinds, in order.
func ByKind(entries []Entry, kinds ...Kind) []Entry {
	var out []Entry
	for _, e := range entries {
		for _, k := range kinds {
			if e.Kind == k {
				out = append(out, e)
				break
			}
		}
	}
	return out
}
