//go:build !windows

package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"reperecyber/store"
)

// TestReadOnlyFolder opens the databases in a folder that cannot be
// written (a write-protected USB key): lookups and saved data can be read,
// writes say ErrReadOnly, and nothing is created in the folder.
func TestReadOnlyFolder(t *testing.T) {
	tests := []struct {
		name     string
		prepared bool // the databases exist, written before the key was protected
		simulate bool // fake the probe instead of changing permissions (root)
	}{
		{"databases present", true, true},
		{"empty folder", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			checkReadOnlyFolder(t, dir, tt.prepared, func() func() {
				return store.SetCanWrite(func(string) bool { return false })
			})
		})
	}
}

// TestReadOnlyFolderForReal is the same with real permissions.
func TestReadOnlyFolderForReal(t *testing.T) {
	if runAsUnprivileged(t) {
		return
	}
	for _, prepared := range []bool{true, false} {
		dir := t.TempDir()
		checkReadOnlyFolder(t, dir, prepared, func() func() {
			must(t, os.Chmod(dir, 0o555))
			return func() { os.Chmod(dir, 0o755) }
		})
	}
}

func checkReadOnlyFolder(t *testing.T, dir string, prepared bool, protect func() (restore func())) {
	t.Helper()
	paths := store.PathsIn(dir)
	loads := 0
	if prepared {
		mustOpenReference(t, paths.Reference, source("a", &loads)).Close()
		u, err := store.OpenUser(paths.User)
		if err != nil {
			t.Fatal(err)
		}
		must(t, u.SetFavourite(ctx, "17cyber", true))
		must(t, u.Close())
	}
	before := filesUnder(t, dir)
	restore := protect()
	defer restore()

	r := mustOpenReference(t, paths.Reference, source("a", &loads))
	if p, err := r.Entry(ctx, "17cyber"); err != nil || p.Title == "" {
		t.Errorf("lookup in a read-only folder: %+v, %v", p, err)
	}
	u, err := store.OpenUser(paths.User)
	if err != nil {
		t.Fatal(err)
	}
	if !u.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	favs, err := u.Favourites(ctx)
	if err != nil || len(favs) != map[bool]int{true: 1}[prepared] {
		t.Errorf("favourites: %v, %v", favs, err)
	}
	if err := u.SetFavourite(ctx, "rancongiciel", true); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("write: %v, want ErrReadOnly", err)
	}
	if err := u.SetSetting(ctx, "commune", "29019"); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("setting: %v, want ErrReadOnly", err)
	}
	u.Close()
	r.Close()
	if after := filesUnder(t, dir); !slices.Equal(before, after) {
		t.Errorf("files in the read-only folder changed:\nbefore %v\nafter  %v", before, after)
	}
}

// TestLeftoverReadOnlySharedMemory leaves a -shm file that cannot be
// written beside the user database (copied from a write-protected key):
// the next writes must work.
func TestLeftoverReadOnlySharedMemory(t *testing.T) {
	if runAsUnprivileged(t) {
		return
	}
	path := filepath.Join(t.TempDir(), "user.db")
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, u.SetFavourite(ctx, "17cyber", true))
	must(t, u.Close())
	must(t, os.WriteFile(path+"-shm", make([]byte, 32768), 0o444))
	u, err = store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if err := u.SetFavourite(ctx, "rancongiciel", true); err != nil {
		t.Errorf("write after a read-only -shm: %v", err)
	}
}
