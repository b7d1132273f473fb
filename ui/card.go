package ui

import (
	"context"
	"fmt"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
)

// cardView shows one entry in full: what it is for, who it serves, its
// contacts with their sources, and links to related cards both ways.
type cardView struct {
	shell   *shell
	box     *fyne.Container
	scroll  *container.Scroll
	star    *button
	print   *button
	current string
}

func newCardView(s *shell) *cardView {
	c := &cardView{shell: s, box: container.NewVBox()}
	c.star = newButtonWithIcon("Ajouter aux favoris", theme.ContentAddIcon(), c.onStar)
	c.print = newButtonWithIcon("Imprimer (PDF)", theme.DocumentPrintIcon(), c.onPrint)
	c.scroll = container.NewVScroll(container.NewPadded(c.box))
	return c
}

func (c *cardView) content() fyne.CanvasObject { return c.scroll }

// show fills the card with entry id.
func (c *cardView) show(id string) {
	lib := c.shell.lib
	e, ok := lib.entries[id]
	if !ok {
		return
	}
	c.current = id
	c.updateStar()
	c.print.OnTapped = c.onPrint
	objs := []fyne.CanvasObject{
		container.NewBorder(nil, nil, nil, container.NewHBox(c.star, c.print), heading(e.Title)),
	}
	objs = append(objs, c.badges(e)...)
	objs = append(objs, note(e.Kind.Label()+" · "+lib.categories[e.Category].Title))
	summary := paragraph(e.Summary)
	summary.TextStyle = fyne.TextStyle{Bold: true}
	objs = append(objs, summary, c.facts(e, lib))
	objs = append(objs, bodyObjects(e.Body)...)
	objs = append(objs, c.contacts(e)...)
	objs = append(objs, c.links("Voir aussi", e.Related)...)
	objs = append(objs, c.links("Cité par", lib.backlinks[e.ID])...)
	objs = append(objs, c.sources(e)...)
	c.box.Objects = objs
	c.box.Refresh()
	c.scroll.ScrollToTop()
}

func (c *cardView) badges(e content.Entry) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	if e.Status == content.StatusToCheck {
		b := badge("À vérifier : "+e.Note, widget.WarningImportance)
		b.Wrapping = fyne.TextWrapWord
		objs = append(objs, b)
	}
	if e.Historical {
		objs = append(objs, badge("Historique : gardé pour mémoire, à ne pas utiliser en premier", widget.MediumImportance))
	}
	return objs
}

// facts says who the entry is for and where it applies.
func (c *cardView) facts(e content.Entry, lib *library) fyne.CanvasObject {
	var who []string
	for _, a := range e.Audience {
		who = append(who, strings.ToLower(a.Label())+"s")
	}
	text := "Pour : " + joinFrench(who)
	if e.Kind == content.KindService {
		text += "\nOù : " + lib.scopeLabel(e)
	}
	return note(text)
}

// bodyObjects renders a body: paragraphs, and « - » lines as bullets.
func bodyObjects(body string) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, p := range content.Paragraphs(body) {
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
		objs = append(objs, contactRow(ct, c.shell.onCopy, c.shell.onOpenURL))
	}
	return objs
}

