package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "frlocale" // French, as in the app
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/export"
	"reperecyber/store"
	"reperecyber/triage"
)

// uiQueue holds the callbacks background work hands to the UI. The test
// driver would run them at once on the background goroutine, racing with
// the test; queued here, they run on the test goroutine, as the real main
// loop runs them on the UI goroutine.
var uiQueue struct {
	sync.Mutex
	fns []func()
}

func init() {
	runOnMain = func(f func()) {
		uiQueue.Lock()
		uiQueue.fns = append(uiQueue.fns, f)
		uiQueue.Unlock()
	}
}

// settle waits for background work and runs what it handed to the UI,
// until nothing is left.
func settle(s *shell) {
	drainUI(func() {
		s.bg.Wait()
		if s.journal != nil { // built once loaded
			s.journal.bg.Wait()
		}
	})
}

// drainUI waits for background work, then runs what it handed to the
// UI, until nothing is left.
func drainUI(wait func()) {
	for {
		wait()
		uiQueue.Lock()
		fns := uiQueue.fns
		uiQueue.fns = nil
		uiQueue.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// sharedCore is one application core for the whole package: content,
// index and reference database are built once; each test gets its own
// user database through WithUser.
var sharedCore *core.Core

var testInfo = appinfo.Info{ID: "fr.reperecyber.test", Name: "Repère Cyber", Version: "test", Build: 1}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ui-test-")
	if err == nil {
		sharedCore, err = core.Open(context.Background(), core.Config{Paths: store.PathsIn(dir), App: testInfo, IndexEarly: true})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	sharedCore.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newTestShell builds the real window over the shared core, with the
// person's data in dir, and loads it as the app does at start-up, past
// the first-start question.
func newTestShell(t *testing.T, dir string) *shell {
	t.Helper()
	return newTestShellAt(t, dir, false)
}

// newTestShellAt is newTestShell; firstStart leaves the first-start
// question to be asked.
func newTestShellAt(t *testing.T, dir string, firstStart bool) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	paths := sharedCore.Paths()
	paths.User = filepath.Join(dir, "user.db")
	env := Env{
		Info: testInfo,
		Core: core.Config{Paths: paths, App: testInfo},
		Open: func(ctx context.Context) (*core.Core, error) {
			c := sharedCore.WithUser(paths.User)
			if !firstStart && c.UserErr() == nil {
				if err := c.SetWelcomed(ctx); err != nil {
					return nil, err
				}
			}
			return c, nil
		},
		Icon: assets.Icon,
	}
	w := test.NewTempWindow(t, nil)
	s := newShell(a, w, env)
	s.mount(fyne.NewSize(1000, 700))
	s.load(context.Background())
	settle(s)
	if s.lib == nil {
		t.Fatalf("content not loaded: %s", s.status.Text)
	}
	t.Cleanup(s.close)
	return s
}

func TestTypingShowsTheBestResultFirstAndEnterOpensIt(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	test.Type(s.search, "rancongiciel")
	if s.current().name != pageResults {
		t.Fatalf("page %v, want results", s.current())
	}
	if got := s.results.results[0].ID; got != "rancongiciel" {
		t.Fatalf("first result %q", got)
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.current() != (page{pageCard, "rancongiciel"}) {
		t.Fatalf("after Entrée: page %v", s.current())
	}
	if s.search.Text != "" {
		t.Errorf("search box still holds %q on the card", s.search.Text)
	}
	s.onBack()
	if s.current().name != pageResults || s.search.Text != "rancongiciel" {
		t.Errorf("after Retour: page %v, search %q", s.current(), s.search.Text)
	}
}

func TestArrowsMoveTheCursorAndEscapeClears(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	test.Type(s.search, "csirt")
	second := s.results.results[1].ID
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.current() != (page{pageCard, second}) {
		t.Fatalf("↓ then Entrée opened %v, want %s", s.current(), second)
	}
	s.onBack()
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.search.Text != "" || s.current().name != pageHome {
		t.Errorf("Échap: search %q, page %v", s.search.Text, s.current())
	}
}

func TestNothingFoundOffersHelp(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	test.Type(s.search, "zorglubienne")
	if s.results.empty.Hidden || !strings.Contains(s.results.emptyTx.Text, "zorglubienne") {
		t.Fatalf("no « je n'ai pas trouvé » panel: %q", s.results.emptyTx.Text)
	}
	settle(s)
	s.close()
	u, err := store.OpenUser(s.env.Core.Paths.User)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if m, _ := u.MissedQueries(context.Background()); len(m) == 0 {
		t.Error("the search that found nothing was not recorded")
	}
}

func TestRelatedAndBacklinksOpenCards(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.onOpenEntry("rancongiciel")
	target := s.lib.entries["rancongiciel"].Related[0]
	tapButton(t, s.card.box, s.lib.entries[target].Title)
	if s.current() != (page{pageCard, target}) {
		t.Fatalf("card %v, want %s", s.current(), target)
	}
	// The other card links back under « Cité par ».
	tapButton(t, s.card.box, "Rançongiciel")
	if s.current() != (page{pageCard, "rancongiciel"}) {
		t.Errorf("back link opened %v", s.current())
	}
}

func TestFavouriteSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	s := newTestShell(t, dir)
	s.onOpenEntry("pharos")
	test.Tap(s.card.star)
	s.close()

	s = newTestShell(t, dir)
	if !s.lib.favourites["pharos"] {
		t.Fatal("favourite lost after restart")
	}
	s.navigate(page{name: pageFavourites})
	if len(s.favourites.favs) != 1 || s.favourites.favs[0] != "pharos" {
		t.Errorf("favourites screen lists %v", s.favourites.favs)
	}
	if len(s.favourites.hist) == 0 || s.favourites.hist[0] != "pharos" {
		t.Errorf("history lists %v", s.favourites.hist)
	}
	test.Tap(s.favourites.clear)
	if len(s.favourites.hist) != 0 {
		t.Error("history not cleared")
	}
}

func TestMaCommunePersistsAndPersonalisesTheDirectory(t *testing.T) {
	dir := t.TempDir()
	s := newTestShell(t, dir)
	s.navigate(page{name: pageCommune})
	test.Type(s.commune.finder, "29200")
	if len(s.commune.matches) == 0 || s.commune.matches[0].INSEE != "29019" {
		t.Fatalf("matches %v", s.commune.matches)
	}
	s.commune.onPick(0)
	settle(s) // the commune is read in the background
	s.commune.onChoose()
	if !strings.Contains(s.status.Text, "Brest") {
		t.Errorf("status %q", s.status.Text)
	}
	s.close()

	s = newTestShell(t, dir)
	if s.lib.commune == nil || s.lib.commune.Place.INSEE != "29019" {
		t.Fatal("commune lost after restart")
	}
	s.navigate(page{name: pageBrowse, arg: string(content.KindService)})
	s.browse.scope.SetSelected(scopeCommune)
	var ids []string
	for _, r := range s.browse.rows {
		ids = append(ids, r.id)
	}
	joined := strings.Join(ids, " ")
	if !strings.Contains(joined, "csirt-bretagne") || strings.Contains(joined, "csirt-normandie") {
		t.Errorf("« pour ma commune » lists %v", ids)
	}
}

func TestTextSizeApplies(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	before := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText)
	s.settings.size.SetSelected("Très grand")
	after := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText)
	if after <= before*1.4 {
		t.Errorf("text size %v → %v", before, after)
	}
	if s.lib.settings[core.SettingTextSize.Key] != "xlarge" {
		t.Errorf("setting %q", s.lib.settings[core.SettingTextSize.Key])
	}
}

