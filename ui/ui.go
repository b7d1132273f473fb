// Package ui is Repère Cyber's window, built with Fyne. Screens are small
// structs, one per file, with named callback methods; slow work runs off
// the UI goroutine and comes back through runOnMain.
package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"

	"reperecyber/appinfo"
	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/triage"
)

// Env is what the window needs from the outside world, wired by main.
type Env struct {
	Info appinfo.Info
	// Core configures the application core the window opens at start.
	Core core.Config
	// Open opens the core; nil means core.Open with Core. Tests share one
	// opened core across the package this way.
	Open func(ctx context.Context) (*core.Core, error)
	Icon []byte
	// Notice is said once when the window opens: a content pack that was
	// refused, content old enough that numbers should be checked.
	Notice string
	// OpenAt names a screen to show once loaded, as « page » or
	// « page:argument » (« card:rancongiciel », « results:rançon »). It
	// serves make screenshots and people who want a desktop shortcut
	// straight to a screen.
	OpenAt string
}

func (env Env) open(ctx context.Context) (*core.Core, error) {
	if env.Open != nil {
		return env.Open(ctx)
	}
	return core.Open(ctx, env.Core)
}

// tree is the triage tree, nil until loaded or when it is invalid.
func (lib *library) tree() *triage.Tree {
	t, _ := lib.core.Tree()
	return t
}

// Run opens the window and blocks until it is closed. It returns
// ErrNoDisplay, before touching the graphics, when there is no screen.
func Run(env Env) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	pauseGC()
	l := startLoading(context.Background(), env)
	a, w, err := openWindow(env)
	if err != nil {
		return err
	}
	s := newShell(a, w, env)
	w.SetMainMenu(s.mainMenu())
	w.Canvas().SetOnTypedKey(s.onTypedKey)
	s.mount(defaultSize)
	w.SetCloseIntercept(s.onClose)
	w.SetMaster()
	s.focusSearch()
	go s.loaded(l)
	w.ShowAndRun()
	s.close()
	return nil
}

// openWindow creates the app and its window. GLFW panics when the display
// named by DISPLAY cannot be opened (a session ended, an X server
// restarting): that comes back as ErrNoDisplay, with its French message,
// instead of a stack trace.
func openWindow(env Env) (a fyne.App, w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrNoDisplay, r)
		}
	}()
	a = newApp(env)
	// The default settings' theme, before any widget exists; the person's
	// own settings follow once the user database is read (applySettings).
	a.Settings().SetTheme(newAppTheme("", ""))
	return a, a.NewWindow(env.Info.Name), nil
}

// defaultSize fits a 1366×768 laptop with its taskbar and title bar
// (content about 690 pixels tall); the size people choose is remembered.
var defaultSize = fyne.NewSize(1280, 680)

// newApp creates the Fyne app with the identity read from FyneApp.toml, so
// that storage, window title and desktop metadata agree with packaging.
func newApp(env Env) fyne.App {
	icon := fyne.NewStaticResource("icon.png", env.Icon)
	app.SetMetadata(fyne.AppMetadata{
		ID:         env.Info.ID,
		Name:       env.Info.Name,
		Version:    env.Info.Version,
		Build:      env.Info.Build,
		Icon:       icon,
		Migrations: map[string]bool{"fyneDo": true},
	})
	a := app.NewWithID(env.Info.ID)
	a.SetIcon(icon)
	return a
}

func shortcut(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

func menuItem(label string, action func(), sc fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// mainMenu declares every command with its shortcut. Menu shortcuts work
// whatever has the focus (the search box takes ordinary shortcuts for
// itself), which is why they live here.
func (s *shell) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	goTo := func(p page) func() { return func() { s.navigate(p) } }
	return fyne.NewMainMenu(
		fyne.NewMenu("Fichier",
			menuItem("Imprimer la fiche affichée (PDF)", s.onPrintShortcut, shortcut(fyne.KeyP, ctrl)),
			fyne.NewMenuItem("Fiches à imprimer…", goTo(page{name: pagePrint})),
		),
		fyne.NewMenu("Aller à",
			menuItem("Rechercher", s.focusSearch, shortcut(fyne.KeyF, ctrl)),
			menuItem("Rechercher (barre d'adresse)", s.focusSearch, shortcut(fyne.KeyL, ctrl)),
			menuItem("Écran précédent", s.onBack, shortcut(fyne.KeyLeft, fyne.KeyModifierAlt)),
			fyne.NewMenuItem("Accueil", s.onHome),
			fyne.NewMenuItem("Je suis victime : que faire ?", s.onTriage),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Annuaire", goTo(page{name: pageBrowse, arg: string(content.KindService)})),
			fyne.NewMenuItem("Définitions", goTo(page{name: pageBrowse, arg: string(content.KindDefinition)})),
			fyne.NewMenuItem("Pack sécurité élus", goTo(page{name: pageBrowse, arg: string(content.KindElus)})),
			fyne.NewMenuItem("Ma commune", goTo(page{name: pageCommune})),
			fyne.NewMenuItem("Favoris et historique", goTo(page{name: pageFavourites})),
			fyne.NewMenuItem("Réglages", goTo(page{name: pageSettings})),
		),
		fyne.NewMenu("Incident",
			menuItem("Journal de l'incident en cours", s.onJournalShortcut, shortcut(fyne.KeyJ, ctrl)),
		),
		fyne.NewMenu("Fiche",
			menuItem("Ajouter aux favoris / retirer", s.onStarShortcut, shortcut(fyne.KeyD, ctrl)),
		),
		fyne.NewMenu("Aide",
			fyne.NewMenuItem("Aide et raccourcis (F1)", goTo(page{name: pageHelp})),
			fyne.NewMenuItem("À propos", goTo(page{name: pageSettings})),
		),
	)
}

// onTypedKey receives the keys no focused widget took: digits and Retour
// arrière in the wizard, Échap to go back, F1 for the help.
func (s *shell) onTypedKey(k *fyne.KeyEvent) {
	if s.dialogOpen() {
		return // Échap, digits… belong to the dialog, not to the page behind it
	}
	if s.scrollKey(k) {
		return
	}
	if s.current().name == pageTriage && s.triage.onKey(k) {
		return
	}
	switch k.Name {
	case fyne.KeyEscape:
		s.onBack()
	case fyne.KeyF1:
		s.navigate(page{name: pageHelp})
	}
}

func (s *shell) onPrintShortcut() {
	if s.dialogOpen() {
		return
	}
	switch {
	case s.current().name == pageCard:
		s.onExportEntry(s.current().arg)
	case s.current().name == pageTriage && s.triage.outcomeID() != "":
		s.onExportFiche(s.triage.outcomeID())
	case s.current().name == pageCommune:
		s.onExportSheet()
	default:
		s.navigate(page{name: pagePrint})
	}
}

func (s *shell) onStarShortcut() {
	if s.lib != nil && !s.dialogOpen() && s.current().name == pageCard {
		s.card.onStar()
	}
}

// onTriage opens the wizard at its first question, moving the focus away
// from the search box so that digit keys answer.
func (s *shell) onTriage() {
	if s.lib == nil || s.triage.tree == nil { // the screens exist once loaded
		return
	}
	s.navigate(page{name: pageTriage})
	s.win.Canvas().Unfocus()
}
