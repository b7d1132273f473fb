package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/store"
)

// pageName names a screen the window can show.
type pageName string

const (
	pageHome       pageName = "home"
	pageResults    pageName = "results"
	pageCard       pageName = "card"
	pageBrowse     pageName = "browse"
	pageCommune    pageName = "commune"
	pageFavourites pageName = "favourites"
	pageSettings   pageName = "settings"
	pageHelp       pageName = "help"
	pagePrint      pageName = "print"
	pageTriage     pageName = "triage"
)

// page is one step of navigation: a screen and its argument (an entry id,
// a query, a kind).
type page struct {
	name pageName
	arg  string
}

// shell is the main window: the urgency strip and the toolbar (back, home,
// search) above the current screen, a status line below. It owns the
// navigation history; screens call its on… methods.
type shell struct {
	app     fyne.App
	win     fyne.Window
	env     Env
	lib     *library
	started time.Time
	// bg tracks database work running in the background, so that closing
	// the window waits for pending writes instead of losing them.
	bg sync.WaitGroup

	stack  []page
	center *fyne.Container
	status *widget.Label
	back   *widget.Button
	search *searchEntry
	strip  *urgencyStrip

	home       *homeScreen
	results    *resultsScreen
	card       *cardView
	browse     *browseScreen
	commune    *communeScreen
	favourites *favouritesScreen
	settings   *settingsScreen
	help       *helpScreen
	print      *printScreen
	triage     *triageScreen

	// exportEntry saves a card as PDF and exportSheet the commune's contact
	// sheet; nil until PDF export is wired.
	exportEntry func(id string)
	exportSheet func()
	exportFiche func(outcomeID string)
}

func newShell(a fyne.App, w fyne.Window, env Env) *shell {
	s := &shell{app: a, win: w, env: env, started: time.Now(), status: widget.NewLabel("Chargement du contenu…")}
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.search = newSearchEntry(s)
	s.back = widget.NewButtonWithIcon("Retour", theme.NavigateBackIcon(), s.onBack)
	s.strip = newUrgencyStrip()
	s.home = newHomeScreen(s)
	s.results = newResultsScreen(s)
	s.card = newCardView(s)
	s.browse = newBrowseScreen(s)
	s.commune = newCommuneScreen(s)
	s.favourites = newFavouritesScreen(s)
	s.settings = newSettingsScreen(s)
	s.help = newHelpScreen(s)
	s.print = newPrintScreen(s)
	s.triage = newTriageScreen(s, env.Triage)
	s.center = container.NewStack()
	s.wireExport()
	s.show(page{name: pageHome})
	return s
}

func (s *shell) content() fyne.CanvasObject {
	homeBtn := widget.NewButtonWithIcon("Accueil", theme.HomeIcon(), s.onHome)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(s.back, homeBtn), nil, s.search)
	top := container.NewVBox(s.strip.object(), container.NewPadded(toolbar))
	return container.NewBorder(top, container.NewPadded(s.status), nil, nil, s.center)
}

// load opens the databases and builds the index in the background, then
// hands everything to the UI goroutine.
func (s *shell) load(ctx context.Context) {
	lib, err := loadLibrary(ctx, s.env)
	elapsed := time.Since(s.started)
	// Building the index leaves about 60 MB of garbage behind: hand it
	// back to the system now rather than keep it for the whole session.
	// Afterwards the heap barely grows (searches allocate kilobytes), so
	// a tighter GC target costs little CPU and keeps the window small.
	debug.FreeOSMemory()
	debug.SetGCPercent(gcPercent)
	runOnMain(func() {
		if err != nil {
			s.onLoadFailed(err)
			return
		}
		s.lib = lib
		log.Printf("prêt : contenu et index chargés en %d ms", elapsed.Milliseconds())
		s.applySettings()
		for _, sc := range []interface{ setLibrary(*library) }{s.home, s.browse, s.commune, s.favourites, s.settings, s.print} {
			sc.setLibrary(lib)
		}
		s.updateStatus()
		if q := s.search.Text; q != "" {
			s.onQuery(q) // typed while loading
		} else if s.env.OpenAt != "" {
			s.openAt(s.env.OpenAt)
		}
	})
}

