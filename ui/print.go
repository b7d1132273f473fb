package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/core"
)

// printScreen offers the documents to print: the commune's contact sheet,
// and for référents one sheet per commune of an intercommunality or a
// département.
type printScreen struct {
	shell  *shell
	sheet  *button
	status *widget.Label
	epci   *button
	deps   []content.Departement
	dep    *widget.Select
	depBtn *button
	obj    fyne.CanvasObject
}

func newPrintScreen(s *shell) *printScreen {
	p := &printScreen{shell: s, status: paragraph("")}
	p.sheet = newButtonWithIcon("Fiche contacts de ma commune (PDF)", theme.DocumentPrintIcon(), p.onSheet)
	p.sheet.Importance = widget.HighImportance
	p.epci = newButtonWithIcon("Toutes les communes de mon intercommunalité", theme.DocumentPrintIcon(), p.onEPCI)
	p.dep = widget.NewSelect(nil, nil)
	p.dep.PlaceHolder = "Choisir un département"
	p.depBtn = newButtonWithIcon("Toutes les communes du département", theme.DocumentPrintIcon(), p.onDepartement)
	p.obj = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Fiches à imprimer"),
		paragraph("La fiche contacts tient sur une page A4 : urgences, CSIRT de votre région, signalements, pack sécurité élus et vos contacts locaux. Affichez-la près du téléphone de la mairie : elle sert le jour où les ordinateurs ne marchent plus."),
		container.NewHBox(p.sheet), p.status,
		note("Vos contacts locaux (brigade, prestataire informatique, assureur…) se saisissent dans « Ma commune » ; les lignes vides restent à remplir à la main."),
		widget.NewSeparator(),
		subheading("Pour les référents : une fiche par commune"),
		paragraph("Un seul PDF, une page par commune, avec les contacts locaux déjà saisis pour chacune."),
		container.NewHBox(p.epci),
		container.NewBorder(nil, nil, nil, p.depBtn, p.dep),
		note("Fiches réflexes : ouvrez « Je suis victime : que faire ? » ; chaque résultat s'imprime. Chaque fiche de l'annuaire s'imprime aussi (Ctrl + P)."),
	)))
	return p
}

func (p *printScreen) content() fyne.CanvasObject { return p.obj }

// setLibrary fills the list of départements.
func (p *printScreen) setLibrary(lib *library) {
	p.deps = lib.core.Atlas().Departements
	options := make([]string, len(p.deps))
	for i, d := range p.deps {
		options[i] = d.Code + " – " + d.Name
	}
	p.dep.Options = options
	p.dep.Refresh()
	p.refresh()
}

// refresh says what can be printed now and why not otherwise.
func (p *printScreen) refresh() {
	lib := p.shell.lib
	if lib == nil || lib.commune == nil {
		p.sheet.Disable()
		p.epci.Disable()
		p.status.SetText("Choisissez d'abord votre commune dans « Ma commune » : la fiche lui est propre.")
		return
	}
	c := lib.commune.Place
	p.sheet.Enable()
	p.status.SetText("Commune : " + c.Name + " (" + c.DepartementName + ")")
	if c.EPCI == "" {
		p.epci.SetText("Votre commune n'appartient à aucune intercommunalité")
		p.epci.Disable()
		return
	}
	p.epci.SetText("Toutes les communes de : " + c.EPCIName)
	p.epci.Enable()
}

func (p *printScreen) onSheet() { p.shell.onExportSheet() }

func (p *printScreen) onEPCI() {
	c, cr := p.shell.lib.commune.Place, p.shell.lib.core
	p.shell.onExportBatch(core.BatchFileName(c.EPCIName), func(context.Context) ([]content.Place, error) {
		return cr.PlacesOfEPCI(c.EPCI), nil
	})
}

func (p *printScreen) onDepartement() {
	i := p.dep.SelectedIndex()
	if i < 0 {
		p.shell.say("Choisissez d'abord un département dans la liste.")
		return
	}
	d, cr := p.deps[i], p.shell.lib.core
	p.shell.onExportBatch(core.BatchFileName(d.Name), func(context.Context) ([]content.Place, error) {
		return cr.PlacesOfDepartement(d.Code), nil
	})
}
