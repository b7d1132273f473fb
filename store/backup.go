package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backups are consistent copies of the user database (VACUUM INTO, which
// includes what is still in the -wal and every table, also those added by
// later migrations), made at most once a day when the data changed, in
// the « sauvegardes » folder beside user.db. The last KeepBackups stay.
const (
	BackupDir   = "sauvegardes"
	KeepBackups = 7
)

const backupPrefix, backupSuffix = "user-", ".db"

// Backup is one backup file.
type Backup struct {
	Path string
	Time time.Time // when it was made (from its name)
}

// ListBackups returns the backups of the user database at userPath, newest
// first. It needs no open database, so it also works when user.db is
// damaged: the front-ends offer the newest one.
func ListBackups(userPath string) ([]Backup, error) {
	dir := filepath.Join(filepath.Dir(userPath), BackupDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, backupPrefix) || !strings.HasSuffix(name, backupSuffix) {
			continue
		}
		t, err := time.Parse("2006-01-02-150405", strings.TrimSuffix(strings.TrimPrefix(name, backupPrefix), backupSuffix))
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, name), Time: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// BackupIfDue makes a backup unless one was made today or nothing changed
// since the newest one, and removes all but the last KeepBackups. It
// returns the new backup's path, or "" when none was due. OpenUser calls
// it; a failure there never stops the app.
func (u *User) BackupIfDue(ctx context.Context) (string, error) {
	if u.readOnly {
		return "", nil
	}
	list, err := ListBackups(u.path)
	if err != nil {
		return "", err
	}
	now := u.now()
	if len(list) == 0 {
		if empty, err := u.empty(ctx); err != nil || empty {
			return "", err // nothing to keep yet
		}
	}
	if len(list) > 0 {
		if y, m, d := list[0].Time.Date(); time.Date(y, m, d, 0, 0, 0, 0, time.Local).Equal(startOfDay(now)) {
			return "", nil
		}
		if same, err := u.sameAs(ctx, list[0].Path); err == nil && same {
			return "", nil
		}
	}
	path, err := u.BackupNow(ctx)
	if err != nil {
		return "", err
	}
	return path, pruneBackups(u.path)
}

// empty reports whether no table holds a row: a new database.
func (u *User) empty(ctx context.Context) (bool, error) {
	tables, err := checksumTables(ctx, u.db, func(b []byte) (int, error) { return len(b), nil })
	if err != nil {
		return false, err
	}
	for _, t := range tables {
		var any bool
		if err := u.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+quoteIdent(t)+`)`).Scan(&any); err != nil {
			return false, err
		}
		if any {
			return false, nil
		}
	}
	return true, nil
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Local().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

// sameAs reports whether the backup at path holds the same rows.
func (u *User) sameAs(ctx context.Context, path string) (bool, error) {
	other, err := openImmutable(path)
	if err != nil {
		return false, err
	}
	defer other.Close()
	a, err := rowsChecksum(ctx, u.db)
	if err != nil {
		return false, err
	}
	b, err := rowsChecksum(ctx, other)
	return a == b, err
}

// BackupNow makes a backup now, whatever the day, and returns its path.
func (u *User) BackupNow(ctx context.Context) (string, error) {
	dir := filepath.Join(filepath.Dir(u.path), BackupDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	path := filepath.Join(dir, backupPrefix+u.now().Local().Format("2006-01-02-150405")+backupSuffix)
	if err := u.snapshot(ctx, path); err != nil {
		return "", err
	}
	return path, nil
}

// snapshot writes a consistent copy of the database to path, through a
// temporary file renamed once complete.
func (u *User) snapshot(ctx context.Context, path string) error {
	tmp := path + ".tmp"
	os.Remove(tmp)
	if _, err := u.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy user database to %s: %w", tmp, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("install backup %s: %w", path, err)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("flush %s: %w", path, err)
	}
	return f.Close()
}

func pruneBackups(userPath string) error {
	list, err := ListBackups(userPath)
	if err != nil {
		return err
	}
	for _, b := range list[min(len(list), KeepBackups):] {
		if err := os.Remove(b.Path); err != nil {
			return err
		}
	}
	return nil
}

// CheckUserFile checks that the file at path is a sound user database this
// version can open: SQLite's quick_check, and a schema not newer than the
// migrations. Restore and ImportData check what they install.
func CheckUserFile(path string) error {
	db, err := openImmutable(path)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkNotTooNew(db, "user"); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var result string
	if err := db.QueryRow(`PRAGMA quick_check(1)`).Scan(&result); err != nil {
		if isNotADatabase(err) {
			return fmt.Errorf("%s: %w", path, ErrCorrupt)
		}
		return err
	}
	if result != "ok" {
		return fmt.Errorf("%s: %s: %w", path, result, ErrCorrupt)
	}
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'settings'`).Scan(&tables); err != nil || tables != 1 {
		return fmt.Errorf("%s: not a user database: %w", path, ErrCorrupt)
	}
	return nil
}

// Restore replaces the user database at userPath with the backup at from,
// after checking it. The current file, damaged or not, is never deleted:
// it is moved aside (its new path is returned) so nothing is lost. No
// connection to userPath may be open, in this process or another: the
// front-ends close it first (the window must not be running for the CLI).
func Restore(userPath, from string) (keptAs string, err error) {
	if err := CheckUserFile(from); err != nil {
		return "", err
	}
	keptAs, err = moveAside(userPath, "avant-restauration")
	if err != nil {
		return "", err
	}
	if err := installCopy(from, userPath); err != nil {
		return keptAs, err
	}
	return keptAs, nil
}

// moveAside renames user.db (and its -wal and -shm, which belong to it) to
// user.db.LABEL-STAMP; it returns "" when there was no file.
func moveAside(userPath, label string) (string, error) {
	if _, err := os.Stat(userPath); errors.Is(err, os.ErrNotExist) {
		for _, s := range []string{"-wal", "-shm"} {
			os.Remove(userPath + s)
		}
		return "", nil
	}
	aside := userPath + "." + label + "-" + time.Now().Format("2006-01-02-150405")
	for _, s := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(userPath+s, aside+s); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("move %s aside: %w", userPath+s, err)
		}
	}
	return aside, nil
}

// installCopy copies from to to through a temporary file renamed once
// flushed to disk.
func installCopy(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(to, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

func writeAtomic(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// FileError is how OpenUser reports a user database it will not open
// (damaged: ErrCorrupt; from a newer version: ErrTooNew), with the file's
// path for the message, and its newest backups to offer.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }
