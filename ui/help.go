package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// shortcuts lists the keyboard shortcuts, as shown on the help card; the
// menus declare the same keys.
var shortcuts = [][2]string{
	{"Ctrl + F  ou  Ctrl + L", "aller à la recherche"},
	{"↑  ↓", "choisir un résultat"},
	{"Entrée", "ouvrir le résultat choisi (le premier par défaut)"},
	{"Échap", "effacer la recherche, puis revenir en arrière"},
	{"Alt + ←", "revenir à l'écran précédent"},
	{"Ctrl + P", "imprimer la fiche affichée (PDF)"},
	{"Ctrl + D", "ajouter la fiche affichée aux favoris, ou l'en retirer"},
	{"F1", "cette aide"},
	{"Tab  /  Maj + Tab", "passer d'un bouton à l'autre ; Espace pour appuyer"},
}

// helpScreen explains the app and lists the shortcuts.
type helpScreen struct {
	obj fyne.CanvasObject
}

func newHelpScreen(*shell) *helpScreen {
	grid := container.NewGridWithColumns(2)
	for _, sc := range shortcuts {
		k := widget.NewLabel(sc[0])
		k.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(k)
		grid.Add(widget.NewLabel(sc[1]))
	}
	return &helpScreen{obj: container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Aide"),
		paragraph("Tapez ce que vous cherchez dans la barre du haut : un mot (« rançon », « phishing »), un service (« Pharos »), une commune ou un code postal. Les fautes de frappe et les accents oubliés sont pardonnés."),
		paragraph("Choisissez votre commune dans « Ma commune » : l'annuaire vous montre alors votre CSIRT régional et le contact de l'ANSSI de votre région."),
		paragraph("Tout fonctionne sans internet. Seul le bouton « Ouvrir le site » d'une fiche utilise le réseau, et seulement quand vous appuyez dessus."),
		subheading("Raccourcis clavier"), grid,
	)))}
}

func (h *helpScreen) content() fyne.CanvasObject { return h.obj }
