// Command baseline is the floor Repère Cyber's window is measured against
// (issue 15, scripts/ratios.sh): a bare Fyne window with one text entry,
// the same size as the app's first window, built with the same Fyne and
// the same tags. Whatever the app costs above this window is ours.
//
// It logs « prêt » once the window is shown, as the app does when search
// answers, and types nothing itself: the script types the same query in
// both.
package main

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	app.SetMetadata(fyne.AppMetadata{ID: "fr.reperecyber.baseline", Name: "Baseline", Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID("fr.reperecyber.baseline")
	w := a.NewWindow("Baseline")
	entry := widget.NewEntry()
	entry.SetPlaceHolder("Rechercher")
	w.SetContent(entry)
	w.Resize(fyne.NewSize(1100, 760))
	w.Canvas().Focus(entry)
	a.Lifecycle().SetOnStarted(func() { log.Print("prêt") })
	w.ShowAndRun()
}
