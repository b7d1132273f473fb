package store_test

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"reperecyber/store"
)

func TestBackupsDailyWhenChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "user.db")
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	store.SetNow(u, func() time.Time { return day })
	steps := []struct {
		name   string
		change string // a favourite to add, "" for none
		days   int    // days to move forward first
		want   bool   // a backup is made
	}{
		{"a new, empty database", "", 0, false},
		{"changed, no backup yet", "a", 0, true},
		{"changed again the same day", "b", 0, false},
		{"next day, changed", "c", 1, true},
		{"next day, unchanged", "", 1, false},
		{"later, changed", "d", 3, true},
	}
	for _, s := range steps {
		day = day.AddDate(0, 0, s.days)
		if s.change != "" {
			must(t, u.SetFavourite(ctx, s.change, true))
		}
		got, err := u.BackupIfDue(ctx)
		if err != nil || (got != "") != s.want {
			t.Errorf("%s: backup %q, %v; want one: %v", s.name, got, err, s.want)
		}
	}
	for i := range 10 {
		day = day.AddDate(0, 0, 1)
		must(t, u.SetFavourite(ctx, string(rune('e'+i)), true))
		if _, err := u.BackupIfDue(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list, err := store.ListBackups(path)
	if err != nil || len(list) != store.KeepBackups {
		t.Fatalf("%d backups kept, want %d (%v)", len(list), store.KeepBackups, err)
	}
	if !list[0].Time.After(list[1].Time) {
		t.Error("backups not newest first")
	}
}

// TestRestoreAfterDamage damages user.db: opening names the file, and
// restoring the newest backup brings the data back, the damaged file kept.
func TestRestoreAfterDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.db")
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, u.SetFavourite(ctx, "17cyber", true))
	// A table added by a later migration (the incident journal) is backed up too.
	_, err = u.BackupNow(ctx)
	must(t, err)
	must(t, u.Close())
	rawExec(t, path, `CREATE TABLE later (x TEXT)`, `INSERT INTO later VALUES ('kept')`)
	u, err = store.OpenUser(path)
	must(t, err)
	store.SetNow(u, func() time.Time { return time.Now().Add(time.Second) })
	_, err = u.BackupNow(ctx)
	must(t, err)
	must(t, u.Close())

	must(t, os.WriteFile(path, []byte("pas une base de données, juste un texte assez long pour SQLite......"), 0o600))
	_, err = store.OpenUser(path)
	var fe *store.FileError
	if !errors.As(err, &fe) || fe.Path != path || !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("open damaged: %v, want a FileError naming %s", err, path)
	}
	list, err := store.ListBackups(path)
	if err != nil || len(list) != 2 {
		t.Fatalf("backups: %v, %v", list, err)
	}
	kept, err := store.Restore(path, list[0].Path)
	must(t, err)
	if data, err := os.ReadFile(kept); err != nil || string(data[:3]) != "pas" {
		t.Errorf("damaged file not kept at %q: %v", kept, err)
	}
	u, err = store.OpenUser(path)
	must(t, err)
	defer u.Close()
	if favs, _ := u.Favourites(ctx); len(favs) != 1 {
		t.Errorf("favourites after restore: %v", favs)
	}
	rawQueryOne(t, path, `SELECT x FROM later`, "kept")
}

func rawQueryOne(t *testing.T, path, query, want string) {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	var got string
	if err := db.QueryRow(query).Scan(&got); err != nil || got != want {
		t.Errorf("%s = %q, %v; want %q", query, got, err, want)
	}
}

func TestRestoreRefusesABadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "user.db")
	bad := filepath.Join(dir, "bad.db")
	must(t, os.WriteFile(bad, []byte("rien"), 0o600))
	if _, err := store.Restore(path, bad); err == nil {
		t.Error("restored a file that is not a database")
	}
	loads := 0
	ref := filepath.Join(dir, "reference.db")
	mustOpenReference(t, ref, source("a", &loads)).Close()
	if _, err := store.Restore(path, ref); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("restore the reference database as user data: %v", err)
	}
}

// TestExportImportData moves the data to another computer, evidence
// folder included, and checks nothing on the new one is lost.
func TestExportImportData(t *testing.T) {
	old, fresh := t.TempDir(), t.TempDir()
	u, err := store.OpenUser(filepath.Join(old, "user.db"))
	must(t, err)
	must(t, u.SetFavourite(ctx, "17cyber", true))
	must(t, os.MkdirAll(filepath.Join(old, "incidents", "2026-12-01"), 0o700))
	must(t, os.WriteFile(filepath.Join(old, "incidents", "2026-12-01", "capture.png"), []byte("png"), 0o600))
	file := filepath.Join(t.TempDir(), "mes-donnees.zip")
	must(t, u.ExportData(ctx, file))
	must(t, u.Close())

	target := filepath.Join(fresh, "user.db")
	v, err := store.OpenUser(target)
	must(t, err)
	must(t, v.SetFavourite(ctx, "local", true))
	must(t, v.Close())
	must(t, os.MkdirAll(filepath.Join(fresh, "incidents"), 0o700))
	kept, err := store.ImportData(target, file)
	must(t, err)
	if len(kept) != 2 {
		t.Errorf("kept aside: %v, want user.db and incidents", kept)
	}
	v, err = store.OpenUser(target)
	must(t, err)
	defer v.Close()
	if favs, _ := v.Favourites(ctx); len(favs) != 1 || favs[0] != "17cyber" {
		t.Errorf("favourites after import: %v", favs)
	}
	if data, err := os.ReadFile(filepath.Join(fresh, "incidents", "2026-12-01", "capture.png")); err != nil || string(data) != "png" {
		t.Errorf("evidence not imported: %q, %v", data, err)
	}
}

func TestImportDataRefusesOddFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"no manifest", map[string]string{"user.db": "x"}},
		{"a path leaving the folder", map[string]string{"reperecyber-donnees.json": `{"format":1}`, "user.db": "x", "incidents/../../evil": "x"}},
		{"an unknown entry", map[string]string{"reperecyber-donnees.json": `{"format":1}`, "user.db": "x", "autre.txt": "x"}},
		{"a newer format", map[string]string{"reperecyber-donnees.json": `{"format":99}`, "user.db": "x"}},
		{"user.db not a database", map[string]string{"reperecyber-donnees.json": `{"format":1}`, "user.db": "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, tt.name+".zip")
			writeZip(t, file, tt.files)
			target := filepath.Join(t.TempDir(), "user.db")
			if _, err := store.ImportData(target, file); err == nil {
				t.Error("imported")
			}
			if _, err := os.Stat(target); err == nil {
				t.Error("user.db written")
			}
		})
	}
}

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, err := zw.Create(name)
		must(t, err)
		_, err = w.Write([]byte(body))
		must(t, err)
	}
	must(t, zw.Close())
	must(t, f.Close())
}