// contactRow shows a contact with its copy and open buttons, its status
// and its source. It is shared by the card and « Ma commune ».
func contactRow(ct content.Contact, onCopy, onOpenURL func(string)) fyne.CanvasObject {
	label := ct.Type.Label()
	if ct.Label != "" && !strings.Contains(strings.ToLower(label), strings.ToLower(ct.Label)) {
		label += " · " + ct.Label // « Site web · Site » would say it twice
	}
	kind := widget.NewLabel(label)
	kind.TextStyle = fyne.TextStyle{Bold: true}
	value := paragraph(ct.Value)
	value.Selectable = true
	var buttons []fyne.CanvasObject
	if ct.Type != content.ContactHours {
		v := ct.Value
		buttons = append(buttons, newButtonWithIcon("Copier", theme.ContentCopyIcon(), func() { onCopy(v) }))
	}
	if ct.Type == content.ContactURL {
		v := ct.Value
		buttons = append(buttons, newButtonWithIcon("Ouvrir le site", theme.ComputerIcon(), func() { onOpenURL(v) }))
	}
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, kind, container.NewHBox(buttons...), value)}
	// A doubt is said next to its value, in plain words; how the sources
	// disagree is for editors (reperecyber check --verbose).
	if doubt := ct.ToConfirm(); doubt != "" {
		b := badge(strings.ToUpper(doubt[:1])+doubt[1:], widget.WarningImportance)
		b.Wrapping = fyne.TextWrapWord
		parts = append(parts, b)
	} else if ct.Note != "" {
		parts = append(parts, note(ct.Note))
	}
	src := ct.SourceOf()
	parts = append(parts, note("Source : "+content.SourceTitle(src)+" ("+content.SourceWhen(src)+")"))
	return container.NewVBox(parts...)
}

// links lists other cards as buttons that open them.
func (c *cardView) links(title string, ids []string) []fyne.CanvasObject {
	lib := c.shell.lib
	var buttons []fyne.CanvasObject
	for _, id := range ids {
		r, ok := lib.entries[id]
		if !ok {
			continue
		}
		target := id
		b := newButton(r.Title+"  ("+strings.ToLower(r.Kind.Label())+")", func() { c.shell.onOpenEntry(target) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		buttons = append(buttons, b)
	}
	if len(buttons) == 0 {
		return nil
	}
	return append([]fyne.CanvasObject{widget.NewSeparator(), subheading(title)}, buttons...)
}

// sources lists where the card's facts come from, folded: people who
// check open it; the others are not slowed down by addresses.
func (c *cardView) sources(e content.Entry) []fyne.CanvasObject {
	if len(e.Sources) == 0 {
		return nil
	}
	rows := container.NewVBox()
	for _, s := range e.Sources {
		rows.Add(sourceRow(s, c.shell.onOpenURL))
	}
	acc := widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("Sources (%d)", len(e.Sources)), rows))
	return []fyne.CanvasObject{widget.NewSeparator(), acc}
}

// sourceRow names a source by its title or site and date, with a button
// that opens a web page.
func sourceRow(s content.Source, onOpenURL func(string)) fyne.CanvasObject {
	label := note(content.SourceTitle(s) + " (" + content.SourceWhen(s) + ")")
	if s.IsSeed() {
		return label
	}
	u := s.URL
	return container.NewBorder(nil, nil, nil, newButtonWithIcon("Ouvrir", theme.ComputerIcon(), func() { onOpenURL(u) }), label)
}

func (c *cardView) updateStar() {
	if c.shell.lib.favourites[c.current] {
		c.star.SetText("Retirer des favoris")
		c.star.SetIcon(theme.ContentRemoveIcon())
	} else {
		c.star.SetText("Ajouter aux favoris")
		c.star.SetIcon(theme.ContentAddIcon())
	}
}

// onStar toggles the favourite; the database write runs in the background.
func (c *cardView) onStar() {
	lib, id := c.shell.lib, c.current
	on := !lib.favourites[id]
	if on {
		lib.favourites[id] = true
	} else {
		delete(lib.favourites, id)
	}
	c.updateStar()
	cr := lib.core
	c.shell.background(func() {
		u, err := cr.User()
		if err == nil {
			err = u.SetFavourite(context.Background(), id, on)
		}
		if err != nil {
			log.Printf("favourite %s: %v", id, err)
			runOnMain(func() { c.onStarFailed(id, on) })
		}
	})
}

// onStarFailed undoes a star that could not be saved, so the screen never
// shows as saved what is not.
func (c *cardView) onStarFailed(id string, on bool) {
	lib := c.shell.lib
	if on {
		delete(lib.favourites, id)
	} else {
		lib.favourites[id] = true
	}
	if c.current == id {
		c.updateStar()
	}
	c.shell.say("Le favori n'a pas pu être enregistré.")
}

func (c *cardView) onPrint() {
	c.shell.onExportEntry(c.current)
}
