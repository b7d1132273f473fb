package store_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"reperecyber/journal"
	"reperecyber/store"
)

func openIncident(t *testing.T, u *store.User) journal.Incident {
	t.Helper()
	inc, err := u.OpenIncident(ctx, journal.Incident{
		INSEE: "29019", Commune: "Brest", OutcomeID: "rancongiciel-mairie", Title: "Rançongiciel",
		Discovered: time.Date(2026, 3, 28, 9, 0, 0, 0, time.UTC), PersonalData: true,
		Steps: []string{"Débrancher", "Appeler"}, Deadlines: []string{"Plainte : avant de réinstaller."},
	})
	if err != nil {
		t.Fatal(err)
	}
	return inc
}

func TestIncidentLifecycle(t *testing.T) {
	u := openUser(t)
	inc := openIncident(t, u)
	if cur, ok, err := u.CurrentIncident(ctx); err != nil || !ok || cur.ID != inc.ID {
		t.Fatalf("current: %+v %v %v", cur, ok, err)
	}
	e1, err := u.AddEntry(ctx, journal.Entry{IncidentID: inc.ID, Kind: journal.KindAppel, Text: " appel 17Cyber "})
	must(t, err)
	_, err = u.AddEntry(ctx, journal.Entry{IncidentID: inc.ID, Text: "appel 17Cyber à 10 h 40", Corrects: e1.ID, Kind: journal.KindAppel})
	must(t, err)
	_, err = u.AddEntry(ctx, journal.Entry{IncidentID: inc.ID, Text: journal.StepText("Débrancher"), Step: 1, Kind: journal.KindAction})
	must(t, err)
	d, err := u.Dossier(ctx, inc.ID)
	must(t, err)
	if len(d.Entries) != 3 || d.Entries[0].Text != "appel 17Cyber" || d.Entries[1].Corrects != e1.ID {
		t.Errorf("entries: %+v", d.Entries)
	}
	if got := d.Incident; got.Commune != "Brest" || !got.PersonalData || len(got.Steps) != 2 || !got.Discovered.Equal(inc.Discovered) {
		t.Errorf("incident read back: %+v", got)
	}
	if c := journal.Checklist(d.Incident, d.Entries); !c[0].Done || c[1].Done {
		t.Errorf("checklist: %+v", c)
	}
	must(t, u.CloseIncident(ctx, inc.ID))
	if _, ok, _ := u.CurrentIncident(ctx); ok {
		t.Error("closed incident still current")
	}
	if _, err := u.AddEntry(ctx, journal.Entry{IncidentID: inc.ID, Text: "trop tard"}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("entry on closed incident: %v", err)
	}
}

func TestAddEntryRefuses(t *testing.T) {
	u := openUser(t)
	inc := openIncident(t, u)
	other := openIncident(t, u)
	e, err := u.AddEntry(ctx, journal.Entry{IncidentID: other.ID, Text: "ailleurs"})
	must(t, err)
	tests := []struct {
		name string
		e    journal.Entry
		want error
	}{
		{"empty text", journal.Entry{IncidentID: inc.ID, Text: "  "}, store.ErrInvalid},
		{"unknown incident", journal.Entry{IncidentID: 999, Text: "x"}, store.ErrNotFound},
		{"correction of another incident's entry", journal.Entry{IncidentID: inc.ID, Text: "x", Corrects: e.ID}, store.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := u.AddEntry(ctx, tt.e); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEvidenceIsCopiedAndHashed(t *testing.T) {
	u := openUser(t)
	inc := openIncident(t, u)
	src := filepath.Join(t.TempDir(), "rançon.txt")
	body := []byte("Vos fichiers sont chiffrés.\n")
	must(t, os.WriteFile(src, body, 0o644))
	before, _ := os.Stat(src)
	ev, err := u.AddEvidence(ctx, inc.ID, src)
	must(t, err)
	sum := sha256.Sum256(body)
	if ev.SHA256 != hex.EncodeToString(sum[:]) || ev.Size != int64(len(body)) || ev.Name != "rançon.txt" {
		t.Errorf("evidence: %+v", ev)
	}
	copyPath := filepath.Join(filepath.Dir(u.EvidenceDir(inc.ID)), filepath.FromSlash(ev.Stored))
	got, err := os.ReadFile(copyPath)
	if err != nil || !bytes.Equal(got, body) {
		t.Errorf("copy: %q %v", got, err)
	}
	after, err := os.Stat(src)
	if err != nil || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("original changed or moved: %v", err)
	}
	ev2, err := u.AddEvidence(ctx, inc.ID, src)
	must(t, err)
	if ev2.Stored == ev.Stored {
		t.Error("second copy overwrote the first")
	}
	if _, err := u.AddEvidence(ctx, inc.ID, filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := u.AddEvidence(ctx, inc.ID, t.TempDir()); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("folder accepted: %v", err)
	}
	d, err := u.Dossier(ctx, inc.ID)
	must(t, err)
	if len(d.Evidence) != 2 {
		t.Errorf("evidence listed: %+v", d.Evidence)
	}
	if s, err := u.IntegrityCheck(ctx); err != nil || s != "ok" {
		t.Errorf("integrity: %q %v", s, err)
	}
}
