package export

import (
	"fmt"

	"reperecyber/content"
)

// sectionSpec describes a section of the contact sheet: its title, how it
// is drawn, and which content fills it. Numbers and texts always come from
// the content entries named here, never from Go code.
type sectionSpec struct {
	Title  string
	Style  Style
	Column Column
	// Break starts a new pair of columns (see Section.Break).
	Break bool
	Intro string
	Rows  []rowSpec
}

// rowSpec names an entry by ID, or a Category whose entries covering the
// commune are listed (its CSIRT, its ANSSI delegation), with GapName as
// the row's name when the région has none.
type rowSpec struct {
	ID       string
	Category string
	GapName  string
	// Summary prints the entry's summary even when it has contacts.
	Summary bool
}

func ids(list ...string) []rowSpec {
	out := make([]rowSpec, len(list))
	for i, id := range list {
		out[i] = rowSpec{ID: id}
	}
	return out
}

// sheetLayout is the contact sheet, top to bottom; half-width sections
// flow down the left column, then the right one.
var sheetLayout = []sectionSpec{
	{Title: "Urgence : une personne est en danger", Style: StyleEmergency, Column: ColumnFull,
		Rows: ids("urgence-17", "urgence-112", "urgence-114", "urgence-15", "urgence-18")},
	{Title: "Cyberattaque : se faire aider", Style: StyleList, Column: ColumnHalf, Rows: []rowSpec{
		{ID: "17cyber"},
		{Category: content.CategoryCSIRT, GapName: "CSIRT régional"},
		{ID: "cybermalveillance"},
		{Category: content.CategoryANSSI, GapName: "ANSSI en région"},
	}},
	{Title: "Signaler, porter plainte, déclarer", Style: StyleList, Column: ColumnHalf,
		Rows: ids("pharos", "thesee", "perceval", "signal-33700", "signal-spam", "cnil-violation")},
	{Title: "Élus menacés, harcelés, agressés", Style: StyleList, Column: ColumnHalf,
		Rows: ids("referent-atteintes-elus", "alarme-elu", "bouton-appel", "calae", "ligne-ecoute-elus")},
	{Title: "Nos contacts locaux", Style: StyleLocal, Column: ColumnHalf,
		Intro: "À remplir par la mairie ; à tenir à jour."},
	// What to do in an attack, beside the everyday hygiene.
	{Style: StyleSteps, Column: ColumnHalf, Break: true, Rows: ids("premiers-reflexes-cyberattaque")},
	{Style: StyleSteps, Column: ColumnHalf, Rows: ids("cinq-reflexes")},
}

// ValidateLayout checks that every entry the contact sheet names exists in
// entries, so that a content change cannot silently empty a section.
func ValidateLayout(entries []content.Entry) error {
	have := map[string]bool{}
	cats := map[string]bool{}
	for _, e := range entries {
		have[e.ID] = true
		cats[e.Category] = true
	}
	for _, sec := range sheetLayout {
		for _, r := range sec.Rows {
			if r.ID != "" && !have[r.ID] {
				return fmt.Errorf("contact sheet names entry %q, which does not exist", r.ID)
			}
			if r.Category != "" && !cats[r.Category] {
				return fmt.Errorf("contact sheet names category %q, which has no entry", r.Category)
			}
		}
	}
	return nil
}
