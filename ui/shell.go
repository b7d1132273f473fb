package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/journal"
	"reperecyber/search"
	"reperecyber/store"
	"reperecyber/triage"
)

// pageName names a screen the window can show.
type pageName string

const (
	pageHome       pageName = "home"
	pageResults    pageName = "results"
	pageCard       pageName = "card"
	pageBrowse     pageName = "browse"
	pageCommune    pageName = "commune" // the person's own commune
	pagePlace      pageName = "place"   // any commune, by INSEE code (from search)
	pageFavourites pageName = "favourites"
	pageSettings   pageName = "settings"
	pageHelp       pageName = "help"
	pagePrint      pageName = "print"
	pageTriage     pageName = "triage"
	pageJournal    pageName = "journal" // an incident's journal, by id
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
	// saying counts the passing messages, so that only the last one's
	// timer puts the status line back.
	saying int
	// offsets are the scroll positions of the pages under the current
	// one, by depth in stack, restored by Retour.
	offsets map[int]float32
	back    *button
	search  *searchEntry
	strip   *urgencyStrip

	// screens renders each page: navigation is this table, so adding a
	// screen touches one place.
	screens map[pageName]screen

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
	journal    *journalScreen
}

func newShell(a fyne.App, w fyne.Window, env Env) *shell {
	s := &shell{app: a, win: w, env: env, started: time.Now(), status: widget.NewLabel("Chargement du contenu…")}
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.search = newSearchEntry(s)
	s.back = newButtonWithIcon("Retour", theme.NavigateBackIcon(), s.onBack)
	s.back.Disable() // nowhere to go back to yet
	s.strip = newUrgencyStrip()
	s.center = container.NewStack()
	s.stack = []page{{name: pageHome}} // shown once loaded (mount)
	return s
}

// buildScreens makes the screens below the toolbar, once: when loading
// ends, or when one is shown first. None is in the first frame (mount),
// and building them before it took the main thread some 9 ms.
func (s *shell) buildScreens() {
	if s.screens != nil {
		return
	}
	s.home = newHomeScreen(s)
	s.results = newResultsScreen(s)
	s.card = newCardView(s)
	s.browse = newBrowseScreen(s)
	s.commune = newCommuneScreen(s)
	s.favourites = newFavouritesScreen(s)
	s.settings = newSettingsScreen(s)
	s.help = newHelpScreen(s)
	s.print = newPrintScreen(s)
	s.triage = newTriageScreen(s)
	s.journal = newJournalScreen(s.journalDeps())
	s.screens = s.screenTable()
}

// mount puts the shell in its window, at size. The screen below the
// toolbar stays empty until the content is loaded (loaded): the first
// frame holds what needs no content, the urgency strip, the toolbar and
// the search box, and the window shows sooner. The home built before it
// cost the main thread some 25 ms of text measuring before the first
// frame, and on a first start it gave way to the commune question at the
// next one.
//
// The content is given the window's width at once. A window gives its
// content its size only when it is created, inside ShowAndRun; until then
// the content keeps its minimum width, at which every wrapped text breaks
// a word per line, and is laid out again at the window's width.
func (s *shell) mount(size fyne.Size) {
	s.win.SetContent(s.content())
	s.win.Resize(size)
	// What the window will give its content: its size less the padding
	// (the menu bar, built with the window, takes height, not width).
	inside := size
	if s.win.Padded() {
		inside = inside.Subtract(fyne.NewSquareSize(2 * theme.Padding()))
	}
	s.win.Content().Resize(inside)
}

// showIfBlank shows the current page if no screen was shown yet: the
// home, once loading ends, unless a screen was asked for meanwhile.
func (s *shell) showIfBlank() {
	if len(s.center.Objects) == 0 {
		s.show(s.current())
	}
}

func (s *shell) content() fyne.CanvasObject {
	homeBtn := newButtonWithIcon("Accueil", theme.HomeIcon(), s.onHome)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(s.back, homeBtn), nil, s.search)
	top := container.NewVBox(s.strip.object(), container.NewPadded(toolbar))
	return container.NewBorder(top, container.NewPadded(s.status), nil, nil, s.center)
}