func TestLoadFailureIsExplainedInFrench(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	env := Env{Core: core.Config{Paths: store.PathsIn(t.TempDir() + "/\x00bad")}}
	s := newShell(a, w, env)
	s.mount(fyne.NewSize(1000, 700))
	s.load(context.Background())
	settle(s)
	// The reference is built in a temporary folder: the directory, search
	// and sheets work; only the person's data cannot be saved, and the
	// window says so.
	if s.lib == nil || !strings.Contains(s.status.Text, "ne peuvent pas être enregistrées") {
		t.Errorf("status = %q", s.status.Text)
	}
	test.Type(s.search, "pharos") // typing before content never crashes
}

// TestHomeOnceLoaded: the first frame holds the strip, the toolbar and
// the search box, nothing below; the home comes when loading ends,
// loaded or not (a failure is explained over it).
func TestHomeOnceLoaded(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(a, w, Env{Core: core.Config{Paths: store.PathsIn(t.TempDir())}})
	s.mount(fyne.NewSize(1000, 700))
	if len(s.center.Objects) != 0 || !s.back.Disabled() {
		t.Fatalf("before loading: %d screens shown, Retour enabled: %v", len(s.center.Objects), !s.back.Disabled())
	}
	l := make(chan loaded, 1)
	l <- loaded{err: errors.New("disque plein")}
	s.loaded(l)
	settle(s)
	if len(s.center.Objects) != 1 || s.center.Objects[0] != s.home.obj {
		t.Fatalf("after a failed load, %d screens shown, want the home", len(s.center.Objects))
	}

	loadedShell := newTestShell(t, t.TempDir())
	if c := loadedShell.center.Objects; len(c) != 1 || c[0] != loadedShell.home.obj {
		t.Fatal("the home is not shown once loaded")
	}
}

