package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// canWrite reports whether the database file at path (or, if it does not
// exist yet, its folder) can be written. A variable so that tests running
// as root, who can write anywhere, can simulate a write-protected key.
var canWrite = func(path string) bool {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
		return dirWritable(filepath.Dir(path))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return dirWritable(filepath.Dir(path))
}

// dirWritable tries what SQLite will do: create a file in dir (the -wal
// and -shm files live beside the database).
func dirWritable(dir string) bool {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".reperecyber-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	return os.Remove(f.Name()) == nil
}

// openImmutable opens an existing database on read-only media without
// creating -wal or -shm files and without locks: nothing else can write
// a folder that the app itself cannot write.
func openImmutable(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", fileURI(path)+"?mode=ro&immutable=1&_foreign_keys=on")
	if err != nil {
		return nil, fmt.Errorf("open %s read-only: %w", path, err)
	}
	if _, err := schemaVersion(db); err != nil {
		db.Close()
		if isNotADatabase(err) {
			return nil, fmt.Errorf("%s: %w", path, ErrCorrupt)
		}
		return nil, fmt.Errorf("open %s read-only: %w", path, err)
	}
	return db, nil
}

// unblockSharedMemory makes a leftover read-only -shm file writable again
// (copied from write-protected media, or left by a read-only session): a
// -shm SQLite can only read turns every later write into « attempt to
// write a readonly database ». The -shm holds only an index of the -wal,
// which SQLite rebuilds, and a file nobody can write is in use by no
// writer, so removing it when chmod is not allowed is safe.
func unblockSharedMemory(path string) {
	shm := path + "-shm"
	f, err := os.OpenFile(shm, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return
	}
	if !errors.Is(err, fs.ErrPermission) {
		return
	}
	if os.Chmod(shm, 0o600) == nil {
		if f, err := os.OpenFile(shm, os.O_RDWR, 0); err == nil {
			f.Close()
			return
		}
	}
	os.Remove(shm)
}