// loading is the content being opened in the background.
type loading <-chan loaded

type loaded struct {
	lib *library
	err error
}

// startLoading opens the core (content, index, databases) in the
// background, from the first instant of the process: it needs no window,
// and on a two-core laptop it runs while Fyne starts on the other.
func startLoading(ctx context.Context, env Env) loading {
	ch := make(chan loaded, 1)
	go func() {
		lib, err := loadLibrary(ctx, env)
		// The collector is paused while the window starts (pauseGC). One
		// collection here, off the UI goroutine, frees the opening's
		// garbage before the window's first frames allocate: they reuse
		// its room instead of leaving half-empty spans for the whole
		// session (1.5 MB of resident memory, scripts/ratios.sh).
		runtime.GC()
		ch <- loaded{lib, err}
	}()
	return ch
}

// load opens the databases and the index, then hands everything to the
// UI goroutine.
func (s *shell) load(ctx context.Context) { s.loaded(startLoading(ctx, s.env)) }

// loaded waits for the content being opened, then hands it to the UI
// goroutine.
func (s *shell) loaded(l loading) {
	r := <-l
	lib, err := r.lib, r.err
	elapsed := time.Since(s.started)
	// Opening leaves some 60 MB of garbage behind, collected in one go
	// once the window has the content (resumeGC, off the UI goroutine) and
	// handed back to the system rather than kept for the whole session.
	runOnMain(func() {
		defer func() { go resumeGC() }()
		defer s.showIfBlank()
		s.buildScreens()
		if err != nil {
			s.onLoadFailed(err)
			return
		}
		s.lib = lib
		log.Printf("prêt : contenu et index chargés en %d ms", elapsed.Milliseconds())
		s.restoreSize()
		s.triage.setLibrary(lib)
		s.applySettings()
		for _, sc := range []interface{ setLibrary(*library) }{s.home, s.browse, s.commune, s.favourites, s.settings, s.print} {
			sc.setLibrary(lib)
		}
		s.updateStatus()
		lib.core.PrepareCommunes()
		if err := lib.core.UserErr(); err != nil {
			s.onUserDataUnavailable(err)
		}
		if s.env.Notice != "" {
			dialog.ShowInformation("À propos du contenu", s.env.Notice, s.win)
		}
		switch {
		case s.search.Text != "":
			s.onQuery(s.search.Text) // typed while loading
		case s.env.OpenAt != "":
			s.openAt(s.env.OpenAt)
		case !lib.core.Welcomed(context.Background()):
			s.commune.askFirstCommune()
		}
	})
}

func (s *shell) onLoadFailed(err error) {
	log.Printf("load: %v", err)
	msg := "Le contenu n'a pas pu être chargé.\n\nVérifiez qu'il reste de la place sur le disque et que ce fichier\nest accessible en écriture, puis relancez Repère Cyber :\n" +
		s.env.Core.Paths.Reference
	if errors.Is(err, store.ErrCorrupt) {
		msg = "La base de référence est endommagée.\n\nFermez Repère Cyber, supprimez ce fichier (il ne contient aucune donnée\npersonnelle : il est recréé au lancement), puis relancez :\n" +
			s.env.Core.Paths.Reference
	}
	s.status.SetText("Contenu indisponible.")
	dialog.ShowInformation("Problème au démarrage", msg, s.win)
}

// gcPercent is the GC target once loaded: the heap may grow by 15 %
// between collections instead of the default 100 %. Afterwards the heap
// barely grows (a search allocates kilobytes), so collecting more often
// costs little CPU and keeps the window's memory close to what it holds.
const gcPercent = 15

// loadMemoryLimit bounds the heap while the collector is paused: should
// opening ever allocate far more than its usual 100 MB, the collector
// runs anyway.
const loadMemoryLimit = 400 << 20

