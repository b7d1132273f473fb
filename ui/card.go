package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
)

// cardView shows one entry in full: what it is, its contacts with their
// sources, and links to related cards.
type cardView struct {
	box       *fyne.Container
	scroll    *container.Scroll
	current   string
	onOpen    func(id string)
	onCopy    func(text string)
	onOpenURL func(url string)
}

func newCardView(onOpen, onCopy, onOpenURL func(string)) *cardView {
	c := &cardView{box: container.NewVBox(), onOpen: onOpen, onCopy: onCopy, onOpenURL: onOpenURL}
	c.box.Add(paragraph("Choisissez une fiche dans la liste de gauche."))
	c.scroll = container.NewVScroll(container.NewPadded(c.box))
	return c
}

func (c *cardView) content() fyne.CanvasObject { return c.scroll }

// setEntry replaces the card's content with entry e.
func (c *cardView) setEntry(e content.Entry, lib *library) {
	if c.current == e.ID {
		return
	}
	c.current = e.ID
	objs := []fyne.CanvasObject{heading(e.Title)}
	if e.NeedsCheck() {
		objs = append(objs, badge("À vérifier : les sources ne concordent pas sur certains points", widget.WarningImportance))
	}
	if e.Historical {
		objs = append(objs, badge("Historique : gardé pour mémoire, ne plus utiliser en premier", widget.MediumImportance))
	}
	objs = append(objs, note(e.Kind.Label()+" · "+lib.categories[e.Category].Title))
	summary := paragraph(e.Summary)
	summary.TextStyle = fyne.TextStyle{Bold: true}
	objs = append(objs, summary)
	objs = append(objs, c.body(e)...)
	if e.Status == content.StatusToCheck {
		objs = append(objs, note("À vérifier : "+e.Note))
	}
	objs = append(objs, c.contacts(e)...)
	objs = append(objs, c.related(e, lib)...)
	objs = append(objs, c.sources(e)...)
	c.box.Objects = objs
	c.box.Refresh()
	c.scroll.ScrollToTop()
}

func (c *cardView) body(e content.Entry) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, p := range content.Paragraphs(e.Body) {
		if item, ok := strings.CutPrefix(p, "- "); ok {
			p = "•  " + item
		}
		objs = append(objs, paragraph(p))
	}
	return objs
}

func (c *cardView) contacts(e content.Entry) []fyne.CanvasObject {
	if len(e.Contacts) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), subheading("Contacts")}
	for _, ct := range e.Contacts {
		objs = append(objs, c.contactRow(ct))
	}
	return objs
}

func (c *cardView) contactRow(ct content.Contact) fyne.CanvasObject {
	label := ct.Type.Label()
	if ct.Label != "" {
		label += " · " + ct.Label
	}
	kind := widget.NewLabel(label)
	kind.TextStyle = fyne.TextStyle{Bold: true}
	value := paragraph(ct.Value)
	value.Selectable = true
	var buttons []fyne.CanvasObject
	if ct.Type != content.ContactHours {
		v := ct.Value
		copyBtn := widget.NewButtonWithIcon("Copier", theme.ContentCopyIcon(), func() { c.onCopy(v) })
		buttons = append(buttons, copyBtn)
	}
	if ct.Type == content.ContactURL {
		v := ct.Value
		buttons = append(buttons, widget.NewButtonWithIcon("Ouvrir", theme.ComputerIcon(), func() { c.onOpenURL(v) }))
	}
	row := container.NewBorder(nil, nil, kind, container.NewHBox(buttons...), value)
	parts := []fyne.CanvasObject{row}
	if ct.Status == content.StatusToCheck {
		parts = append(parts, badge("À vérifier : "+ct.Note, widget.WarningImportance))
		parts[len(parts)-1].(*widget.Label).Wrapping = fyne.TextWrapWord
	} else if ct.Note != "" {
		parts = append(parts, note(ct.Note))
	}
	parts = append(parts, note("Source : "+content.SourceLine(ct.SourceOf())))
	return container.NewVBox(parts...)
}

func (c *cardView) related(e content.Entry, lib *library) []fyne.CanvasObject {
	var buttons []fyne.CanvasObject
	for _, id := range e.Related {
		r, ok := lib.entries[id]
		if !ok {
			continue
		}
		target := id
		b := widget.NewButton(r.Title, func() { c.onOpen(target) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		buttons = append(buttons, b)
	}
	if len(buttons) == 0 {
		return nil
	}
	return append([]fyne.CanvasObject{widget.NewSeparator(), subheading("Voir aussi")}, buttons...)
}

func (c *cardView) sources(e content.Entry) []fyne.CanvasObject {
	if len(e.Sources) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), subheading("Sources")}
	for _, s := range e.Sources {
		objs = append(objs, note(content.SourceLine(s)))
	}
	return objs
}