// TestCommandsBeforeLoading: every menu command and key, used in the
// instant between the first frame and the end of loading (no screen
// built yet, no content), does what it can and never panics; closing the
// window then too.
func TestCommandsBeforeLoading(t *testing.T) {
	for _, m := range (&shell{}).mainMenu().Items {
		for _, it := range m.Items {
			if it.IsSeparator || it.Action == nil {
				continue
			}
			t.Run(it.Label, func(t *testing.T) {
				a := test.NewTempApp(t)
				w := test.NewTempWindow(t, nil)
				s := newShell(a, w, Env{Core: core.Config{Paths: store.PathsIn(t.TempDir())}})
				s.mount(fyne.NewSize(1000, 700))
				for _, m := range s.mainMenu().Items {
					for _, own := range m.Items {
						if own.Label == it.Label {
							own.Action()
						}
					}
				}
				for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyF1, fyne.Key1, fyne.KeyPageDown} {
					s.onTypedKey(&fyne.KeyEvent{Name: k})
				}
				s.close()
			})
		}
	}
}

// tapButton taps the button whose text starts with prefix.
func tapButton(t *testing.T, box *fyne.Container, prefix string) {
	t.Helper()
	for _, o := range box.Objects {
		if b, ok := o.(*button); ok && strings.HasPrefix(b.Text, prefix) {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button starting with %q", prefix)
}

func TestTriageWalkOnePathAndBack(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.onTriage()
	if s.current().name != pageTriage {
		t.Fatalf("page %v", s.current())
	}
	first, _ := s.triage.walk.At()
	// Answer « personne n'est en danger » with the key 2, then go back.
	s.onTypedKey(&fyne.KeyEvent{Name: fyne.Key2})
	second, _ := s.triage.walk.At()
	if second == nil || second.ID == first.ID {
		t.Fatalf("the key 2 did not answer: %v", second)
	}
	s.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if n, _ := s.triage.walk.At(); n.ID != first.ID {
		t.Errorf("Retour arrière went to %s, want %s", n.ID, first.ID)
	}
	// The first option is the danger gate: it ends on the emergency outcome.
	s.onTypedKey(&fyne.KeyEvent{Name: fyne.Key1})
	if id := s.triage.outcomeID(); id != "danger-immediat" {
		t.Errorf("outcome %q, want danger-immediat", id)
	}
}

func TestSearchOpensATriageOutcome(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	test.Type(s.search, "fichiers chiffrés rançon")
	for i, r := range s.results.results {
		if r.ID == "rancongiciel-mairie" {
			s.results.open(i)
			break
		}
	}
	if s.current() != (page{pageTriage, "rancongiciel-mairie"}) || s.triage.outcomeID() != "rancongiciel-mairie" {
		t.Fatalf("page %v, outcome %q", s.current(), s.triage.outcomeID())
	}
}

func TestExportsWriteAtomically(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	brest, err := s.lib.competent(context.Background(), "29019")
	if err != nil {
		t.Fatal(err)
	}
	s.lib.commune = brest
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		job  pdfJob
	}{
		{"card", func(ctx context.Context, w io.Writer, _ func(int, int)) error {
			return export.EntryCard(w, s.lib.entries["pharos"], s.exportOptions())
		}},
		{"sheet", func(ctx context.Context, w io.Writer, _ func(int, int)) error {
			data, err := s.lib.core.Sheets(ctx, []content.Place{brest.Place})
			if err != nil {
				return err
			}
			return export.ContactSheet(w, data[0], s.exportOptions())
		}},
	} {
		path := filepath.Join(dir, tt.name+".pdf")
		s.writePDF(path, false, tt.job)
		settle(s)
		if b, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s: no PDF (%v)", tt.name, err)
		}
	}
	// A cancelled batch leaves the existing file as it was.
	path := filepath.Join(dir, "batch.pdf")
	os.WriteFile(path, []byte("ancien"), 0o600)
	s.writePDF(path, true, func(ctx context.Context, w io.Writer, _ func(int, int)) error { return context.Canceled })
	settle(s)
	if b, _ := os.ReadFile(path); string(b) != "ancien" || !strings.Contains(s.status.Text, "annulée") {
		t.Errorf("after cancel: file %q, status %q", b, s.status.Text)
	}
}

