package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/journal"
)

// homeScreen offers the main ways in, as large buttons.
type homeScreen struct {
	shell  *shell
	obj    fyne.CanvasObject
	triage *button
	// triageHelp says what the wizard does, or why it is unavailable.
	triageHelp *widget.Label
	intro      *widget.Label
	// incident shows the incident under way and its deadlines, if any.
	incident *fyne.Container
}

// homeEntry is one large button of the home screen.
type homeEntry struct {
	title, help string
	icon        fyne.Resource
	open        func()
}

func newHomeScreen(s *shell) *homeScreen {
	h := &homeScreen{shell: s}
	h.intro = paragraph("Trouvez en quelques secondes qui appeler et quoi faire face à une attaque informatique ou à une menace contre un élu. Tout fonctionne sans internet.")
	entries := []homeEntry{
		{"Annuaire", "Tous les services : urgence, CSIRT, signalement, police, gendarmerie…", theme.AccountIcon(), h.onDirectory},
		{"Définitions", "Rançongiciel, hameçonnage, déni de service… expliqués simplement.", theme.InfoIcon(), h.onDefinitions},
		{"Pack sécurité élus", "Référent atteintes aux élus, Alarme élu, bouton d'appel, protection fonctionnelle…", theme.WarningIcon(), h.onElus},
		{"Ma commune", "Les services compétents pour votre commune : CSIRT, ANSSI, département…", theme.HomeIcon(), h.onCommune},
		{"Favoris et historique", "Les fiches marquées d'une étoile et les dernières consultées.", theme.HistoryIcon(), h.onFavourites},
		{"Fiches à imprimer", "La fiche contacts de votre commune, à afficher près du téléphone.", theme.DocumentPrintIcon(), h.onPrint},
	}
	h.triage = newButtonWithIcon("Je suis victime : que faire ?", theme.ErrorIcon(), s.onTriage)
	h.triage.Importance = widget.DangerImportance
	h.triageHelp = note(triageHelpText)
	grid := container.New(layout.NewGridLayoutWithColumns(2))
	for _, e := range entries {
		grid.Add(bigButton(e))
	}
	h.incident = container.NewVBox()
	h.obj = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Repère Cyber"), h.incident, h.intro, h.triage, h.triageHelp, widget.NewSeparator(), grid)))
	return h
}

const triageHelpText = "Quelques questions simples, puis ce qu'il faut faire tout de suite et qui appeler pour votre commune."

// setLibrary disables the wizard when its tree could not be read.
func (h *homeScreen) setLibrary(lib *library) {
	if lib.tree() == nil {
		h.triage.Disable()
		h.triageHelp.SetText("Le parcours « que faire ? » n'a pas pu être chargé. Tapez ce qui se passe dans la recherche (« rançon », « mail piraté », « menace ») ou ouvrez 17Cyber dans l'annuaire.")
	}
}

// content refreshes the incident banner: it counts down while the page
// is on show.
func (h *homeScreen) content() fyne.CanvasObject {
	h.refreshIncident()
	return h.obj
}

// refreshIncident shows the incident under way with its deadlines
// (« CNIL : il reste 41 h ») and a button back to its journal.
func (h *homeScreen) refreshIncident() {
	h.incident.Objects = nil
	h.incident.Hide() // no gap on the page when no incident is open
	defer h.incident.Refresh()
	lib := h.shell.lib
	if lib == nil || lib.user == nil {
		return
	}
	inc, ok, err := lib.user.CurrentIncident(context.Background())
	if err != nil || !ok {
		return
	}
	lines := []string{"Incident en cours : " + incidentTitle(inc)}
	now := time.Now()
	for _, d := range journal.Deadlines(inc) {
		if d.HasDue() {
			lines = append(lines, d.Label+" : "+journal.Remaining(now, d.Due))
		}
	}
	b := badge(strings.Join(lines, "\n"), widget.DangerImportance)
	b.Wrapping = fyne.TextWrapWord
	id := inc.ID
	open := newButtonWithIcon("Reprendre le journal", theme.DocumentCreateIcon(), func() {
		h.shell.navigate(page{name: pageJournal, arg: strconv.FormatInt(id, 10)})
	})
	open.Importance = widget.HighImportance
	h.incident.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, open, b), widget.NewSeparator()}
	h.incident.Show()
}

// bigButton is a large button with a title and a line of help below.
func bigButton(e homeEntry) fyne.CanvasObject {
	b := newButtonWithIcon(e.title, e.icon, e.open)
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.HighImportance
	return container.NewVBox(b, note(e.help))
}

func (h *homeScreen) onDirectory() {
	h.shell.navigate(page{name: pageBrowse, arg: string(content.KindService)})
}

func (h *homeScreen) onDefinitions() {
	h.shell.navigate(page{name: pageBrowse, arg: string(content.KindDefinition)})
}

func (h *homeScreen) onElus() {
	h.shell.navigate(page{name: pageBrowse, arg: string(content.KindElus)})
}

func (h *homeScreen) onCommune()    { h.shell.navigate(page{name: pageCommune}) }
func (h *homeScreen) onFavourites() { h.shell.navigate(page{name: pageFavourites}) }
func (h *homeScreen) onPrint()      { h.shell.navigate(page{name: pagePrint}) }
