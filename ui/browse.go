package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
)

// browseRow is one line of the browse list: a category heading or an entry.
type browseRow struct {
	heading bool
	text    string
	id      string
}

// browseScreen lists the entries of one kind (the directory, the
// definitions or the pack élus) grouped by category, with filters by
// audience and, for the directory, by territory.
type browseScreen struct {
	shell    *shell
	kind     content.Kind
	title    *widget.RichText
	audience *widget.Select
	scope    *widget.Select
	count    *widget.Label
	list     *widget.List
	rows     []browseRow
	obj      fyne.CanvasObject
}

// Territory filter choices of the directory.
const (
	scopeAll     = "Tous les services"
	scopeNation  = "Services nationaux"
	scopeCommune = "Pour ma commune"
	audienceAll  = "Tous les publics"
)

var kindTitles = map[content.Kind]string{
	content.KindService:    "Annuaire des services",
	content.KindDefinition: "Définitions",
	content.KindElus:       "Pack sécurité élus",
}

func newBrowseScreen(s *shell) *browseScreen {
	b := &browseScreen{shell: s, kind: content.KindService, title: heading(""), count: widget.NewLabel("")}
	options := []string{audienceAll}
	for _, a := range content.Audiences {
		options = append(options, "Pour : "+strings.ToLower(a.Label())+"s")
	}
	b.audience = widget.NewSelect(options, func(string) { b.refresh() })
	b.audience.SetSelectedIndex(0)
	b.scope = widget.NewSelect([]string{scopeAll, scopeNation, scopeCommune}, func(string) { b.refresh() })
	b.scope.SetSelectedIndex(0)
	b.list = widget.NewList(func() int { return len(b.rows) }, b.createRow, b.updateRow)
	b.list.OnSelected = b.onSelected
	filters := container.NewGridWithColumns(3, b.audience, b.scope, b.count)
	b.obj = container.NewBorder(container.NewPadded(container.NewVBox(b.title, filters)), nil, nil, nil, b.list)
	return b
}

func (b *browseScreen) content() fyne.CanvasObject { return b.obj }

func (b *browseScreen) setLibrary(*library) {
	b.defaultScope()
	b.refresh()
}

// defaultScope opens the directory on what serves the person's commune:
// its CSIRT, not the other régions'. « Tous les services » is one click
// away.
func (b *browseScreen) defaultScope() {
	if lib := b.shell.lib; lib != nil && lib.commune != nil && b.kind == content.KindService {
		b.scope.SetSelected(scopeCommune)
	} else {
		b.scope.SetSelectedIndex(0)
	}
}

// showKind switches the screen to another kind of entries.
func (b *browseScreen) showKind(kind string) {
	k := content.Kind(kind)
	if _, ok := kindTitles[k]; !ok {
		k = content.KindService
	}
	if k == b.kind && len(b.rows) > 0 {
		return
	}
	b.kind = k
	b.defaultScope()
	if k == content.KindService {
		b.scope.Show()
	} else {
		b.scope.Hide()
	}
	b.refresh()
}

// refresh rebuilds the rows from the library and the filters.
func (b *browseScreen) refresh() {
	lib := b.shell.lib
	b.title.Segments = heading(kindTitles[b.kind]).Segments
	b.title.Refresh()
	if lib == nil {
		return
	}
	var rows []browseRow
	last, n := "", 0
	for _, e := range lib.byKind[b.kind] {
		if !b.keep(e, lib) {
			continue
		}
		if e.Category != last {
			rows = append(rows, browseRow{heading: true, text: strings.ToUpper(lib.categories[e.Category].Title)})
			last = e.Category
		}
		rows = append(rows, browseRow{text: entryLine(e), id: e.ID})
		n++
	}
	b.rows = rows
	b.count.SetText(fmt.Sprintf("%d fiches", n))
	if n == 0 {
		b.count.SetText("Aucune fiche avec ces filtres")
	}
	b.list.UnselectAll()
	b.list.Refresh()
}

// keep applies the filters to one entry.
func (b *browseScreen) keep(e content.Entry, lib *library) bool {
	if i := b.audience.SelectedIndex(); i > 0 && !hasAudience(e, content.Audiences[i-1]) {
		return false
	}
	if b.kind != content.KindService {
		return true
	}
	switch b.scope.Selected {
	case scopeNation:
		return e.National()
	case scopeCommune:
		c := lib.commune
		return c != nil && e.Category != content.CategoryWhoDoesWhat && e.Covers(c.Place.Departement, c.Place.Region)
	}
	return true
}

func hasAudience(e content.Entry, a content.Audience) bool {
	for _, x := range e.Audience {
		if x == a {
			return true
		}
	}
	return false
}

func (b *browseScreen) createRow() fyne.CanvasObject {
	l := widget.NewLabel("Titre de fiche assez long")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (b *browseScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r, l := b.rows[i], o.(*widget.Label)
	l.Text = r.text
	if r.heading {
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Importance = widget.HighImportance
	} else {
		l.TextStyle = fyne.TextStyle{}
		l.Importance = widget.MediumImportance
	}
	l.Refresh()
}

func (b *browseScreen) onSelected(i widget.ListItemID) {
	b.list.Unselect(i)
	if r := b.rows[i]; !r.heading {
		b.shell.onOpenEntry(r.id)
	}
}

// entryLine is an entry's title with its badges, for lists.
func entryLine(e content.Entry) string {
	s := e.Title
	for _, badge := range e.Badges() {
		s += " · " + badge
	}
	return s
}