func TestLocalContactsFormValidatesThenSaves(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	f := s.commune.local
	f.insee = "29019"
	test.Type(f.rows[content.RoleIT].name, "Infogérance du Ponant")
	test.Type(f.rows[content.RoleIT].phone, "02 98")
	f.onSave()
	settle(s)
	if !strings.Contains(f.errors.Text, "Rien n'a été enregistré") {
		t.Fatalf("bad phone accepted: %q", f.errors.Text)
	}
	f.rows[content.RoleIT].phone.SetText("02 98 00 00 00")
	f.onSave()
	settle(s)
	got, err := s.lib.user.LocalContacts(context.Background(), "29019")
	if err != nil || len(got) != 1 || got[0].Name != "Infogérance du Ponant" {
		t.Errorf("saved %v, %v", got, err)
	}
}

// TestMaCommuneIsNotThePreviewedCommune: a commune opened from search is
// shown on a page of its own; « Ma commune » still shows the chosen one.
func TestMaCommuneIsNotThePreviewedCommune(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	brest, _ := s.lib.competent(context.Background(), "29019")
	s.lib.commune = brest
	s.onOpenCommune("33063") // Bordeaux, from search
	settle(s)
	if s.current() != (page{pagePlace, "33063"}) || s.commune.shown == nil || s.commune.shown.Place.Name != "Bordeaux" {
		t.Fatalf("preview: page %v", s.current())
	}
	s.navigate(page{name: pageCommune})
	if s.commune.shown == nil || s.commune.shown.Place.INSEE != "29019" {
		t.Fatalf("Ma commune shows %v", s.commune.shown)
	}
	s.onBack()
	settle(s)
	if s.commune.shown == nil || s.commune.shown.Place.Name != "Bordeaux" {
		t.Errorf("back to the preview shows %v", s.commune.shown)
	}
}

// TestCommunePickerResolvesLikeTheCommandLine: the picker lists what the
// one resolver finds: an INSEE code first, then its postcode's communes.
func TestCommunePickerResolvesLikeTheCommandLine(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.navigate(page{name: pageCommune})
	for q, want := range map[string]string{"59350": "Lille", "bordaux": "Bordeaux", "76540": "Rouen", "03190": "Moulins"} {
		s.commune.finder.SetText(q)
		if len(s.commune.matches) == 0 || s.commune.matches[0].Name != want {
			t.Errorf("%q: first match %v, want %s", q, s.commune.matches, want)
		}
	}
}

// TestOutcomeShowsOwnContactsFirst: the ransomware outcome opens with
// whom to call, the mairie's own IT provider and insurer included.
func TestOutcomeShowsOwnContactsFirst(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	ctx := context.Background()
	u, _ := s.lib.core.User()
	if err := u.ImportLocalContacts(ctx, []content.LocalContact{
		{INSEE: "29019", Role: content.RoleIT, Name: "Infogérance Ouest", Phone: "02 98 11 22 33"},
		{INSEE: "29019", Role: content.RoleInsurer, Name: "Mutuelle des communes", Phone: "02 98 44 55 66"},
	}); err != nil {
		t.Fatal(err)
	}
	s.lib.commune, _ = s.lib.competent(ctx, "29019")
	s.navigate(page{name: pageTriage, arg: "rancongiciel-mairie"})
	text := labelsOf(s.triage.box)
	for _, want := range []string{"Appelez maintenant (pour Brest)", "Prestataire informatique", "02 98 11 22 33", "02 98 44 55 66", "0 800 200 008"} {
		if !strings.Contains(text, want) {
			t.Errorf("outcome lacks %q", want)
		}
	}
	if i, j := strings.Index(text, "02 98 11 22 33"), strings.Index(text, "À faire maintenant"); i < 0 || i > j {
		t.Error("the IT provider's number is not above the steps")
	}
	if strings.Contains(text, "Délais\n\n") {
		t.Error("an empty section heading is shown")
	}
}

// TestPreviousQuestionLeavesAnOutcomeOpenedFromSearch: it goes back to
// where the person came from, not to an old walk.
func TestPreviousQuestionLeavesAnOutcomeOpenedFromSearch(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.onTriage()
	s.onTypedKey(&fyne.KeyEvent{Name: fyne.Key2}) // an old walk, one answer in
	s.onHome()
	test.Type(s.search, "rançon")
	s.navigate(page{name: pageTriage, arg: "rancongiciel-mairie"})
	s.triage.onPrevious()
	if s.current().name != pageResults {
		t.Errorf("Question précédente went to %v", s.current())
	}
}

