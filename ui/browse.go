package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
)

// browseRow is one line of a browse list: a category heading or an entry.
type browseRow struct {
	heading bool
	text    string
	id      string
}

// browseScreen lists the directory, the definitions and the pack élus in
// three tabs, each grouped by category.
type browseScreen struct {
	tabs   *container.AppTabs
	lists  map[content.Kind]*widget.List
	rows   map[content.Kind][]browseRow
	onOpen func(id string)
}

var tabTitles = map[content.Kind]string{
	content.KindService:    "Annuaire",
	content.KindDefinition: "Définitions",
	content.KindElus:       "Pack sécurité élus",
}

func newBrowseScreen(onOpen func(id string)) *browseScreen {
	b := &browseScreen{lists: map[content.Kind]*widget.List{}, rows: map[content.Kind][]browseRow{}, onOpen: onOpen}
	var items []*container.TabItem
	for _, k := range content.Kinds {
		list := b.newList(k)
		b.lists[k] = list
		items = append(items, container.NewTabItem(tabTitles[k], list))
	}
	b.tabs = container.NewAppTabs(items...)
	return b
}

func (b *browseScreen) content() fyne.CanvasObject { return b.tabs }

func (b *browseScreen) newList(k content.Kind) *widget.List {
	list := widget.NewList(
		func() int { return len(b.rows[k]) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Titre de fiche assez long")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { b.updateRow(b.rows[k][i], o.(*widget.Label)) },
	)
	list.OnSelected = func(i widget.ListItemID) { b.onSelected(k, i) }
	return list
}

func (b *browseScreen) updateRow(r browseRow, l *widget.Label) {
	l.SetText(r.text)
	if r.heading {
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Importance = widget.HighImportance
	} else {
		l.TextStyle = fyne.TextStyle{}
		l.Importance = widget.MediumImportance
	}
	l.Refresh()
}

func (b *browseScreen) onSelected(k content.Kind, i widget.ListItemID) {
	r := b.rows[k][i]
	if r.heading {
		b.lists[k].Unselect(i)
		return
	}
	b.onOpen(r.id)
}

// setLibrary fills the lists, grouping entries under their category.
func (b *browseScreen) setLibrary(lib *library) {
	for _, k := range content.Kinds {
		var rows []browseRow
		last := ""
		for _, e := range lib.byKind[k] {
			if e.Category != last {
				rows = append(rows, browseRow{heading: true, text: strings.ToUpper(lib.categories[e.Category].Title)})
				last = e.Category
			}
			rows = append(rows, browseRow{text: entryLine(e), id: e.ID})
		}
		b.rows[k] = rows
		b.lists[k].Refresh()
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

// reveal shows the entry's tab and selects its row, so the list follows
// links opened from a card.
func (b *browseScreen) reveal(e content.Entry) {
	for i, r := range b.rows[e.Kind] {
		if r.id == e.ID {
			b.tabs.SelectIndex(kindIndex(e.Kind))
			b.lists[e.Kind].Select(i)
			b.lists[e.Kind].ScrollTo(i)
			return
		}
	}
}

func kindIndex(k content.Kind) int {
	for i, x := range content.Kinds {
		if x == k {
			return i
		}
	}
	return 0
}
