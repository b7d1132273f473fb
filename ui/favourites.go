package ui

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// favouritesScreen lists the starred cards and the recently opened ones.
type favouritesScreen struct {
	shell   *shell
	favs    []string
	hist    []string
	favList *widget.List
	hisList *widget.List
	clear   *button
	obj     fyne.CanvasObject
}

func newFavouritesScreen(s *shell) *favouritesScreen {
	f := &favouritesScreen{shell: s}
	f.favList = f.newList(&f.favs)
	f.hisList = f.newList(&f.hist)
	f.clear = newButtonWithIcon("Effacer l'historique", theme.DeleteIcon(), f.onClear)
	favs := container.NewBorder(subheading("Favoris"), nil, nil, nil, f.favList)
	hist := container.NewBorder(container.NewBorder(nil, nil, nil, f.clear, subheading("Consultées récemment")), nil, nil, nil, f.hisList)
	split := container.NewHSplit(favs, hist)
	f.obj = container.NewPadded(split)
	return f
}

func (f *favouritesScreen) content() fyne.CanvasObject { return f.obj }

func (f *favouritesScreen) setLibrary(*library) { f.refresh() }

func (f *favouritesScreen) newList(ids *[]string) *widget.List {
	l := widget.NewList(func() int { return len(*ids) }, func() fyne.CanvasObject {
		lb := widget.NewLabel("Titre de fiche")
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(entryLine(f.shell.lib.entries[(*ids)[i]]))
	})
	l.OnSelected = func(i widget.ListItemID) {
		l.Unselect(i)
		f.shell.onOpenEntry((*ids)[i])
	}
	return l
}

// refresh reads the favourites and history kept in memory.
func (f *favouritesScreen) refresh() {
	lib := f.shell.lib
	if lib == nil {
		return
	}
	f.favs = lib.favouriteIDs()
	f.hist = lib.existing(lib.history)
	f.favList.Refresh()
	f.hisList.Refresh()
	if len(f.hist) == 0 {
		f.clear.Disable()
	} else {
		f.clear.Enable()
	}
}

// onClear forgets the history in one click.
func (f *favouritesScreen) onClear() {
	lib := f.shell.lib
	lib.history = nil
	f.refresh()
	f.shell.say("Historique effacé.")
	if lib.user == nil {
		return
	}
	f.shell.background(func() {
		if err := lib.user.ClearHistory(context.Background()); err != nil {
			log.Printf("clear history: %v", err)
		}
	})
}