func (s *shell) onLoadFailed(err error) {
	log.Printf("load: %v", err)
	msg := "Le contenu n'a pas pu être chargé.\n\nVérifiez qu'il reste de la place sur le disque et que ces fichiers\nsont accessibles en écriture, puis relancez Repère Cyber :\n" +
		s.env.Paths.Reference + "\n" + s.env.Paths.User
	if errors.Is(err, store.ErrCorrupt) {
		msg = "Un fichier de données est endommagé.\n\nFermez Repère Cyber et déplacez ailleurs le fichier concerné\n(ne le supprimez pas s'il s'agit de user.db : il contient vos favoris\net vos contacts), puis relancez :\n" +
			s.env.Paths.Reference + "\n" + s.env.Paths.User
	}
	s.status.SetText("Contenu indisponible.")
	dialog.ShowInformation("Problème au démarrage", msg, s.win)
}

// gcPercent is the GC target once loaded: the heap may grow by 30 %
// between collections instead of the default 100 %.
const gcPercent = 30

// openAt shows the screen named by spec (see Env.OpenAt).
func (s *shell) openAt(spec string) {
	name, arg, _ := strings.Cut(spec, ":")
	switch p := pageName(name); p {
	case pageResults:
		s.search.SetText(arg)
	case pageCard:
		s.onOpenEntry(arg)
	case pageCommune:
		if arg != "" {
			s.onOpenCommune(arg)
			return
		}
		s.navigate(page{name: p})
	case pageTriage:
		s.onTriage()
		if arg != "" {
			s.replace(page{name: p, arg: arg})
		}
	case pageBrowse, pageFavourites, pageSettings, pageHelp, pagePrint:
		s.navigate(page{name: p, arg: arg})
	}
}

// updateStatus shows the commune and the content version.
func (s *shell) updateStatus() {
	if s.lib == nil {
		return
	}
	where := "Ma commune : non choisie (menu « Ma commune »)"
	if c := s.lib.commune; c != nil {
		where = fmt.Sprintf("Ma commune : %s (%s)", c.Place.Name, c.Place.DepartementName)
	}
	s.status.SetText(fmt.Sprintf("%s · Contenu du %s · hors ligne", where, content.FormatDate(s.lib.info.ContentDate)))
}

// navigate shows p and remembers it for Retour.
func (s *shell) navigate(p page) {
	if n := len(s.stack); n > 0 && s.stack[n-1] == p {
		return
	}
	s.stack = append(s.stack, p)
	s.show(p)
}

// replace shows p in place of the current page (a new query replaces the
// previous results rather than piling up).
func (s *shell) replace(p page) {
	if n := len(s.stack); n > 0 {
		s.stack[n-1] = p
	} else {
		s.stack = append(s.stack, p)
	}
	s.show(p)
}

func (s *shell) show(p page) {
	if len(s.stack) == 0 {
		s.stack = []page{p}
	}
	var obj fyne.CanvasObject
	switch p.name {
	case pageResults:
		obj = s.results.content()
	case pageCard:
		s.card.show(p.arg)
		obj = s.card.content()
	case pageBrowse:
		s.browse.showKind(p.arg)
		obj = s.browse.content()
	case pageCommune:
		obj = s.commune.content()
	case pageFavourites:
		s.favourites.refresh()
		obj = s.favourites.content()
	case pageSettings:
		obj = s.settings.content()
	case pageHelp:
		obj = s.help.content()
	case pagePrint:
		s.print.refresh()
		obj = s.print.content()
	case pageTriage:
		s.triage.start(p.arg)
		obj = s.triage.content()
	default:
		obj = s.home.content()
	}
	if p.name != pageResults && p.name != pageHome && s.search.Text != "" {
		s.search.setTextQuietly("")
	}
	if p.name == pageResults && s.search.Text != p.arg {
		s.search.setTextQuietly(p.arg)
		s.onQuery(p.arg)
	}
	s.center.Objects = []fyne.CanvasObject{obj}
	s.center.Refresh()
	s.back.Disable()
	if len(s.stack) > 1 {
		s.back.Enable()
	}
}

func (s *shell) current() page { return s.stack[len(s.stack)-1] }

func (s *shell) onBack() {
	if len(s.stack) <= 1 {
		s.show(page{name: pageHome})
		return
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.show(s.current())
}

func (s *shell) onHome() {
	s.stack = nil
	s.navigate(page{name: pageHome})
	s.focusSearch()
}

func (s *shell) focusSearch() { s.win.Canvas().Focus(s.search) }

// onQuery runs a search on every keystroke. The search itself takes well
// under a millisecond (see search benchmarks), so it runs right here on
// the UI goroutine: handing it to another goroutine would only add lag.
func (s *shell) onQuery(q string) {
	if s.lib == nil {
		s.status.SetText("Chargement du contenu… la recherche sera prête dans un instant.")
		return
	}
	if q == "" {
		if s.current().name == pageResults {
			s.onBack()
		}
		return
	}
	s.results.setQuery(q, s.lib)
	p := page{name: pageResults, arg: q}
	if s.current().name == pageResults {
		s.stack[len(s.stack)-1] = p
		if s.center.Objects[0] != s.results.content() {
			s.show(p)
		}
		return
	}
	s.navigate(p)
}

// onOpenEntry shows a card and records it in the history.
func (s *shell) onOpenEntry(id string) {
	if s.lib == nil {
		return
	}
	if _, ok := s.lib.entries[id]; !ok {
		return
	}
	s.navigate(page{name: pageCard, arg: id})
	s.recordHistory(id)
}

// onOpenCommune shows « Ma commune » after a commune was picked in search.
func (s *shell) onOpenCommune(insee string) {
	s.commune.preview(insee)
	s.navigate(page{name: pageCommune})
}

func (s *shell) recordHistory(id string) {
	lib := s.lib
	hist := append([]string{id}, removeString(lib.history, id)...)
	if len(hist) > historyLength {
		hist = hist[:historyLength]
	}
	lib.history = hist
	s.background(func() {
		if err := lib.user.AddHistory(context.Background(), id); err != nil {
			log.Printf("history: %v", err)
		}
	})
}

func removeString(list []string, s string) []string {
	out := make([]string, 0, len(list))
	for _, v := range list {
		if v != s {
			out = append(out, v)
		}
	}
	return out
}

func (s *shell) onCopy(text string) {
	s.app.Clipboard().SetContent(text)
	s.status.SetText("Copié dans le presse-papiers : " + text)
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

// setSetting stores a setting in the background and keeps it in memory.
func (s *shell) setSetting(key, value string) {
	lib := s.lib
	lib.settings[key] = value
	s.background(func() {
		if err := lib.user.SetSetting(context.Background(), key, value); err != nil {
			log.Printf("setting %s: %v", key, err)
			runOnMain(func() { s.status.SetText("Le réglage n'a pas pu être enregistré : il sera perdu à la fermeture.") })
		}
	})
}

// applySettings applies the text size and theme everywhere.
func (s *shell) applySettings() {
	t := newAppTheme(s.lib.settings[settingTextSize], s.lib.settings[settingTheme])
	s.app.Settings().SetTheme(t)
	s.strip.resize(t)
}

// background runs database work off the UI goroutine.
func (s *shell) background(f func()) { s.bg.Go(f) }

// close waits for pending writes, then closes the databases.
func (s *shell) close() {
	s.bg.Wait()
	if s.lib != nil {
		s.lib.close()
	}
}