// TestDamagedUserDataKeepsTheReference: with user.db damaged, the window
// still searches and opens cards, and says which file is damaged.
func TestDamagedUserDataKeepsTheReference(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "user.db"), bytes.Repeat([]byte("x"), 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, dir)
	if !strings.Contains(s.status.Text, "ne peuvent pas être enregistrées") {
		t.Errorf("status %q", s.status.Text)
	}
	test.Type(s.search, "rancongiciel")
	if len(s.results.results) == 0 {
		t.Fatal("no search without user data")
	}
	s.onOpenEntry("pharos")
	test.Tap(s.card.star)
	settle(s)
	if s.lib.favourites["pharos"] {
		t.Error("a favourite that could not be saved shows as saved")
	}
}

// labelsOf joins the text of every label under o, in order.
func labelsOf(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *button:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		}
	}
	walk(o)
	return b.String()
}

// TestPrintGoesStraightToDocuments: Ctrl+P on « Ma commune » writes the
// sheet into Documents/Repère Cyber under the commune's name, no folder
// dialog first, then offers to open it.
func TestPrintGoesStraightToDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, t.TempDir())
	s.lib.commune, _ = s.lib.competent(context.Background(), "29019")
	s.navigate(page{name: pageCommune})
	s.onPrintShortcut()
	settle(s)
	path := filepath.Join(home, "Documents", "Repère Cyber", "fiche-contacts-29019-brest.pdf")
	if b, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no sheet at %s: %v", path, err)
	}
	if !strings.Contains(s.status.Text, path) {
		t.Errorf("status %q", s.status.Text)
	}
}

// TestFirstStartAsksForTheCommune: the first screen asks for the commune,
// the keyboard alone chooses it (type, ↓, Entrée), and it is not asked
// again; « Plus tard » skips for good.
func TestFirstStartAsksForTheCommune(t *testing.T) {
	dir := t.TempDir()
	s := newTestShellAt(t, dir, true)
	if s.current().name != pageCommune || !s.commune.welcome {
		t.Fatalf("first screen %v", s.current())
	}
	if s.win.Canvas().Focused() != s.commune.finder {
		t.Error("the commune box does not have the focus")
	}
	test.Type(s.commune.finder, "29860") // Bourg-Blanc, Le Drennec, Kersaint-Plabennec…
	second := s.commune.matches[1]
	s.commune.finder.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.commune.finder.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(s)
	if s.lib.commune == nil || s.lib.commune.Place.INSEE != second.INSEE {
		t.Fatalf("chose %v, want %s", s.lib.commune, second.Name)
	}
	if s.current().name != pageCommune || s.commune.welcome {
		t.Errorf("after choosing: page %v", s.current())
	}
	s.close()
	if s = newTestShellAt(t, dir, true); s.current().name == pageCommune {
		t.Error("asked again after a commune was chosen")
	}

	dir = t.TempDir()
	s = newTestShellAt(t, dir, true)
	s.commune.onLater()
	settle(s)
	s.close()
	if s = newTestShellAt(t, dir, true); s.current().name != pageHome {
		t.Errorf("asked again after « Plus tard »: %v", s.current())
	}
}

// TestEveryScreenFitsALaptopAtTheLargestText: at « Très grand », no
// screen asks for more width than a 1366-pixel laptop has (window
// borders and the scroll bar aside): long addresses and the urgency
// strip wrap instead of widening the window.
func TestEveryScreenFitsALaptopAtTheLargestText(t *testing.T) {
	const maxWidth = 1300
	s := newTestShell(t, t.TempDir())
	s.app.Settings().SetTheme(newAppTheme("xlarge", "light"))
	s.lib.commune, _ = s.lib.competent(context.Background(), "29019")
	pages := []page{{name: pageHome}, {name: pageCommune}, {name: pageTriage}, {name: pageSettings}, {name: pageHelp}, {name: pagePrint}, {name: pageFavourites}}
	for _, k := range content.Kinds {
		pages = append(pages, page{name: pageBrowse, arg: string(k)})
	}
	for id := range s.lib.entries {
		pages = append(pages, page{name: pageCard, arg: id})
	}
	tree := s.lib.tree()
	for _, o := range tree.Outcomes {
		pages = append(pages, page{name: pageTriage, arg: o.ID})
	}
	for _, p := range pages {
		s.navigate(p)
		if w := s.content().MinSize().Width; w > maxWidth {
			t.Errorf("%v needs %.0f px", p, w)
		}
	}
}

// TestKeysDoNotActBehindADialog: with a dialog open, Échap and Ctrl+F
// leave the page behind it alone.
func TestKeysDoNotActBehindADialog(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.onOpenEntry("pharos")
	dialog.ShowInformation("Test", "Un message", s.win)
	s.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.current() != (page{pageCard, "pharos"}) {
		t.Errorf("Échap behind a dialog went to %v", s.current())
	}
	s.focusSearch()
	if s.win.Canvas().Focused() == s.search {
		t.Error("Ctrl+F behind a dialog focused the search box")
	}
}