// pauseGC stops the collector while the window starts and the content
// opens: the heap grows from nothing to 60 MB then, and collecting it
// a dozen times on the way took a fifth of the start on two cores, for
// garbage that resumeGC collects once.
func pauseGC() {
	debug.SetMemoryLimit(loadMemoryLimit)
	debug.SetGCPercent(-1)
}

func resumeGC() {
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(math.MaxInt64)
	debug.FreeOSMemory()
}

// openAt shows the screen named by spec (see Env.OpenAt).
func (s *shell) openAt(spec string) {
	name, arg, _ := strings.Cut(spec, ":")
	switch p := pageName(name); p {
	case pageResults:
		s.search.SetText(arg)
	case pageCard:
		s.onOpenEntry(arg)
	case pageCommune, pagePlace:
		if arg != "" {
			s.onOpenCommune(arg)
			return
		}
		s.navigate(page{name: pageCommune})
	case pageTriage:
		s.onTriage()
		if arg != "" {
			s.replace(page{name: p, arg: arg})
		}
	case pageBrowse, pageFavourites, pageSettings, pageHelp, pagePrint:
		s.navigate(page{name: p, arg: arg})
	}
}

// sayFor is how long a passing message stays on the status line before
// the line shows the commune and content date again.
const sayFor = 8 * time.Second

// say shows a passing message on the status line; it clears itself, so
// « Copié » never stays there as if it were news.
func (s *shell) say(msg string) {
	s.status.SetText(msg)
	s.saying++
	n := s.saying
	time.AfterFunc(sayFor, func() {
		runOnMain(func() {
			if s.saying == n { // no newer message since
				s.updateStatus()
			}
		})
	})
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
	line := fmt.Sprintf("%s · Contenu du %s · hors ligne", where, content.FormatDate(s.lib.info.ContentDate))
	if u := s.lib.user; u != nil && u.ReadOnly() {
		line += " · dossier en lecture seule : favoris, historique et contacts ne sont pas enregistrés"
	}
	s.status.SetText(line)
}

// navigate shows p and remembers it for Retour, with where the page
// being left was scrolled to.
func (s *shell) navigate(p page) {
	if n := len(s.stack); n > 0 && s.stack[n-1] == p {
		return
	}
	if s.askToSaveContacts(func() { s.navigate(p) }) {
		return
	}
	s.saveOffset()
	s.stack = append(s.stack, p)
	s.show(p)
	s.scrollTo(0)
}

// saveOffset remembers how far the current page is scrolled.
func (s *shell) saveOffset() {
	if sc := pageScroll(s.center); sc != nil && len(s.stack) > 0 {
		if s.offsets == nil {
			s.offsets = map[int]float32{}
		}
		s.offsets[len(s.stack)-1] = sc.offset()
	}
}

// scrollTo scrolls the page on show: to the top for a new page, back to
// where it was for Retour. A page never opens scrolled like the last one.
func (s *shell) scrollTo(y float32) {
	if sc := pageScroll(s.center); sc != nil {
		sc.scrollTo(y)
	}
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
	s.buildScreens()
	if len(s.stack) == 0 {
		s.stack = []page{p}
	}
	if p.name != pageResults {
		s.results.flushMissed(s.lib)
	}
	sc, ok := s.screens[p.name]
	if !ok {
		sc = s.screens[pageHome]
	}
	obj := sc.show(p.arg)
	if p.name != pageResults && p.name != pageHome && s.search.Text != "" {
		s.search.setTextQuietly("")
	}
	if p.name == pageResults && s.search.Text != p.arg {
		s.search.setTextQuietly(p.arg)
		s.onQuery(p.arg)
	}
	s.center.Objects = []fyne.CanvasObject{obj}
	s.center.Refresh()
	if p.name == pageJournal {
		s.win.Canvas().Focus(s.journal.input) // once on the canvas: Entrée logs
	}
	if s.lib != nil && s.saying > 0 {
		s.saying++ // a passing message is about the page left: drop it
		s.updateStatus()
	}
	s.back.Disable()
	if len(s.stack) > 1 {
		s.back.Enable()
	}
}

func (s *shell) current() page { return s.stack[len(s.stack)-1] }

