package ui

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"

	_ "frlocale" // French, as in the app
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/export"
	"reperecyber/search"
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
	for {
		s.bg.Wait()
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

// newTestShell builds the real window over the bundled content, with its
// data in dir, and loads it as the app does at start-up.
func newTestShell(t *testing.T, dir string) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	env := Env{
		Info:   appinfo.Info{ID: "fr.reperecyber.test", Name: "Repère Cyber", Version: "test", Build: 1},
		Paths:  store.PathsIn(dir),
		Source: store.Source{Fingerprint: assets.Fingerprint(), Load: assets.Load},
		Icon:   assets.Icon,
		Triage: mustTree(t),
	}
	w := test.NewTempWindow(t, nil)
	s := newShell(a, w, env)
	w.SetContent(s.content())
	w.Resize(fyne.NewSize(1000, 700))
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
	u, err := store.OpenUser(s.env.Paths.User)
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
	if len(s.commune.matches) == 0 || s.commune.matches[0].ID != "29019" {
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
	if s.lib.settings[settingTextSize] != "xlarge" {
		t.Errorf("setting %q", s.lib.settings[settingTextSize])
	}
}

func TestLoadFailureIsExplainedInFrench(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	env := Env{Paths: store.PathsIn(t.TempDir() + "/\x00bad"), Source: store.Source{Fingerprint: "x", Load: assets.Load}}
	s := newShell(a, w, env)
	w.SetContent(s.content())
	s.load(context.Background())
	settle(s)
	if s.lib != nil || s.status.Text != "Contenu indisponible." {
		t.Errorf("status = %q", s.status.Text)
	}
	test.Type(s.search, "pharos") // typing before content never crashes
}

// tapButton taps the button whose text starts with prefix.
func tapButton(t *testing.T, box *fyne.Container, prefix string) {
	t.Helper()
	for _, o := range box.Objects {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
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

func mustTree(t *testing.T) *triage.Tree {
	t.Helper()
	tree, err := triage.Load(assets.ContentFS())
	if err != nil {
		t.Fatal(err)
	}
	return tree
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
			data, err := s.lib.sheetData(ctx, *brest)
			if err != nil {
				return err
			}
			return export.ContactSheet(w, data, s.exportOptions())
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

// TestFirstStartIndexMatchesTheDatabase: on a first start the index is
// built from the embedded content while the database is built; it must
// answer exactly as one built from the database.
func TestFirstStartIndexMatchesTheDatabase(t *testing.T) {
	s := newTestShell(t, t.TempDir()) // empty folder: the early path
	fromDB, err := store.LoadIndex(context.Background(), s.lib.ref, triage.SearchDocs(s.env.Triage)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"rançongiciel", "csirt", "17", "brest", "saint", "ha", "fichiers chiffrés", "bouton d'appel", "cbrmlv"} {
		a, b := s.lib.index.Search(q, search.Options{Limit: 20}), fromDB.Search(q, search.Options{Limit: 20})
		if len(a) != len(b) {
			t.Fatalf("%q: %d results early, %d from the database", q, len(a), len(b))
		}
		for i := range a {
			if a[i].ID != b[i].ID {
				t.Errorf("%q result %d: %s early, %s from the database", q, i, a[i].ID, b[i].ID)
			}
		}
	}
}