// TestScrollPositionsDoNotCarryOver: a new page opens at its top; Retour
// finds the page where it was left.
func TestScrollPositionsDoNotCarryOver(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.win.Resize(fyne.NewSize(800, 400))
	s.navigate(page{name: pageBrowse, arg: string(content.KindService)})
	sc := pageScroll(s.center)
	if sc == nil {
		t.Fatal("the directory has no scroll")
	}
	sc.scrollTo(300)
	left := sc.offset()
	if left == 0 {
		t.Fatal("the directory did not scroll")
	}
	s.navigate(page{name: pageBrowse, arg: string(content.KindDefinition)})
	if got := pageScroll(s.center).offset(); got != 0 {
		t.Errorf("definitions opened scrolled to %v", got)
	}
	s.navigate(page{name: pageHelp})
	if got := pageScroll(s.center).offset(); got != 0 {
		t.Errorf("help opened scrolled to %v", got)
	}
	s.onBack()
	s.onBack()
	if got := pageScroll(s.center).offset(); got != left {
		t.Errorf("Retour: directory at %v, left at %v", got, left)
	}
}

// TestPassingMessagesClear: « Copié… » does not stay on the status line
// once the person moves on.
func TestPassingMessagesClear(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.onCopy("0 800 200 008")
	if !strings.Contains(s.status.Text, "Copié") {
		t.Fatalf("status %q", s.status.Text)
	}
	s.navigate(page{name: pageHelp})
	if strings.Contains(s.status.Text, "Copié") || !strings.Contains(s.status.Text, "Contenu du") {
		t.Errorf("status after moving on: %q", s.status.Text)
	}
}

// TestKeyboardAndWholeRows: Entrée presses the focused button, and a
// step of the checklist ticks when its text is tapped.
func TestKeyboardAndWholeRows(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.onOpenEntry("pharos")
	s.card.star.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !s.lib.favourites["pharos"] {
		t.Error("Entrée on « Ajouter aux favoris » did nothing")
	}
	s.navigate(page{name: pageTriage, arg: "rancongiciel-mairie"})
	var row *fyne.Container
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				if _, isTap := k.(*tapLabel); isTap && row == nil {
					row = c
				}
				walk(k)
			}
		}
	}
	walk(s.triage.box)
	if row == nil {
		t.Fatal("no checklist row")
	}
	var check *widget.Check
	var label *tapLabel
	for _, k := range row.Objects {
		switch w := k.(type) {
		case *widget.Check:
			check = w
		case *tapLabel:
			label = w
		}
	}
	test.Tap(label)
	if !check.Checked {
		t.Error("tapping the step's text did not tick it")
	}
}

// TestWizardDeadEndsSeeAlsoAndContinue: « je ne sais pas » is recorded,
// « voir aussi » opens the other side, and the emergency outcome goes on
// with the walk.
func TestWizardDeadEndsSeeAlsoAndContinue(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	tree := s.lib.tree()
	var deadEnd, withSeeAlso, withContinue *triage.Outcome
	for i := range tree.Outcomes {
		o := &tree.Outcomes[i]
		if o.DeadEnd && deadEnd == nil {
			deadEnd = o
		}
		if len(o.SeeAlso) > 0 && withSeeAlso == nil {
			withSeeAlso = o
		}
		if o.ContinueAt != "" && withContinue == nil {
			withContinue = o
		}
	}
	if deadEnd == nil || withSeeAlso == nil || withContinue == nil {
		t.Fatal("the tree has no dead end, see-also or continue outcome")
	}
	// The first answer of the first question is the danger gate.
	s.onTriage()
	s.onTypedKey(&fyne.KeyEvent{Name: fyne.Key1})
	if s.triage.outcomeID() != withContinue.ID {
		t.Fatalf("at %q, want %q", s.triage.outcomeID(), withContinue.ID)
	}
	s.triage.onContinue()
	if n, o := s.triage.walk.At(); n == nil || o != nil {
		t.Error("« Continuer le parcours » did not go on to a question")
	}
	// Walk to the first dead end by always taking the last answer.
	s.triage.onRestart()
	for i := 0; i < 10 && s.triage.outcomeID() == ""; i++ {
		n, _ := s.triage.walk.At()
		s.triage.onAnswer(len(n.Options) - 1)
	}
	settle(s)
	if o, _ := tree.Outcome(s.triage.outcomeID()); o == nil || !o.DeadEnd {
		t.Fatalf("the last answers lead to %q, not a dead end", s.triage.outcomeID())
	}
	u, _ := s.lib.core.User()
	if ends, err := u.DeadEnds(context.Background()); err != nil || len(ends) == 0 {
		t.Errorf("dead end not recorded: %v %v", ends, err)
	}
	s.navigate(page{name: pageTriage, arg: withSeeAlso.ID})
	other, _ := tree.Outcome(withSeeAlso.SeeAlso[0])
	if !strings.Contains(labelsOf(s.triage.box), other.Title) {
		t.Errorf("no « voir aussi » link to %q", other.Title)
	}
}

