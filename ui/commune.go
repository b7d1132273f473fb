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
	"reperecyber/core"
	"reperecyber/store"
)

// communeScreen is « Ma commune »: choose the commune once (by name or
// postcode), then see what serves it: its CSIRT, its ANSSI delegation,
// its département and intercommunality. It also shows any commune picked
// from the search results, with a button to make it one's own.
type communeScreen struct {
	shell   *shell
	shown   *store.Competent // the commune on screen
	finder  *keyEntry
	matches []content.Place
	cursor  int // the match Entrée picks, moved with ↑ ↓
	list    *widget.List
	// welcome is true on a first start: the chooser says why the commune
	// matters, picking one makes it the person's at once, and « Plus
	// tard » skips.
	welcome bool
	intro   *fyne.Container
	chooser *fyne.Container
	detail  *fyne.Container
	local   *localContactsForm
	obj     fyne.CanvasObject
}

func newCommuneScreen(s *shell) *communeScreen {
	c := &communeScreen{shell: s, detail: container.NewVBox(), local: newLocalContactsForm(s)}
	c.finder = newKeyEntry(s, c.moveCursor)
	c.finder.SetPlaceHolder("Nom, code postal ou code INSEE de la commune, par exemple : Brest, 29200")
	c.finder.OnChanged = c.onFind
	c.finder.OnSubmitted = func(string) { c.onPick(c.cursor) }
	c.list = widget.NewList(func() int { return len(c.matches) }, c.createRow, c.updateRow)
	c.list.OnSelected = func(i widget.ListItemID) { c.list.Unselect(i); c.onPick(i) }
	c.intro = container.NewVBox(subheading("Choisir une commune"))
	c.chooser = container.NewBorder(container.NewVBox(c.intro, c.finder), nil, nil, nil, c.list)
	c.obj = container.NewStack(c.chooser, container.NewVScroll(container.NewPadded(c.detail)))
	return c
}

func (c *communeScreen) content() fyne.CanvasObject { return c.obj }

// setLibrary shows the person's commune, or the chooser if none is set.
func (c *communeScreen) setLibrary(*library) { c.showMine() }

// showMine shows the person's own commune, or the chooser if none is set:
// never the last commune previewed.
func (c *communeScreen) showMine() {
	if c.shell.lib == nil {
		return
	}
	c.shown = c.shell.lib.commune
	c.render()
}

func (c *communeScreen) render() {
	if c.shown == nil {
		c.detail.Objects = nil
		c.obj.(*fyne.Container).Objects[1].Hide()
		c.chooser.Show()
		return
	}
	c.chooser.Hide()
	c.obj.(*fyne.Container).Objects[1].Show()
	c.detail.Objects = c.detailObjects(c.shown)
	c.detail.Refresh()
}

func (c *communeScreen) detailObjects(comp *store.Competent) []fyne.CanvasObject {
	lib, p := c.shell.lib, comp.Place
	mine := lib.commune != nil && lib.commune.Place.INSEE == p.INSEE
	title := p.Name
	if mine {
		title = "Ma commune : " + p.Name
	}
	objs := []fyne.CanvasObject{heading(title), paragraph(placeFacts(p))}
	change := newButtonWithIcon("Changer de commune", theme.SearchIcon(), c.onChange)
	if mine {
		objs = append(objs, container.NewHBox(change, newButton("Voir tous les services pour ma commune", c.onDirectory)))
	} else {
		choose := newButtonWithIcon("En faire ma commune", theme.ConfirmIcon(), c.onChoose)
		choose.Importance = widget.HighImportance
		objs = append(objs, container.NewHBox(choose, change))
	}
	objs = append(objs, widget.NewSeparator(), subheading("Les services de votre territoire"))
	for _, e := range comp.Local {
		objs = append(objs, c.serviceBlock(e))
	}
	for _, g := range comp.Gaps {
		objs = append(objs, c.gapBlock(g)...)
	}
	objs = append(objs, widget.NewSeparator(), subheading("Et partout en France"), note("17Cyber, cybermalveillance.gouv.fr, Pharos, CNIL… : voir l'annuaire."))
	if mine {
		c.local.load(p.INSEE)
		printSheet := newButtonWithIcon("Imprimer la fiche contacts (PDF)", theme.DocumentPrintIcon(), c.shell.onExportSheet)
		objs = append(objs, widget.NewSeparator(), c.local.content(), container.NewHBox(printSheet))
	}
	return objs
}

// placeFacts describes a commune in one short paragraph.
func placeFacts(p content.Place) string {
	lines := []string{
		fmt.Sprintf("Département : %s (%s) · Région : %s", p.DepartementName, p.Departement, p.RegionName),
	}
	if p.EPCIName != "" {
		lines = append(lines, "Intercommunalité : "+p.EPCIName)
	} else {
		lines = append(lines, "Intercommunalité : aucune")
	}
	lines = append(lines, fmt.Sprintf("Code(s) postal(aux) : %s · Code INSEE : %s · %s habitants",
		strings.Join(p.Postcodes, ", "), p.INSEE, content.FormatInt(p.Population)))
	return strings.Join(lines, "\n")
}

// serviceBlock shows a local service with its contacts and a link to its card.
func (c *communeScreen) serviceBlock(e content.Entry) fyne.CanvasObject {
	id := e.ID
	open := newButton("Voir la fiche", func() { c.shell.onOpenEntry(id) })
	title := subheading(entryLine(e))
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, open, title), paragraph(e.Summary)}
	for _, ct := range e.Contacts {
		parts = append(parts, contactRow(ct, c.shell.onCopy, c.shell.onOpenURL))
	}
	return container.NewVBox(parts...)
}

