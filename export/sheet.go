package export

import (
	"fmt"
	"strings"

	"reperecyber/content"
)

// SheetData is what one commune's contact sheet is made from.
type SheetData struct {
	Place content.Place
	// Entries are the reference entries the sheet draws from: the services
	// competent for the commune (store.Competent's Local and National) and
	// the pack élus entries (content.KindElus). Others are ignored, so
	// passing every entry is fine.
	Entries []content.Entry
	// Gaps are the coverage gaps recorded for the commune's région
	// (store.Competent.Gaps): printed where its CSIRT or ANSSI contact
	// would be.
	Gaps []content.CoverageGap
	// Contacts are the mairie's own contacts (brigade, IT provider…).
	// Roles without one get blank lines to fill in by hand.
	Contacts []content.LocalContact
}

// Page is one printed page described as data: a header, sections of
// rows, the websites to print as QR codes and the « à vérifier »
// footnote. One renderer draws contact sheets, fiches réflexes and cards
// from it.
type Page struct {
	// Kicker is the line in the black band at the top.
	Kicker string
	// Title is printed large (the commune, the fiche's title), Subtitle
	// and Advice under it.
	Title, Subtitle, Advice string
	Sections                []Section
	// Links are the websites of the page, each printed as a QR code.
	Links []Link
	// ToCheck names the facts marked « à vérifier » on the page.
	ToCheck []string
}

// Style says how a section is drawn.
type Style int

// The section styles of the contact sheet.
const (
	StyleList      Style = iota // services, one row each
	StyleEmergency              // boxes with big numbers
	StyleLocal                  // the mairie's contacts, blank lines when unknown
	StyleSteps                  // numbered steps
	StyleBullets                // a bulleted list
	StyleText                   // paragraphs
)

// Column says how wide a section is.
type Column int

// The widths a section can take. Consecutive half-width sections share two
// columns, split where the columns come out most even.
const (
	ColumnFull Column = iota
	ColumnHalf
)

// Section is a titled block of the sheet.
type Section struct {
	Title  string
	Style  Style
	Column Column
	// Break starts a new pair of columns under the previous half-width
	// sections, instead of flowing on in them.
	Break bool
	// Intro is an optional sentence under the title.
	Intro string
	Rows  []Row
}

// Row is one service, local contact or reflex.
type Row struct {
	// Name is printed in bold, Detail after it in regular type.
	Name, Detail string
	// Big is the number printed large in emergency boxes (« 17 »), with
	// BigPrefix above it (« SMS »).
	Big, BigPrefix string
	// Values are the ways to reach it, in print order.
	Values []Value
	// Text is a paragraph shown when there is no contact to print (a
	// summary, a gap note, a reflex).
	Text string
	// ToCheck marks the row itself « à vérifier ».
	ToCheck bool
	// Blank asks for lines to fill in by hand: the contact is unknown.
	Blank bool
	// When is the condition of a contact (« Pour porter plainte. »),
	// printed after « Quand : ».
	When string
}

// Value is one way to reach a service.
type Value struct {
	Type    content.ContactType
	Text    string
	ToCheck bool
}

// Link is a website printed as a QR code.
type Link struct {
	Caption string
	URL     string
}

// BuildSheet turns the data of a commune into the sections of its sheet,
// following sheetLayout. It fails only if the content lacks an entry the
// layout names, which content validation and the tests rule out.
func BuildSheet(d SheetData) (Page, error) {
	b := sheetBuilder{d: d}
	pg := Page{
		Kicker:   "FICHE CONTACTS CYBER · À GARDER PRÈS DU TÉLÉPHONE",
		Title:    d.Place.Name,
		Subtitle: territory(d.Place),
		Advice:   "Le jour d'une cyberattaque, les ordinateurs peuvent être bloqués : imprimez cette fiche et affichez-la. Les numéros viennent des sources officielles citées dans l'application Repère Cyber.",
	}
	for _, spec := range sheetLayout {
		sec, err := b.section(spec)
		if err != nil {
			return Page{}, err
		}
		pg.Sections = append(pg.Sections, sec)
	}
	pg.Links, pg.ToCheck = linksAndChecks(pg.Sections)
	return pg, nil
}

func territory(pl content.Place) string {
	parts := []string{"Code INSEE " + pl.INSEE}
	if len(pl.Postcodes) > 0 {
		parts[0] += " · " + strings.Join(pl.Postcodes, ", ")
	}
	if pl.EPCIName != "" {
		parts = append(parts, pl.EPCIName)
	}
	parts = append(parts, pl.DepartementName+" ("+pl.Departement+")", "région "+pl.RegionName)
	return strings.Join(parts, " · ")
}

type sheetBuilder struct {
	d SheetData
}

// entry finds an entry by id. A linear search: the layout names about
// twenty entries, and a map of every entry per sheet cost more, in a
// batch, than the rest of the sheet's building.
func (b sheetBuilder) entry(id string) (content.Entry, bool) {
	for i := range b.d.Entries {
		if b.d.Entries[i].ID == id {
			return b.d.Entries[i], true
		}
	}
	return content.Entry{}, false
}

func (b sheetBuilder) section(spec sectionSpec) (Section, error) {
	sec := Section{Title: spec.Title, Style: spec.Style, Column: spec.Column, Break: spec.Break}
	switch spec.Style {
	case StyleLocal:
		sec.Rows = localRows(b.d.Contacts)
		sec.Intro = spec.Intro
		return sec, nil
	case StyleSteps:
		e, ok := b.entry(spec.Rows[0].ID)
		if !ok {
			return sec, fmt.Errorf("contact sheet: entry %q missing", spec.Rows[0].ID)
		}
		sec.Title, sec.Intro, sec.Rows = e.Title, firstParagraph(e.Body), stepRows(e.Body)
		return sec, nil
	}
	for _, rs := range spec.Rows {
		rows, err := b.rows(rs, spec.Style)
		if err != nil {
			return sec, err
		}
		sec.Rows = append(sec.Rows, rows...)
	}
	return sec, nil
}

// rows resolves one row of the layout: an entry by id, or the entries of a
// category that cover the commune (its CSIRT), or the gap note instead.
func (b sheetBuilder) rows(rs rowSpec, st Style) ([]Row, error) {
	if rs.ID != "" {
		e, ok := b.entry(rs.ID)
		if !ok {
			return nil, fmt.Errorf("contact sheet: entry %q missing", rs.ID)
		}
		if st == StyleEmergency {
			return []Row{emergencyRow(e)}, nil
		}
		return []Row{serviceRow(e, rs)}, nil
	}
	var out []Row
	for i := range b.d.Entries {
		e := &b.d.Entries[i]
		if e.Category == rs.Category && !e.National() && !e.Historical && e.Covers(b.d.Place.Departement, b.d.Place.Region) {
			out = append(out, serviceRow(*e, rs))
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	return b.gapRows(rs), nil
}

func (b sheetBuilder) gapRows(rs rowSpec) []Row {
	for _, g := range b.d.Gaps {
		if g.Category == rs.Category && g.Region == b.d.Place.Region {
			return []Row{{Name: rs.GapName, Text: g.Note, ToCheck: true}}
		}
	}
	return []Row{{Name: rs.GapName, Text: "Aucun contact connu pour votre région : utilisez les autres services de cette rubrique."}}
}

// splitTitle cuts « Pharos – signaler un contenu illégal » into its name
// and what it does.
func splitTitle(title string) (name, detail string) {
	if n, d, ok := strings.Cut(title, " – "); ok {
		return n, d
	}
	return title, ""
}

func emergencyRow(e content.Entry) Row {
	_, detail := splitTitle(e.Title)
	r := Row{Name: detail, ToCheck: e.Status == content.StatusToCheck}
	for _, c := range e.Contacts {
		if (c.Type == content.ContactPhone || c.Type == content.ContactSMS) && !Doubtful(c) {
			r.Big = c.Value
			if c.Type == content.ContactSMS {
				r.BigPrefix = "SMS"
			}
			r.ToCheck = r.ToCheck || c.Status == content.StatusToCheck
			break
		}
	}
	return r
}

// printedTypes are the contact types a sheet prints, one of each at most.
var printedTypes = []content.ContactType{
	content.ContactPhone, content.ContactSMS, content.ContactEmail,
	content.ContactURL, content.ContactAddress, content.ContactHours,
}

func serviceRow(e content.Entry, rs rowSpec) Row {
	name, detail := splitTitle(e.Title)
	r := Row{Name: name, Detail: detail, ToCheck: e.Status == content.StatusToCheck}
	var held string
	r.Values, held = printableValues(e, printedTypes, true)
	reachable := false
	for _, v := range r.Values {
		reachable = reachable || v.Type != content.ContactHours
	}
	switch {
	case held != "":
		r.Text = held
	case !reachable || rs.Summary:
		r.Text = e.Summary
	}
	return r
}

func localRows(contacts []content.LocalContact) []Row {
	byRole := map[content.Role]content.LocalContact{}
	for _, c := range contacts {
		byRole[c.Role] = c
	}
	rows := make([]Row, 0, len(content.Roles))
	for _, role := range content.Roles {
		c, ok := byRole[role]
		if !ok {
			rows = append(rows, Row{Name: role.Label(), Blank: true})
			continue
		}
		r := Row{Name: role.Label(), Detail: c.Name, Text: c.Note}
		if c.Phone != "" {
			r.Values = append(r.Values, Value{Type: content.ContactPhone, Text: c.Phone})
		}
		if c.Email != "" {
			r.Values = append(r.Values, Value{Type: content.ContactEmail, Text: c.Email})
		}
		rows = append(rows, r)
	}
	return rows
}

// stepRows makes one row per list item of a body (« - Des sauvegardes :
// copiez… »), the words before the colon in bold.
func stepRows(body string) []Row {
	var rows []Row
	for _, p := range content.Paragraphs(body) {
		item, ok := strings.CutPrefix(p, "- ")
		if !ok {
			continue
		}
		if head, rest, ok := strings.Cut(item, " : "); ok {
			rows = append(rows, Row{Name: head, Text: rest})
		} else {
			rows = append(rows, Row{Text: item})
		}
	}
	return rows
}

func firstParagraph(body string) string {
	if ps := content.Paragraphs(body); len(ps) > 0 && !strings.HasPrefix(ps[0], "- ") {
		return ps[0]
	}
	return ""
}

// linksAndChecks collects the websites to print as QR codes (each once, in
// page order) and the names of the facts to check.
func linksAndChecks(sections []Section) ([]Link, []string) {
	var links []Link
	var checks []string
	seen := map[string]bool{}
	for _, sec := range sections {
		for _, r := range sec.Rows {
			if r.ToCheck {
				checks = append(checks, r.Name)
			}
			for _, v := range r.Values {
				if v.ToCheck {
					checks = append(checks, r.Name+" ("+strings.ToLower(v.Type.Label())+")")
				}
				if v.Type == content.ContactURL && !seen[v.Text] && sec.Style == StyleList {
					seen[v.Text] = true
					links = append(links, Link{Caption: strings.TrimSuffix(r.Name, ".gouv.fr"), URL: v.Text})
				}
			}
		}
	}
	return links, checks
}