// TestDirectoryOpensForMyCommune: with a commune chosen, the directory
// opens on its services: its CSIRT, no other région's, and no body that
// takes no calls.
func TestDirectoryOpensForMyCommune(t *testing.T) {
	dir := t.TempDir()
	s := newTestShell(t, dir)
	if err := s.lib.core.SetMyCommune(context.Background(), "29019"); err != nil {
		t.Fatal(err)
	}
	s.close()
	s = newTestShell(t, dir)
	s.navigate(page{name: pageBrowse, arg: string(content.KindService)})
	if s.browse.scope.Selected != scopeCommune {
		t.Fatalf("directory opens on %q", s.browse.scope.Selected)
	}
	var ids []string
	for _, r := range s.browse.rows {
		ids = append(ids, r.id)
	}
	joined := " " + strings.Join(ids, " ") + " "
	for _, want := range []string{" csirt-bretagne ", " 17cyber "} {
		if !strings.Contains(joined, want) {
			t.Errorf("lacks %s", want)
		}
	}
	for _, unwanted := range []string{" csirt-normandie ", " ofac ", " comcyber-mi "} {
		if strings.Contains(joined, unwanted) {
			t.Errorf("lists %s", unwanted)
		}
	}
}

// TestWideOutcomeUsesTwoColumns: at 1920 pixels, whom to call and what to
// do stand side by side; on a laptop, one above the other.
func TestWideOutcomeUsesTwoColumns(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.navigate(page{name: pageTriage, arg: "rancongiciel-mairie"})
	var cols *fyne.Container
	for _, o := range s.triage.box.Objects {
		if c, ok := o.(*fyne.Container); ok {
			if _, ok := c.Layout.(*sideBySide); ok {
				cols = c
			}
		}
	}
	if cols == nil {
		t.Fatal("no call/do columns")
	}
	for _, tt := range []struct {
		width      float32
		sideBySide bool
	}{{1900, true}, {1280, false}} {
		s.win.Resize(fyne.NewSize(tt.width, 900))
		call, do := cols.Objects[0], cols.Objects[1]
		got := do.Position().Y == call.Position().Y && do.Position().X > call.Position().X
		if got != tt.sideBySide {
			t.Errorf("at %.0f px: call at %v, do at %v", tt.width, call.Position(), do.Position())
		}
	}
}

// TestOpenNow: a CSIRT with solid hours says whether it is open, and when
// closed, what to do instead; doubtful hours make no claim.
func TestOpenNow(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	e := content.Entry{ID: "csirt-test", Regions: []string{"76"}}
	h := content.Contact{Type: content.ContactHours, Value: "Du lundi au vendredi, 9 h – 12 h 30 et 14 h – 17 h 30, sauf jours fériés", Status: content.StatusOK}
	monday := time.Date(2026, 12, 7, 10, 0, 0, 0, paris)
	if st := openNow(e, h, monday); !st.Known || !st.Open {
		t.Errorf("Monday 10 h: %+v", st)
	}
	saturday := time.Date(2026, 12, 5, 10, 0, 0, 0, paris)
	st := openNow(e, h, saturday)
	if !st.Known || st.Open {
		t.Fatalf("Saturday: %+v", st)
	}
	if text := openBadge(st).(*widget.Label).Text; !strings.Contains(text, "17Cyber") || !strings.Contains(text, "lundi") {
		t.Errorf("closed badge %q", text)
	}
	h.Status = content.StatusToCheck
	if st := openNow(e, h, monday); st.Known {
		t.Error("doubtful hours make a claim")
	}
}

// TestJournalFromAnOutcome: « Ouvrir un journal d'incident » opens the
// journal of this situation for the commune, and the home screen then
// shows the incident under way with its CNIL countdown.
func TestJournalFromAnOutcome(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	s.lib.commune, _ = s.lib.competent(context.Background(), "29019")
	o, _ := s.lib.tree().Outcome("violation-donnees")
	s.onOpenJournal(o)
	settle(s)
	if s.current().name != pageJournal {
		t.Fatalf("page %v", s.current())
	}
	if s.win.Canvas().Focused() != s.journal.input {
		t.Error("the entry box does not have the focus")
	}
	first := s.current().arg
	s.onOpenJournal(o) // the same situation again: the same journal
	if s.current().arg != first {
		t.Errorf("a second journal %s was opened for the same incident %s", s.current().arg, first)
	}
	s.onHome()
	if text := labelsOf(s.home.incident); !strings.Contains(text, "Incident en cours") || !strings.Contains(text, "il reste") {
		t.Errorf("home banner %q", text)
	}
}