func (s *shell) onBack() {
	if s.askToSaveContacts(s.onBack) {
		return
	}
	if len(s.stack) <= 1 {
		s.show(page{name: pageHome})
		return
	}
	delete(s.offsets, len(s.stack)-1)
	s.stack = s.stack[:len(s.stack)-1]
	s.show(s.current())
	s.scrollTo(s.offsets[len(s.stack)-1])
}

func (s *shell) onHome() {
	if s.askToSaveContacts(s.onHome) {
		return
	}
	s.stack = nil
	s.navigate(page{name: pageHome})
	s.focusSearch()
}

// focusSearch puts the cursor in the search box, unless a dialog is open:
// Ctrl+F must not act on the page behind it.
func (s *shell) focusSearch() {
	if !s.dialogOpen() {
		s.win.Canvas().Focus(s.search)
	}
}

// dialogOpen reports whether a dialog (or any pop-up) covers the page.
func (s *shell) dialogOpen() bool { return s.win.Canvas().Overlays().Top() != nil }

// scrollKey scrolls the page with Page précédente/suivante, Début, Fin,
// when no widget took the key.
func (s *shell) scrollKey(k *fyne.KeyEvent) bool {
	sc := pageScroll(s.center)
	if sc == nil {
		return false
	}
	page := sc.height() * 0.9
	switch k.Name {
	case fyne.KeyPageDown:
		sc.scrollTo(sc.offset() + page)
	case fyne.KeyPageUp:
		sc.scrollTo(max(0, sc.offset()-page))
	case fyne.KeyHome:
		sc.scrollTo(0)
	case fyne.KeyEnd:
		sc.scrollTo(1e9) // both clamp to the end
	default:
		return false
	}
	return true
}

// scroller is what scrolls a page: a scroll container or a list.
type scroller interface {
	offset() float32
	scrollTo(y float32)
	height() float32
}

type scrollBox struct{ *container.Scroll }

func (b scrollBox) offset() float32 { return b.Offset.Y }
func (b scrollBox) height() float32 { return b.Size().Height }
func (b scrollBox) scrollTo(y float32) {
	y = max(0, min(y, b.Content.MinSize().Height-b.Size().Height))
	b.ScrollToOffset(fyne.NewPos(0, y))
}

type scrollList struct{ *widget.List }

func (l scrollList) offset() float32    { return l.GetScrollOffset() }
func (l scrollList) height() float32    { return l.Size().Height }
func (l scrollList) scrollTo(y float32) { l.ScrollToOffset(y) }

// pageScroll finds what scrolls the screen on show.
func pageScroll(o fyne.CanvasObject) scroller {
	switch w := o.(type) {
	case *container.Scroll:
		return scrollBox{w}
	case *widget.List:
		return scrollList{w}
	case *fyne.Container:
		for _, c := range w.Objects {
			if c.Visible() {
				if sc := pageScroll(c); sc != nil {
					return sc
				}
			}
		}
	}
	return nil
}

