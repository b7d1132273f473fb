package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/store"
)

var ctx = context.Background()

// fixture is a tiny, complete reference: two régions, one CSIRT, one
// national service and a definition linking to it.
func fixture() (*content.Bundle, *content.Atlas) {
	b := &content.Bundle{
		Meta: content.Meta{Version: "test.1", Date: "2026-11-22"},
		Categories: []content.Category{
			{ID: "victime", Kind: content.KindService, Title: "Aide"},
			{ID: "csirt", Kind: content.KindService, Title: "CSIRT"},
			{ID: "def-attaques", Kind: content.KindDefinition, Title: "Attaques"},
		},
		Entries: []content.Entry{
			{ID: "17cyber", Kind: content.KindService, Category: "victime", Title: "17Cyber", Summary: "s", Body: "b",
				Synonyms: []string{"17 cyber"}, Audience: []content.Audience{"elu"}, Status: content.StatusOK,
				Contacts: []content.Contact{{Type: content.ContactURL, Value: "https://17cyber.gouv.fr/", Source: "https://x.fr", Date: "2024-12", Status: content.StatusOK}}},
			{ID: "csirt-bretagne", Kind: content.KindService, Category: "csirt", Title: "Breizh Cyber", Summary: "s", Body: "b",
				Audience: []content.Audience{"collectivite"}, Regions: []string{"53"}, Status: content.StatusOK,
				Contacts: []content.Contact{{Type: content.ContactPhone, Value: "0 800 200 008", Source: "https://y.fr", Date: "2024-11", Status: content.StatusToCheck, Note: "n"}}},
			{ID: "rancongiciel", Kind: content.KindDefinition, Category: "def-attaques", Title: "Rançongiciel", Summary: "s", Body: "b",
				Synonyms: []string{"ransomware"}, Audience: []content.Audience{"elu"}, Related: []string{"17cyber"}, Status: content.StatusOK},
		},
		Gaps: []content.CoverageGap{{Region: "06", Category: "csirt", Note: "aucun", Fallback: []string{"17cyber"}}},
	}
	a := &content.Atlas{
		Dataset:      content.Dataset{Name: "fixture", Version: "1", Communes: 3},
		Regions:      []content.Region{{Code: "53", Name: "Bretagne"}, {Code: "06", Name: "Mayotte"}},
		Departements: []content.Departement{{Code: "29", Name: "Finistère", Region: "53"}, {Code: "976", Name: "Mayotte", Region: "06"}},
		EPCIs:        []content.EPCI{{SIREN: "242900314", Name: "Brest Métropole", Type: "METRO"}},
		Communes: content.NewCommunes([]content.Commune{
			{INSEE: "29019", Name: "Brest", Postcodes: []string{"29200"}, Departement: "29", Region: "53", EPCI: "242900314", Population: 140000},
			{INSEE: "29155", Name: "Ouessant", Postcodes: []string{"29242"}, Departement: "29", Region: "53", Population: 800},
			{INSEE: "97611", Name: "Mamoudzou", Postcodes: []string{"97600", "97605"}, Departement: "976", Region: "06", Population: 71437},
		}),
	}
	return b, a
}

func source(fp string, loads *int) store.Source {
	return store.Source{Fingerprint: fp, Load: func() (*content.Bundle, *content.Atlas, error) {
		*loads++
		b, a := fixture()
		return b, a, nil
	}}
}

func mustOpenReference(tb testing.TB, path string, src store.Source) *store.Reference {
	tb.Helper()
	r, err := store.OpenReference(ctx, path, src)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

func TestReferenceRebuildsOnlyWhenContentChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reference.db")
	loads := 0
	for i, fp := range []string{"a", "a", "b"} {
		r := mustOpenReference(t, path, source(fp, &loads))
		if _, err := r.Entry(ctx, "17cyber"); err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		r.Close()
	}
	if loads != 2 {
		t.Errorf("content loaded %d times, want 2 (first build, then fingerprint change)", loads)
	}
}

func TestReferenceReplacesDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reference.db")
	if err := os.WriteFile(path, []byte("ceci n'est pas une base de données, mais un texte assez long pour SQLite"), 0o600); err != nil {
		t.Fatal(err)
	}
	loads := 0
	r := mustOpenReference(t, path, source("a", &loads))
	if _, err := r.Entry(ctx, "rancongiciel"); err != nil {
		t.Fatal(err)
	}
}

func TestEntryRoundTrip(t *testing.T) {
	loads := 0
	r := mustOpenReference(t, filepath.Join(t.TempDir(), "r.db"), source("a", &loads))
	e, err := r.Entry(ctx, "csirt-bretagne")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := func() (content.Entry, bool) { b, _ := fixture(); return b.Entry("csirt-bretagne") }()
	if e.Title != want.Title || len(e.Contacts) != 1 || e.Contacts[0] != want.Contacts[0] || len(e.Regions) != 1 || e.Regions[0] != "53" {
		t.Errorf("got %+v\nwant %+v", e, want)
	}
	if !e.NeedsCheck() {
		t.Error("the « à vérifier » status of a contact was lost")
	}
	if _, err := r.Entry(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing entry: err = %v, want ErrNotFound", err)
	}
	back, err := r.Backlinks(ctx, "17cyber")
	if err != nil || len(back) != 1 || back[0] != "rancongiciel" {
		t.Errorf("backlinks of 17cyber = %v, %v; want [rancongiciel]", back, err)
	}
}