// TestDamagedUserDataOffersTheLastBackup: with user.db damaged and a
// backup beside it, the window restores it in one action.
func TestDamagedUserDataOffersTheLastBackup(t *testing.T) {
	dir := t.TempDir()
	s := newTestShell(t, dir)
	if err := s.lib.core.SetMyCommune(context.Background(), "29019"); err != nil {
		t.Fatal(err)
	}
	u, _ := s.lib.core.User()
	if _, err := u.BackupNow(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.close()
	if err := os.WriteFile(filepath.Join(dir, "user.db"), bytes.Repeat([]byte("x"), 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "user.db-wal"))
	os.Remove(filepath.Join(dir, "user.db-shm"))
	s = newTestShell(t, dir)
	b, ok := s.lib.core.LatestBackup()
	if !ok {
		t.Fatal("no backup offered")
	}
	s.onRestoreBackup(b)
	if s.lib.commune == nil || s.lib.commune.Place.INSEE != "29019" {
		t.Errorf("after restoring: commune %v", s.lib.commune)
	}
}

// TestTypedContactsAreNotLostLeavingOrPrinting: leaving « Ma commune »
// with contacts typed asks first; printing the sheet saves them first, so
// the sheet has them.
func TestTypedContactsAreNotLostLeavingOrPrinting(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	s := newTestShell(t, t.TempDir())
	s.lib.commune, _ = s.lib.competent(context.Background(), "29019")
	s.navigate(page{name: pageCommune})
	settle(s)
	f := s.commune.local
	test.Type(f.rows[content.RoleIT].name, "Infogérance du Ponant")
	test.Type(f.rows[content.RoleIT].phone, "02 98 00 00 00")
	s.onHome()
	if s.current().name != pageCommune || !s.dialogOpen() {
		t.Fatalf("left with unsaved contacts: page %v, dialog %v", s.current(), s.dialogOpen())
	}
	s.win.Canvas().Overlays().Top().Hide()
	s.onExportSheet()
	settle(s)
	got, err := s.lib.user.LocalContacts(context.Background(), "29019")
	if err != nil || len(got) != 1 || got[0].Phone != "02 98 00 00 00" {
		t.Errorf("printing did not save the typed contact first: %v, %v", got, err)
	}
	if f.unsaved() {
		t.Error("still unsaved after printing")
	}
}

// TestMyDataMovesAndComesBack: Réglages writes the person's data into one
// file, which another computer takes back whole; the daily backup is one
// action away.
func TestMyDataMovesAndComesBack(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	s := newTestShell(t, t.TempDir())
	ctx := context.Background()
	if err := s.lib.core.SetMyCommune(ctx, "29019"); err != nil {
		t.Fatal(err)
	}
	s.settings.onExportData()
	settle(s)
	files, _ := filepath.Glob(filepath.Join(home, "*", "*", "donnees-repere-cyber-*.zip"))
	if len(files) != 1 {
		files, _ = filepath.Glob(filepath.Join(home, "*", "donnees-repere-cyber-*.zip"))
	}
	if len(files) != 1 {
		t.Fatalf("data file: %v", files)
	}
	other := newTestShell(t, t.TempDir()) // another computer
	other.settings.replaceData(func() (string, error) {
		kept, err := other.lib.core.ImportUserData(files[0])
		return strings.Join(kept, ", "), err
	})
	if other.lib.commune == nil || other.lib.commune.Place.INSEE != "29019" {
		t.Errorf("after taking the data back: commune %v", other.lib.commune)
	}
	u, _ := other.lib.core.User()
	if _, err := u.BackupNow(ctx); err != nil {
		t.Fatal(err)
	}
	if err := other.lib.core.SetMyCommune(ctx, "33063"); err != nil {
		t.Fatal(err)
	}
	b, ok := other.lib.core.LatestBackup()
	if !ok {
		t.Fatal("no backup")
	}
	other.settings.replaceData(func() (string, error) { return other.lib.core.RestoreBackup(b) })
	if other.lib.commune == nil || other.lib.commune.Place.INSEE != "29019" {
		t.Errorf("after restoring the backup: commune %v", other.lib.commune)
	}
}
