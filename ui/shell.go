package ui

import (
	"context"
	"errors"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/store"
)

// shell is the main window: the urgency strip, the browser on the left
// and the open card on the right.
type shell struct {
	app    fyne.App
	win    fyne.Window
	env    Env
	ref    *store.Reference
	lib    *library
	status *widget.Label
	browse *browseScreen
	card   *cardView
}

func newShell(a fyne.App, w fyne.Window, env Env) *shell {
	s := &shell{app: a, win: w, env: env, status: widget.NewLabel("Chargement du contenu…")}
	s.browse = newBrowseScreen(s.onOpenEntry)
	s.card = newCardView(s.onOpenEntry, s.onCopy, s.onOpenURL)
	return s
}

func (s *shell) content() fyne.CanvasObject {
	split := container.NewHSplit(s.browse.content(), s.card.content())
	split.Offset = 0.34
	return container.NewBorder(urgencyStrip(), s.status, nil, nil, split)
}

// library is everything the screens show, loaded once off the UI goroutine.
type library struct {
	entries    map[string]content.Entry
	byKind     map[content.Kind][]content.Entry
	categories map[string]content.Category
}

// load opens the reference database (building it on first start) and
// reads the content, then hands it to the UI goroutine.
func (s *shell) load(ctx context.Context) {
	lib, ref, err := loadLibrary(ctx, s.env)
	runOnMain(func() {
		if err != nil {
			s.onLoadFailed(err)
			return
		}
		s.ref, s.lib = ref, lib
		s.browse.setLibrary(lib)
		s.status.SetText(fmt.Sprintf("%d fiches prêtes, hors ligne.", len(lib.entries)))
	})
}

func loadLibrary(ctx context.Context, env Env) (*library, *store.Reference, error) {
	ref, err := store.OpenReference(ctx, env.Paths.Reference, env.Source)
	if err != nil {
		return nil, nil, err
	}
	all, err := ref.Entries(ctx)
	if err != nil {
		ref.Close()
		return nil, nil, err
	}
	lib := &library{entries: map[string]content.Entry{}, byKind: map[content.Kind][]content.Entry{}, categories: map[string]content.Category{}}
	for _, e := range all {
		lib.entries[e.ID] = e
		lib.byKind[e.Kind] = append(lib.byKind[e.Kind], e)
	}
	for _, k := range content.Kinds {
		cats, err := ref.Categories(ctx, k)
		if err != nil {
			ref.Close()
			return nil, nil, err
		}
		for _, c := range cats {
			lib.categories[c.ID] = c
		}
	}
	return lib, ref, nil
}

func (s *shell) onLoadFailed(err error) {
	log.Printf("load reference: %v", err)
	msg := "Le contenu n'a pas pu être chargé.\n\nVérifiez qu'il reste de la place sur le disque et que le dossier\n" +
		s.env.Paths.Reference + "\nest accessible en écriture, puis relancez Repère Cyber."
	if errors.Is(err, store.ErrCorrupt) {
		msg = "Le fichier de données est endommagé.\n\nFermez Repère Cyber, déplacez le fichier\n" + s.env.Paths.Reference + "\nailleurs, puis relancez : il sera recréé."
	}
	s.status.SetText("Contenu indisponible.")
	dialog.ShowInformation("Problème au démarrage", msg, s.win)
}

func (s *shell) onOpenEntry(id string) {
	if s.lib == nil {
		return
	}
	e, ok := s.lib.entries[id]
	if !ok {
		return
	}
	s.card.setEntry(e, s.lib)
	s.browse.reveal(e)
}

func (s *shell) onCopy(text string) {
	s.app.Clipboard().SetContent(text)
	s.status.SetText("Copié : " + text)
}

func (s *shell) onOpenURL(u string) {
	parsed, err := parseWebURL(u)
	if err != nil {
		s.status.SetText("Adresse web invalide : " + u)
		return
	}
	if err := s.app.OpenURL(parsed); err != nil {
		s.status.SetText("Le navigateur n'a pas pu s'ouvrir. Adresse : " + u)
	}
}

func (s *shell) close() {
	if s.ref != nil {
		s.ref.Close()
	}
}