func TestCompetentFor(t *testing.T) {
	loads := 0
	r := mustOpenReference(t, filepath.Join(t.TempDir(), "r.db"), source("a", &loads))
	brest := content.Place{Commune: content.Commune{INSEE: "29019", Departement: "29", Region: "53"}}
	c, err := r.CompetentFor(ctx, brest)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Local) != 1 || c.Local[0].ID != "csirt-bretagne" || len(c.National) != 1 || len(c.Gaps) != 0 {
		t.Errorf("Brest: local %v national %v gaps %v", c.Local, c.National, c.Gaps)
	}
	mamoudzou := content.Place{Commune: content.Commune{INSEE: "97611", Departement: "976", Region: "06"}}
	c, err = r.CompetentFor(ctx, mamoudzou)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Local) != 0 || len(c.Gaps) != 1 || c.Gaps[0].Fallback[0] != "17cyber" {
		t.Errorf("Mamoudzou: local %v gaps %v", c.Local, c.Gaps)
	}
}

func TestUserDataSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.db")
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, u.SetFavourite(ctx, "17cyber", true))
	must(t, u.SetFavourite(ctx, "17cyber", true)) // twice is fine
	must(t, u.AddHistory(ctx, "rancongiciel"))
	must(t, u.SetSetting(ctx, "commune", "29019"))
	u.Close()

	u, err = store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	fav, _ := u.Favourites(ctx)
	hist, _ := u.History(ctx, 10)
	commune, _ := u.Setting(ctx, "commune", "")
	if len(fav) != 1 || len(hist) != 1 || commune != "29019" {
		t.Errorf("after reopen: favourites %v, history %v, commune %q", fav, hist, commune)
	}
	must(t, u.ClearHistory(ctx))
	if hist, _ := u.History(ctx, 10); len(hist) != 0 {
		t.Errorf("history not cleared: %v", hist)
	}
}

func TestDamagedUserFileIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.db")
	junk := []byte("données précieuses qui ne sont pas une base SQLite, à ne pas écraser")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := store.OpenUser(path); !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(junk) {
		t.Error("the damaged user file was modified")
	}
}

// TestBundledReference builds the reference database from the real
// embedded data, as the app does on first start.
func TestBundledReference(t *testing.T) {
	r := mustOpenReference(t, filepath.Join(t.TempDir(), "r.db"), store.Source{Fingerprint: "bundled", Load: loadBundled})
	info, err := r.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.DatasetVersion != "6.0.0" || info.Entries[content.KindService] == 0 {
		t.Errorf("info = %+v", info)
	}
	paris := content.Place{Commune: content.Commune{INSEE: "75056", Departement: "75", Region: "11"}}
	if c, err := r.CompetentFor(ctx, paris); err != nil || len(c.Local) == 0 {
		t.Errorf("Paris: %+v, %v", c.Local, err)
	}
}

func loadBundled() (*content.Bundle, *content.Atlas, error) {
	b, err := assets.Bundle()
	if err != nil {
		return nil, nil, err
	}
	a, err := assets.Atlas()
	return b, a, err
}

func BenchmarkRebuild(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		r, err := store.OpenReference(ctx, filepath.Join(dir, "r.db"), store.Source{Fingerprint: string(rune('a' + i%2)), Load: loadBundled})
		if err != nil {
			b.Fatal(err)
		}
		r.Close()
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestMissedQueries(t *testing.T) {
	u, err := store.OpenUser(filepath.Join(t.TempDir(), "user.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	must(t, u.RecordMissedQuery(ctx, "  xylophone  "))
	must(t, u.RecordMissedQuery(ctx, "   "))
	got, err := u.MissedQueries(ctx)
	if err != nil || len(got) != 1 || got[0].Query != "xylophone" || len(got[0].Day) != 10 {
		t.Errorf("got %+v, %v", got, err)
	}
	if v, _ := u.SchemaVersion(); v != 4 {
		t.Errorf("schema version %d, want 4", v)
	}
}

// TestReferenceWithUnmigratableSchemaIsReplaced: a reference database
// from another build (here at version 1 without the tables migration 2
// drops, as a build without full-text search sees an old FTS5 table) is
// a cache: it is rebuilt, not an error.
func TestReferenceWithUnmigratableSchemaIsReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	loads := 0
	r := mustOpenReference(t, path, source("a", &loads))
	if _, err := r.Entry(ctx, "17cyber"); err != nil || loads != 1 {
		t.Errorf("after replacing: %v, %d loads", err, loads)
	}
}