// onQuery runs a search on every keystroke. The search itself takes well
// under a millisecond (see search benchmarks), so it runs right here on
// the UI goroutine: handing it to another goroutine would only add lag.
func (s *shell) onQuery(q string) {
	if s.lib == nil {
		s.say("Chargement du contenu… la recherche sera prête dans un instant.")
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

// onOpenCommune shows a commune picked in search: the person's own page
// when it is theirs, else a preview with « En faire ma commune ».
func (s *shell) onOpenCommune(insee string) {
	if c := s.lib.commune; c != nil && c.Place.INSEE == insee {
		s.navigate(page{name: pageCommune})
		return
	}
	s.navigate(page{name: pagePlace, arg: insee})
}

func (s *shell) recordHistory(id string) {
	lib := s.lib
	hist := append([]string{id}, removeString(lib.history, id)...)
	if len(hist) > historyLength {
		hist = hist[:historyLength]
	}
	lib.history = hist
	if lib.user == nil {
		return // said once at start: nothing is saved
	}
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
	s.say("Copié dans le presse-papiers : " + text)
}

func (s *shell) onOpenURL(u string) {
	parsed, err := parseWebURL(u)
	if err != nil {
		s.say("Adresse web invalide : " + u)
		return
	}
	if err := s.app.OpenURL(parsed); err != nil {
		s.say("Le navigateur n'a pas pu s'ouvrir. Adresse : " + u)
	}
}

// setSetting stores a setting in the background and keeps it in memory.
func (s *shell) setSetting(key, value string) {
	s.lib.settings[key] = value
	s.saveUserData("ce réglage", func(ctx context.Context, c *core.Core) error {
		u, err := c.User()
		if err == nil {
			err = u.SetSetting(ctx, key, value)
		}
		return err
	})
}

// saveUserData writes the person's data in the background; when it fails
// the status line says that what (« ce réglage ») will be lost.
func (s *shell) saveUserData(what string, save func(context.Context, *core.Core) error) {
	c := s.lib.core
	s.background(func() {
		if err := save(context.Background(), c); err != nil {
			log.Printf("save %s: %v", what, err)
			runOnMain(func() {
				s.say("Impossible d'enregistrer " + what + " : ce sera perdu à la fermeture de Repère Cyber.")
			})
		}
	})
}

// applySettings applies the text size and theme everywhere, when they
// changed: a new theme re-parses every font and redraws the window, some
// 40 ms the first start (default settings) need not wait for.
func (s *shell) applySettings() {
	t := newAppTheme(s.lib.settings[core.SettingTextSize.Key], s.lib.settings[core.SettingTheme.Key])
	if cur, ok := s.app.Settings().Theme().(*appTheme); ok && *cur == *t {
		return
	}
	s.app.Settings().SetTheme(t)
	s.strip.resize(t)
}

// background runs database work off the UI goroutine.
func (s *shell) background(f func()) { s.bg.Go(f) }

// close waits for pending writes, then closes the databases.
func (s *shell) close() {
	if s.results != nil { // nil if closed before loading ended
		s.results.flushMissed(s.lib)
	}
	s.bg.Wait()
	if s.lib != nil {
		s.lib.close()
	}
}

// screen is one page of the window, shown for an argument (an entry id,
// a query, a kind, an INSEE code, an outcome id).
type screen interface {
	show(arg string) fyne.CanvasObject
}

type screenFunc func(arg string) fyne.CanvasObject

func (f screenFunc) show(arg string) fyne.CanvasObject { return f(arg) }

// screenTable is the navigation: which screen each page shows.
func (s *shell) screenTable() map[pageName]screen {
	static := func(obj func() fyne.CanvasObject) screen {
		return screenFunc(func(string) fyne.CanvasObject { return obj() })
	}
	return map[pageName]screen{
		pageHome:    static(s.home.content),
		pageResults: static(s.results.content),
		pageCard: screenFunc(func(id string) fyne.CanvasObject {
			s.card.show(id)
			return s.card.content()
		}),
		pageBrowse: screenFunc(func(kind string) fyne.CanvasObject {
			s.browse.showKind(kind)
			return s.browse.content()
		}),
		pageCommune: static(func() fyne.CanvasObject {
			s.commune.showMine()
			return s.commune.content()
		}),
		pagePlace: screenFunc(func(insee string) fyne.CanvasObject {
			s.commune.preview(insee)
			return s.commune.content()
		}),
		pageFavourites: static(func() fyne.CanvasObject {
			s.favourites.refresh()
			return s.favourites.content()
		}),
		pageSettings: static(s.settings.content),
		pageHelp:     static(s.help.content),
		pagePrint: static(func() fyne.CanvasObject {
			s.print.refresh()
			return s.print.content()
		}),
		pageJournal: screenFunc(func(id string) fyne.CanvasObject {
			if n, err := strconv.ParseInt(id, 10, 64); err == nil {
				s.journal.show(n)
			}
			return s.journal.content()
		}),
		pageTriage: screenFunc(func(outcome string) fyne.CanvasObject {
			s.triage.start(outcome)
			return s.triage.content()
		}),
	}
}

// restoreSize gives the window the size it had when last closed.
func (s *shell) restoreSize() {
	if w, h, ok := parseSize(os.Getenv("REPERECYBER_WINDOW")); ok {
		s.win.Resize(fyne.NewSize(float32(w), float32(h))) // make screenshots, or a shortcut
		return
	}
	if w, h, ok := s.lib.core.WindowSize(context.Background()); ok {
		s.win.Resize(fyne.NewSize(float32(w), float32(h)))
	}
}

// onClose remembers the window's size, then closes it.
func (s *shell) onClose() {
	if s.lib != nil {
		size := s.win.Canvas().Size()
		c := s.lib.core
		s.background(func() {
			if err := c.SetWindowSize(context.Background(), int(size.Width), int(size.Height)); err != nil {
				log.Printf("window size: %v", err)
			}
		})
	}
	s.win.Close()
}

// onUserDataUnavailable says, once, that the person's data cannot be
// opened: everything else works, nothing they change is saved.
func (s *shell) onUserDataUnavailable(err error) {
	log.Printf("user data: %v", err)
	path := s.env.Core.Paths.User
	msg := "Vos données (favoris, contacts locaux, réglages) n'ont pas pu être ouvertes :\n" + path +
		"\n\nL'annuaire, la recherche, le parcours et les fiches fonctionnent normalement,\nmais rien de ce que vous changez ne sera enregistré."
	if errors.Is(err, store.ErrCorrupt) {
		msg = "Le fichier de vos données est endommagé :\n" + path +
			"\n\nL'annuaire, la recherche, le parcours et les fiches fonctionnent normalement,\nsans vos contacts locaux ni vos réglages. Fermez Repère Cyber, déplacez ce\nfichier ailleurs (ne le supprimez pas), puis relancez : un fichier neuf sera créé."
	}
	s.status.SetText("Vos données ne peuvent pas être enregistrées (voir le message).")
	b, ok := s.lib.core.LatestBackup()
	if !ok || !errors.Is(err, store.ErrCorrupt) {
		dialog.ShowInformation("Vos données sont indisponibles", msg, s.win)
		return
	}
	msg += "\n\nUne sauvegarde existe, faite le " + journal.DateTime(b.Time, time.Local) + ".\nLa restaurer ? Le fichier endommagé est gardé à côté."
	dialog.ShowCustomConfirm("Vos données sont indisponibles", "Restaurer la sauvegarde", "Plus tard", paragraph(msg), func(yes bool) {
		if yes {
			s.onRestoreBackup(b)
		}
	}, s.win)
}

// onRestoreBackup restores the person's data from a backup and reloads
// their settings, favourites and commune.
func (s *shell) onRestoreBackup(b store.Backup) {
	lib := s.lib
	keptAs, err := lib.core.RestoreBackup(b)
	if err != nil {
		log.Printf("restore %s: %v", b.Path, err)
		dialog.ShowInformation("Restauration impossible", "La sauvegarde n'a pas pu être restaurée. Vos fichiers n'ont pas été effacés.\nEn ligne de commande : reperecyber restore --list", s.win)
		return
	}
	s.reloadUserData()
	s.say("Vos données sont restaurées. Le fichier endommagé est gardé ici : " + keptAs)
}

// reloadUserData reads the person's data again after it was replaced
// (restored, imported) and shows it on every screen.
func (s *shell) reloadUserData() {
	lib := s.lib
	lib.user, _ = lib.core.User()
	lib.commune, lib.here = nil, search.Here{}
	if err := lib.loadUser(context.Background()); err != nil {
		log.Printf("reload user data: %v", err)
	}
	s.applySettings()
	for _, sc := range []interface{ setLibrary(*library) }{s.home, s.browse, s.commune, s.favourites, s.settings, s.print} {
		sc.setLibrary(lib)
	}
	s.updateStatus()
}

// parseSize reads « 1900x1000 ».
func parseSize(v string) (w, h int, ok bool) {
	n, _ := fmt.Sscanf(v, "%dx%d", &w, &h)
	return w, h, n == 2 && w >= 640 && h >= 400 && w <= 10000 && h <= 10000
}

// journalDeps gives the journal screen the person's data through the
// core, read at each call: the screen exists before the data is loaded.
func (s *shell) journalDeps() JournalDeps {
	userDB := func() (*store.User, error) {
		if s.lib == nil {
			return nil, errors.New("content not loaded yet")
		}
		return s.lib.core.User()
	}
	return JournalDeps{
		Load: func(ctx context.Context, id int64) (journal.Dossier, error) {
			u, err := userDB()
			if err != nil {
				return journal.Dossier{}, err
			}
			return u.Dossier(ctx, id)
		},
		AddEntry: func(ctx context.Context, e journal.Entry) (journal.Entry, error) {
			u, err := userDB()
			if err != nil {
				return e, err
			}
			return u.AddEntry(ctx, e)
		},
		AddEvidence: func(ctx context.Context, id int64, path string) (journal.Evidence, error) {
			u, err := userDB()
			if err != nil {
				return journal.Evidence{}, err
			}
			return u.AddEvidence(ctx, id, path)
		},
		Print:    s.onExportDossier,
		Now:      time.Now,
		Location: time.Local,
		Window:   s.win,
	}
}

// onOpenJournal opens a journal for the outcome on screen (nil: from
// scratch) in the person's commune, or the incident already under way
// for the same situation.
func (s *shell) onOpenJournal(o *triage.Outcome) {
	lib := s.lib
	if lib == nil {
		return
	}
	if lib.commune == nil {
		s.navigate(page{name: pageCommune})
		s.say("Choisissez d'abord votre commune : le journal et le dossier lui sont propres.")
		return
	}
	u, err := lib.core.User()
	if err != nil {
		s.say("Le journal ne peut pas être tenu : vos données ne peuvent pas être enregistrées.")
		return
	}
	ctx := context.Background()
	if cur, ok, err := u.CurrentIncident(ctx); err == nil && ok && (o == nil || cur.OutcomeID == o.ID) {
		s.navigate(page{name: pageJournal, arg: strconv.FormatInt(cur.ID, 10)})
		return
	}
	inc := journal.Incident{INSEE: lib.commune.Place.INSEE, Commune: lib.commune.Place.Name, Discovered: time.Now(), Title: "Incident"}
	if o != nil {
		inc.OutcomeID, inc.Title, inc.Summary, inc.Steps, inc.Deadlines = o.ID, o.Title, o.Summary, o.Steps, o.Deadlines
		inc.PersonalData = journal.OutcomeInvolvesPersonalData(o.Deadlines)
	}
	inc, err = u.OpenIncident(ctx, inc)
	if err != nil {
		log.Printf("open incident: %v", err)
		s.say("Le journal n'a pas pu être ouvert. Réessayez ; rien n'a été perdu.")
		return
	}
	s.navigate(page{name: pageJournal, arg: strconv.FormatInt(inc.ID, 10)})
}

// onJournalShortcut (Ctrl+J) reopens the incident under way, or opens one.
func (s *shell) onJournalShortcut() {
	if !s.dialogOpen() {
		s.onOpenJournal(nil)
	}
}

// askToSaveContacts stops the person leaving « Ma commune » with contacts
// typed but not saved: it asks, saves or drops them, then runs next. It
// reports whether it asked (the caller then does nothing more).
func (s *shell) askToSaveContacts(next func()) bool {
	if len(s.stack) == 0 || s.current().name != pageCommune || !s.commune.local.unsaved() || s.dialogOpen() {
		return false
	}
	f := s.commune.local
	dialog.ShowCustomConfirm("Contacts non enregistrés", "Enregistrer", "Ne pas enregistrer",
		paragraph("Vous avez modifié vos contacts locaux sans les enregistrer."), func(save bool) {
			if save {
				f.saveThen(next)
				return
			}
			f.load(f.insee) // back to what is saved
			next()
		}, s.win)
	return true
}
