// Package journal is the incident journal without its screen or its
// database: an incident, its log of entries (never edited: a correction
// is a new entry that points to the old one), its evidence, its checklist
// and its deadlines, with French wording for times and remaining time.
//
// It takes and returns plain domain types: no Fyne, no SQL. Times are
// instants (time.Time); they are shown in the location the caller gives,
// the person's local time.
package journal

import (
	"strings"
	"time"

	"reperecyber/textfold"

	// The deadlines are shown in local time, and the tests check them in
	// Europe/Paris: embedding the zone database makes both work on
	// Windows, which ships none (about 450 kB).
	_ "time/tzdata"
)

// Kind says what an entry records. Entries without a kind are notes.
type Kind string

// The kinds of entry a person can choose.
const (
	KindNote     Kind = ""
	KindConstat  Kind = "constat"
	KindAppel    Kind = "appel"
	KindDecision Kind = "decision"
	KindAction   Kind = "action"
)

// Kinds lists the kinds a person can choose, in the order menus show them.
var Kinds = []Kind{KindConstat, KindAppel, KindDecision, KindAction}

// Label is the kind in French, for screens and the dossier.
func (k Kind) Label() string {
	switch k {
	case KindConstat:
		return "Constat"
	case KindAppel:
		return "Appel"
	case KindDecision:
		return "Décision"
	case KindAction:
		return "Action"
	}
	return "Note"
}

// ParseKind reads a kind as typed (« décision », « Decision », « appel »);
// the empty string is a note. ok is false for anything else.
func ParseKind(s string) (Kind, bool) {
	s = textfold.Fold(strings.TrimSpace(s))
	if s == "" || s == "note" {
		return KindNote, true
	}
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return KindNote, false
}

// Incident is one attack or threat the mairie is keeping a record of.
type Incident struct {
	ID int64
	// INSEE and Commune name the commune it happened to.
	INSEE   string
	Commune string
	// OutcomeID is the triage outcome (the diagnosis) it was opened from,
	// empty for an incident opened from scratch; Title and Summary are
	// that outcome's, copied when the incident was opened so that later
	// content updates never rewrite a dossier.
	OutcomeID string
	Title     string
	Summary   string
	// OpenedBy is who opened the journal (free text, may be empty).
	OpenedBy string
	// PersonalData is true when personal data is involved: the CNIL
	// must then be notified within 72 hours of the discovery.
	PersonalData bool
	Discovered   time.Time
	Opened       time.Time
	// Closed is zero while the incident is « en cours ».
	Closed time.Time
	// Steps are the outcome's « à faire maintenant », the checklist.
	Steps []string
	// Deadlines are the outcome's time limits, as its content words them.
	Deadlines []string
}

// Open reports whether the incident is still « en cours ».
func (i Incident) Open() bool { return i.Closed.IsZero() }

// Entry is one line of the log.
type Entry struct {
	ID         int64     `json:"id"`
	IncidentID int64     `json:"incident_id"`
	At         time.Time `json:"at"`
	Kind       Kind      `json:"kind"`
	Text       string    `json:"text"`
	// Step is the checklist step (1-based) this entry ticks, 0 if none.
	Step int `json:"step"`
	// Corrects is the id of the entry this one corrects (or, for a step,
	// unticks), 0 if none.
	Corrects int64 `json:"corrects,omitempty"`
}

// Evidence is a file kept as proof: a copy in the incident store, with
// the hash of its bytes so anyone can check the copy is unchanged.
type Evidence struct {
	ID         int64 `json:"id"`
	IncidentID int64 `json:"incident_id"`
	// Name is the original file's name; Source its full path when added.
	Name   string    `json:"name"`
	Source string    `json:"source"`
	Size   int64     `json:"size"`
	Added  time.Time `json:"added"`
	// SHA256 is the hexadecimal SHA-256 of the file's bytes.
	SHA256 string `json:"sha256"`
	// Stored is the copy's path, relative to the incident store.
	Stored string `json:"stored"`
}

// Dossier is everything the journal knows about one incident.
type Dossier struct {
	Incident Incident
	Entries  []Entry
	Evidence []Evidence
}
