package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reperecyber/journal"
	"reperecyber/store"
)

// settleJournal waits for the screen's background work and runs what it
// handed to the UI.
func settleJournal(js *journalScreen) { drainUI(js.bg.Wait) }

func newTestJournal(t *testing.T) (*journalScreen, *store.User, int64) {
	t.Helper()
	test.NewTempApp(t)
	u, err := store.OpenUser(filepath.Join(t.TempDir(), "user.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { u.Close() })
	disc := time.Date(2026, 3, 28, 9, 0, 0, 0, time.UTC)
	inc, err := u.OpenIncident(context.Background(), journal.Incident{Commune: "Brest", INSEE: "29019", Title: "Rançongiciel",
		PersonalData: true, Discovered: disc, Steps: []string{"Débrancher", "Appeler"}})
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Europe/Paris")
	js := newJournalScreen(JournalDeps{Load: u.Dossier, AddEntry: u.AddEntry, AddEvidence: u.AddEvidence,
		Now: func() time.Time { return disc.Add(31 * time.Hour) }, Location: loc})
	js.show(inc.ID)
	settleJournal(js)
	return js, u, inc.ID
}

func TestJournalScreen(t *testing.T) {
	js, u, id := newTestJournal(t)
	if got := js.deadlines.Text; !strings.Contains(got, "CNIL : il reste 41\u00a0h") {
		t.Errorf("countdown: %q", got)
	}
	test.Type(js.input, "Appel à 17Cyber")
	js.kind.SetSelected("Appel")
	js.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settleJournal(js)
	if js.input.Text != "" || !strings.Contains(js.status.Text, "Enregistré") {
		t.Errorf("after Entrée: box %q, status %q", js.input.Text, js.status.Text)
	}
	js.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // empty: refused, not saved
	settleJournal(js)
	js.onTick(1, true)
	settleJournal(js)
	d, err := u.Dossier(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 2 || d.Entries[0].Kind != journal.KindAppel || d.Entries[1].Step != 1 {
		t.Fatalf("entries: %+v", d.Entries)
	}
	if c := journal.Checklist(d.Incident, d.Entries); !c[0].Done {
		t.Error("step not ticked")
	}
	js.onTick(1, false)
	settleJournal(js)
	d, _ = u.Dossier(context.Background(), id)
	if c := journal.Checklist(d.Incident, d.Entries); c[0].Done || d.Entries[2].Corrects != d.Entries[1].ID {
		t.Errorf("untick: %+v", d.Entries)
	}
	if js.timeline.Length() != 3 {
		t.Errorf("timeline shows %d entries", js.timeline.Length())
	}
}

// TestJournalScreenshot renders the screen to the PNG named by
// JOURNAL_SHOT (go test -run JournalScreenshot with JOURNAL_SHOT=file.png).
func TestJournalScreenshot(t *testing.T) {
	path := os.Getenv("JOURNAL_SHOT")
	if path == "" {
		t.Skip("set JOURNAL_SHOT=file.png to render the screen")
	}
	js, _, _ := newTestJournal(t)
	for _, s := range []string{"Écran noir et message de rançon sur le poste de l'accueil", "Appel à 17Cyber, dossier n° 12345"} {
		test.Type(js.input, s)
		js.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		settleJournal(js)
	}
	js.onTick(1, true)
	settleJournal(js)
	w := test.NewTempWindow(t, js.content())
	w.Resize(fyne.NewSize(1000, 600))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