func (c *communeScreen) gapBlock(g content.CoverageGap) []fyne.CanvasObject {
	b := badge("Pas de "+gapWhat(g.Category)+" pour ce territoire", widget.WarningImportance)
	objs := []fyne.CanvasObject{b, paragraph(g.Note)}
	for _, id := range g.Fallback {
		if e, ok := c.shell.lib.entries[id]; ok {
			target := id
			btn := newButton("À la place : "+e.Title, func() { c.shell.onOpenEntry(target) })
			btn.Alignment = widget.ButtonAlignLeading
			objs = append(objs, btn)
		}
	}
	return objs
}

func gapWhat(category string) string {
	if category == content.CategoryCSIRT {
		return "CSIRT régional"
	}
	return "contact régional de l'ANSSI"
}

// preview shows a commune picked elsewhere (a search result).
func (c *communeScreen) preview(insee string) {
	lib := c.shell.lib
	if lib == nil {
		return
	}
	if lib.commune != nil && lib.commune.Place.INSEE == insee {
		c.shown = lib.commune
		c.render()
		return
	}
	c.shown = nil
	c.shell.background(func() {
		comp, err := lib.competent(context.Background(), insee)
		runOnMain(func() {
			if err != nil {
				log.Printf("commune %s: %v", insee, err)
				c.shell.say("Cette commune n'a pas pu être lue.")
				return
			}
			c.shown = comp
			c.render()
		})
	})
}

func (c *communeScreen) onChange() {
	c.shown = nil
	c.finder.SetText("")
	c.render()
	c.shell.win.Canvas().Focus(c.finder)
}

func (c *communeScreen) onFind(q string) {
	if c.shell.lib == nil {
		return
	}
	c.matches = c.shell.lib.core.SearchCommunes(q, core.MaxCandidates)
	c.cursor = 0
	c.list.Refresh()
	c.list.ScrollToTop()
}

func (c *communeScreen) createRow() fyne.CanvasObject {
	l := widget.NewLabel("Nom de commune (00000, Département)")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (c *communeScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	p := c.matches[i]
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: i == c.cursor}
	prefix := "   "
	if i == c.cursor {
		prefix = "▸ "
	}
	l.SetText(fmt.Sprintf("%s%s (%s)  —  %s", prefix, p.Name, strings.Join(p.Postcodes, ", "), core.Where(p)))
}

// moveCursor moves the highlighted match, refreshing only the two rows.
func (c *communeScreen) moveCursor(delta int) {
	if len(c.matches) == 0 {
		return
	}
	old := c.cursor
	c.cursor = max(0, min(len(c.matches)-1, c.cursor+delta))
	c.list.RefreshItem(old)
	c.list.RefreshItem(c.cursor)
	c.list.ScrollTo(c.cursor)
}

func (c *communeScreen) onPick(i int) {
	if i >= len(c.matches) {
		return
	}
	insee := c.matches[i].INSEE
	if !c.welcome {
		c.shell.onOpenCommune(insee)
		return
	}
	comp, err := c.shell.lib.competent(context.Background(), insee)
	if err != nil {
		log.Printf("commune %s: %v", insee, err)
		return
	}
	c.endWelcome()
	c.shown = comp
	c.onChoose()
}

// askFirstCommune shows the chooser as the first screen of a first start.
func (c *communeScreen) askFirstCommune() {
	c.welcome = true
	later := newButton("Plus tard", c.onLater)
	c.intro.Objects = []fyne.CanvasObject{
		heading("Bienvenue. Quelle est votre commune ?"),
		paragraph("Repère Cyber affichera alors, sans chercher, le CSIRT de votre région, l'ANSSI et vos propres contacts (prestataire informatique, assureur…), à l'écran comme sur les fiches imprimées. Vous pourrez la changer à tout moment dans « Ma commune »."),
		container.NewHBox(later),
	}
	c.intro.Refresh()
	c.shell.navigate(page{name: pageCommune})
	c.shell.win.Canvas().Focus(c.finder)
}

func (c *communeScreen) onLater() {
	c.endWelcome()
	c.shell.onHome()
}

// endWelcome puts the chooser back to its ordinary form and remembers
// that the question was asked.
func (c *communeScreen) endWelcome() {
	c.welcome = false
	c.intro.Objects = []fyne.CanvasObject{subheading("Choisir une commune")}
	c.intro.Refresh()
	c.shell.saveUserData("votre choix", func(ctx context.Context, cr *core.Core) error { return cr.SetWelcomed(ctx) })
}

// onChoose makes the commune on screen the person's commune: remembered
// in the user database, it personalises the directory and the sheets.
func (c *communeScreen) onChoose() {
	if c.shown == nil {
		return
	}
	chosen := c.shown
	c.shell.lib.commune = chosen
	c.shell.lib.here = c.shell.lib.core.SearchHere(context.Background(), &chosen.Place)
	c.shell.saveUserData("votre commune", func(ctx context.Context, cr *core.Core) error {
		return cr.SetMyCommune(ctx, chosen.Place.INSEE)
	})
	c.shell.updateStatus()
	c.shell.browse.defaultScope()
	c.shell.browse.refresh()
	c.shell.replace(page{name: pageCommune})
}

func (c *communeScreen) onDirectory() {
	c.shell.navigate(page{name: pageBrowse, arg: string(content.KindService)})
	c.shell.browse.scope.SetSelected(scopeCommune)
}
