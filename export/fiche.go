package export

import (
	"errors"
	"io"
	"slices"
	"strings"

	"reperecyber/content"
)

// FicheData is a fiche réflexe: what to do, on one page, for one situation
// (a triage outcome). It is plain data so that any caller can fill it.
type FicheData struct {
	Title string
	// Diagnosis says in a few sentences what is happening.
	Diagnosis string
	// Steps are what to do now, in order.
	Steps []string
	// Dont are the mistakes to avoid.
	Dont []string
	// Evidence lists what to keep for the complaint and the insurer.
	Evidence []string
	// Deadlines are the time limits that apply (« CNIL : 72 heures »).
	Deadlines []string
	// Calls are the contacts as triage resolved them for the commune,
	// each with its condition, in the outcome's order (FicheFromOutcome
	// fills them). Those with Now set open the page, under « Appelez
	// maintenant ».
	Calls []Call
	// Contacts are services to list without conditions, for a fiche not
	// made from a triage outcome.
	Contacts []content.Entry
	// Place is the commune the fiche is for; zero for a generic fiche.
	Place content.Place
}

// Fiche writes a one-page fiche réflexe as a PDF.
func Fiche(w io.Writer, f FicheData, opt Options) error {
	return writePage(w, BuildFiche(f), opt)
}

// BuildFiche describes a fiche réflexe as a page: whom to call first,
// then what to do, then the rest.
func BuildFiche(f FicheData) Page {
	pg := Page{Kicker: "FICHE RÉFLEXE · QUE FAIRE MAINTENANT", Title: f.Title, Advice: f.Diagnosis}
	if f.Place.INSEE != "" {
		pg.Subtitle = "Pour " + f.Place.Name + " · " + territory(f.Place)
	}
	add := func(title string, st Style, col Column, rows []Row) {
		if len(rows) > 0 {
			pg.Sections = append(pg.Sections, Section{Title: title, Style: st, Column: col, Rows: rows})
		}
	}
	now, later := callRows(f.Calls)
	for _, e := range f.Contacts {
		later = append(later, serviceRow(e, rowSpec{}))
	}
	add("Appelez maintenant", StyleList, ColumnFull, now)
	add("À faire maintenant", StyleSteps, ColumnFull, itemRows(f.Steps))
	add("À ne pas faire", StyleBullets, ColumnHalf, itemRows(f.Dont))
	add("Preuves à garder", StyleBullets, ColumnHalf, itemRows(f.Evidence))
	add("Délais", StyleBullets, ColumnFull, itemRows(f.Deadlines))
	title := "Autres contacts, selon le cas"
	if len(now) == 0 {
		title = "Contacts"
	}
	add(title, StyleList, ColumnFull, later)
	pg.Links, pg.ToCheck = linksAndChecks(pg.Sections)
	return pg
}

// EntryCard writes any card of the reference (service, definition, pack
// élus) as a PDF: its text, every contact and its sources.
func EntryCard(w io.Writer, e content.Entry, opt Options) error {
	return writePage(w, BuildCard(e), opt)
}

// BuildCard describes a card as a page.
func BuildCard(e content.Entry) Page {
	pg := Page{Kicker: strings.ToUpper("Fiche · " + e.Kind.Label()), Title: e.Title, Advice: e.Summary}
	var text, items []Row
	for _, para := range content.Paragraphs(e.Body) {
		if item, ok := strings.CutPrefix(para, "- "); ok {
			items = append(items, Row{Text: item})
			continue
		}
		if len(items) > 0 {
			pg.Sections = append(pg.Sections, Section{Style: StyleText, Rows: text}, Section{Style: StyleBullets, Rows: items})
			text, items = nil, nil
		}
		text = append(text, Row{Text: para})
	}
	pg.Sections = append(pg.Sections, Section{Style: StyleText, Rows: text}, Section{Style: StyleBullets, Rows: items})
	if e.Status == content.StatusToCheck && e.Note != "" {
		pg.Sections = append(pg.Sections, Section{Title: "À vérifier", Style: StyleText, Rows: textRows(e.Note)})
	}
	if len(e.Contacts) > 0 {
		pg.Sections = append(pg.Sections, Section{Title: "Contacts", Style: StyleList, Rows: []Row{cardRow(e)}})
	}
	var sources []Row
	for _, s := range e.Sources {
		sources = append(sources, Row{Text: content.SourceLine(s)})
	}
	pg.Sections = nonEmpty(append(pg.Sections, Section{Title: "Sources", Style: StyleBullets, Rows: sources}))
	pg.Links, pg.ToCheck = linksAndChecks(pg.Sections)
	return pg
}

func nonEmpty(secs []Section) []Section {
	out := secs[:0]
	for _, s := range secs {
		if len(s.Rows) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// cardRow lists every contact of an entry, not just one of each type.
func cardRow(e content.Entry) Row {
	name, detail := splitTitle(e.Title)
	r := Row{Name: name, Detail: detail}
	var types []content.ContactType
	for _, c := range e.Contacts {
		if !slices.Contains(types, c.Type) {
			types = append(types, c.Type)
		}
	}
	r.Values, r.Text = printableValues(e, types, false)
	return r
}

func textRows(text string) []Row {
	var rows []Row
	for _, p := range content.Paragraphs(text) {
		rows = append(rows, Row{Text: p})
	}
	return rows
}

func itemRows(items []string) []Row {
	rows := make([]Row, 0, len(items))
	for _, it := range items {
		rows = append(rows, Row{Text: it})
	}
	return rows
}

// writePage writes a one-page document. Like every export, it never
// panics (see ContactSheets).
func writePage(w io.Writer, pg Page, opt Options) error {
	return guard("de la fiche", func() error {
		doc, err := newCheckedDocument(opt, pg.Title, 1)
		if err != nil {
			return err
		}
		if err := doc.addPage(pg); err != nil {
			if errors.Is(err, ErrTooLong) {
				return &Error{Message: "La fiche « " + excerpt(pg.Title) + " » ne tient pas sur une page.", Err: err}
			}
			return err
		}
		return doc.finish(w)
	})
}
