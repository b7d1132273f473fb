package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// printScreen offers the documents to print: the commune's contact sheet.
type printScreen struct {
	shell  *shell
	sheet  *widget.Button
	status *widget.Label
	obj    fyne.CanvasObject
}

func newPrintScreen(s *shell) *printScreen {
	p := &printScreen{shell: s, status: paragraph("")}
	p.sheet = widget.NewButtonWithIcon("Fiche contacts de ma commune (PDF)", theme.DocumentPrintIcon(), p.onSheet)
	p.sheet.Importance = widget.HighImportance
	p.obj = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Fiches à imprimer"),
		paragraph("La fiche contacts tient sur une page A4 : urgences, CSIRT de votre région, signalements, pack sécurité élus et vos contacts locaux. Affichez-la près du téléphone de la mairie : elle sert le jour où les ordinateurs ne marchent plus."),
		container.NewHBox(p.sheet), p.status,
	)))
	return p
}

func (p *printScreen) content() fyne.CanvasObject { return p.obj }

// setLibrary enables the sheet when a commune is chosen and the export is
// available, and says why not otherwise.
func (p *printScreen) setLibrary(lib *library) { p.refresh() }

func (p *printScreen) refresh() {
	lib := p.shell.lib
	switch {
	case p.shell.exportSheet == nil:
		p.sheet.Disable()
		p.status.SetText("L'impression des fiches arrive dans une prochaine version. En attendant, la commande « reperecyber commune » affiche les mêmes contacts.")
	case lib == nil || lib.commune == nil:
		p.sheet.Disable()
		p.status.SetText("Choisissez d'abord votre commune dans « Ma commune ».")
	default:
		p.sheet.Enable()
		p.status.SetText("Commune : " + lib.commune.Place.Name)
	}
}

func (p *printScreen) onSheet() {
	if p.shell.exportSheet != nil {
		p.shell.exportSheet()
	}
}
