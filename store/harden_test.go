package store_test

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"reperecyber/content"
	"reperecyber/store"
)

// TestOddFolderNames opens both databases in folders whose names SQLite's
// URI parser would cut or decode, and checks that every file is written
// where it should be and nowhere else.
func TestOddFolderNames(t *testing.T) {
	for _, name := range []string{"Clé #1", "a?b", "100%", "x%23y", "é ?#%25 z"} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, name)
			paths := store.PathsIn(dir)
			loads := 0
			r := mustOpenReference(t, paths.Reference, source("a", &loads))
			u, err := store.OpenUser(paths.User)
			if err != nil {
				t.Fatal(err)
			}
			must(t, u.SetFavourite(ctx, "17cyber", true))
			must(t, u.Close())
			must(t, r.Close())
			u, err = store.OpenUser(paths.User)
			if err != nil {
				t.Fatal(err)
			}
			defer u.Close()
			if favs, err := u.Favourites(ctx); err != nil || len(favs) != 1 {
				t.Errorf("favourites after reopening: %v, %v", favs, err)
			}
			for _, f := range filesUnder(t, root) {
				if !strings.HasPrefix(f, name+string(filepath.Separator)) {
					t.Errorf("file written outside %q: %q", name, f)
				}
			}
			if _, err := os.Stat(paths.Reference); err != nil {
				t.Errorf("reference not at its path: %v", err)
			}
		})
	}
}

func filesUnder(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// TestConcurrentFirstStarts opens a new user database from several
// processes' worth of connections at once: each migration must be
// applied once.
func TestConcurrentFirstStarts(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "user.db")
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Go(func() {
				u, err := store.OpenUser(path)
				if err == nil {
					err = u.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, opener %d: %v", round, i, err)
			}
		}
	}
}

func TestNewerUserDatabaseIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.db")
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	u.Close()
	setUserVersion(t, path, 999)
	if _, err := store.OpenUser(path); !errors.Is(err, store.ErrTooNew) {
		t.Errorf("open a database from a newer version: %v, want ErrTooNew", err)
	}
}

func setUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	rawExec(t, path, "PRAGMA user_version = "+itoa(v))
}

func itoa(n int) string {
	s := ""
	for ; n > 0 || s == ""; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// rawExec changes a database behind the store's back, as another program
// (a database editor) would.
func rawExec(t *testing.T, path string, queries ...string) {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	for _, q := range queries {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestEditedReferenceIsRebuilt edits the reference database as a database
// editor would: the next open notices and rebuilds from the bundled
// content.
func TestEditedReferenceIsRebuilt(t *testing.T) {
	tests := []struct {
		name  string
		query string
	}{
		{"a row changed", `UPDATE contacts SET value = '01 23 45 67 89' WHERE entry_id = 'csirt-bretagne' AND type = 'phone'`},
		{"a row added", `INSERT INTO regions (code, name) VALUES ('99', 'Atlantide')`},
		{"a row deleted", `DELETE FROM entry_regions WHERE entry_id = 'csirt-bretagne'`},
		{"a trigger added", `CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END`},
		{"the checksum removed", `DELETE FROM meta WHERE key = 'rows_checksum'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "reference.db")
			loads := 0
			mustOpenReference(t, path, source("a", &loads)).Close()
			rawExec(t, path, tt.query)
			r := mustOpenReference(t, path, source("a", &loads))
			if loads != 2 {
				t.Errorf("content loaded %d times, want 2 (the edit must trigger a rebuild)", loads)
			}
			if e, err := r.Entry(ctx, "csirt-bretagne"); err != nil || e.Contacts[0].Value != "0 800 200 008" || len(e.Regions) != 1 {
				t.Errorf("csirt-bretagne → %+v, %v", e, err)
			}
			must(t, r.Verify(ctx))
		})
	}
}

// TestDamagedReferencePageIsRebuilt overwrites pages in the middle of the
// file, past the header that SQLite checks when opening.
func TestDamagedReferencePageIsRebuilt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reference.db")
	loads := 0
	src := store.Source{Fingerprint: "bundled", Load: func() (b *content.Bundle, a *content.Atlas, err error) {
		loads++
		return loadBundled()
	}}
	mustOpenReference(t, path, src).Close()
	damagePages(t, path)
	r := mustOpenReference(t, path, src)
	if loads != 2 {
		t.Errorf("content loaded %d times, want 2 (the damaged file must be rebuilt)", loads)
	}
	must(t, r.Verify(ctx))
	if e, err := r.Entry(ctx, "17cyber"); err != nil || e.Title == "" {
		t.Errorf("17cyber → %v, %v", e, err)
	}
}

// damagePages writes garbage over a run of pages in the middle of a
// database file.
func damagePages(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 4096))
	if _, err := f.WriteAt(junk, st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyPassesOnAFreshBuild(t *testing.T) {
	loads := 0
	r := mustOpenReference(t, filepath.Join(t.TempDir(), "r.db"), source("a", &loads))
	must(t, r.Verify(ctx))
}

// BenchmarkVerify measures what OpenReference adds to every open of an
// up-to-date reference: quick_check and the rows checksum.
func BenchmarkVerify(b *testing.B) {
	r := mustOpenReference(b, filepath.Join(b.TempDir(), "r.db"), store.Source{Fingerprint: "bundled", Load: loadBundled})
	for b.Loop() {
		if err := r.Verify(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNewerReferenceIsRebuilt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reference.db")
	loads := 0
	mustOpenReference(t, path, source("a", &loads)).Close()
	setUserVersion(t, path, 99)
	r := mustOpenReference(t, path, source("a", &loads))
	if loads != 2 {
		t.Errorf("content loaded %d times, want 2", loads)
	}
	must(t, r.Verify(ctx))
}
