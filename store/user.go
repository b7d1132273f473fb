package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// User is the user database: favourites, history, local contacts and
// settings. One file is shared by the window and the command line.
type User struct {
	db   *sql.DB
	path string
	now  func() time.Time
	// readOnly is set when the file or its folder cannot be written:
	// every write then returns ErrReadOnly.
	readOnly bool
	// scratch is the temporary folder of the empty database used when
	// there is no file yet in a read-only folder; removed on Close.
	scratch string
	// backupErr is why the backup made when opening failed.
	backupErr error
}

// OpenUser opens (creating if needed) the user database at path. A damaged
// file is never replaced: the error wraps ErrCorrupt so the caller can tell
// the person where the file is. A database written by a newer version of
// the app is refused with ErrTooNew.
//
// When the file or its folder cannot be written (a write-protected USB
// key), the database is opened read-only: what was saved can be read,
// ReadOnly reports true and every write returns ErrReadOnly.
func OpenUser(path string) (*User, error) {
	if !canWrite(path) {
		return openUserReadOnly(path)
	}
	db, err := open(path, "user")
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTooNew) {
		return nil, &FileError{Path: path, Err: err}
	}
	if err != nil {
		return nil, err
	}
	u := &User{db: db, path: path, now: time.Now}
	_, u.backupErr = u.BackupIfDue(context.Background())
	return u, nil
}

// BackupError is why the daily backup made when opening failed, or nil.
// It never stops the app; the front-ends may log it.
func (u *User) BackupError() error { return u.backupErr }

func openUserReadOnly(path string) (*User, error) {
	db, err := openImmutable(path)
	if err == nil {
		if err := checkNotTooNew(db, "user"); err != nil {
			db.Close()
			return nil, &FileError{Path: path, Err: fmt.Errorf("%s: %w", path, err)}
		}
		return &User{db: db, path: path, now: time.Now, readOnly: true}, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// Nothing saved yet: an empty database elsewhere, so that reads
	// answer « nothing » instead of failing.
	scratch, err := os.MkdirTemp("", "reperecyber-user-*")
	if err != nil {
		return nil, fmt.Errorf("temporary user database: %w", err)
	}
	db, err = open(filepath.Join(scratch, "user.db"), "user")
	if err != nil {
		os.RemoveAll(scratch)
		return nil, err
	}
	return &User{db: db, path: path, now: time.Now, readOnly: true, scratch: scratch}, nil
}

// Close closes the database.
func (u *User) Close() error {
	err := u.db.Close()
	if u.scratch != "" {
		os.RemoveAll(u.scratch)
	}
	return err
}

// ReadOnly reports whether the database cannot be written: the front-ends
// say once that favourites, history and contacts cannot be saved.
func (u *User) ReadOnly() bool { return u.readOnly }

// exec runs one write statement.
func (u *User) exec(ctx context.Context, query string, args ...any) error {
	if err := u.writable(); err != nil {
		return err
	}
	_, err := u.db.ExecContext(ctx, query, args...)
	return u.writeError(err)
}

// writable returns ErrReadOnly, with the file's path, for a read-only
// database.
func (u *User) writable() error {
	if u.readOnly {
		return fmt.Errorf("%s: %w", u.path, ErrReadOnly)
	}
	return nil
}

// writeError turns SQLite's « attempt to write a readonly database » (the
// file became read-only while open) into ErrReadOnly.
func (u *User) writeError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrReadonly {
		return fmt.Errorf("%s: %w: %w", u.path, ErrReadOnly, err)
	}
	return err
}

// Path is the database file's location.
func (u *User) Path() string { return u.path }

// SchemaVersion is the number of the last migration applied.
func (u *User) SchemaVersion() (int, error) { return schemaVersion(u.db) }

func (u *User) stamp() string { return u.now().UTC().Format(time.RFC3339) }

// Setting returns the value of a setting, or def when it was never set.
func (u *User) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := u.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	return v, err
}

// SetSetting stores the value of a setting.
func (u *User) SetSetting(ctx context.Context, key, value string) error {
	return u.exec(ctx, `
		INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
}

// SetFavourite stars or unstars an entry.
func (u *User) SetFavourite(ctx context.Context, entryID string, on bool) error {
	if on {
		return u.exec(ctx, `INSERT INTO favourites (entry_id, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING`, entryID, u.stamp())
	}
	return u.exec(ctx, `DELETE FROM favourites WHERE entry_id = ?`, entryID)
}

// Favourites returns the starred entry ids, most recent first.
func (u *User) Favourites(ctx context.Context) ([]string, error) {
	return u.ids(ctx, `SELECT entry_id FROM favourites ORDER BY added_at DESC, entry_id`)
}

// AddHistory records that an entry was opened.
func (u *User) AddHistory(ctx context.Context, entryID string) error {
	return u.exec(ctx, `INSERT INTO history (entry_id, opened_at) VALUES (?, ?)`, entryID, u.stamp())
}

// History returns the ids of recently opened entries, most recent first,
// each once.
func (u *User) History(ctx context.Context, limit int) ([]string, error) {
	return u.ids(ctx, `
		SELECT entry_id
		FROM history
		GROUP BY entry_id
		ORDER BY max(id) DESC
		LIMIT ?`, limit)
}

// ClearHistory forgets every opened entry.
func (u *User) ClearHistory(ctx context.Context) error {
	return u.exec(ctx, `DELETE FROM history`)
}

func (u *User) ids(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := u.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// MissedQuery is a search that found nothing.
type MissedQuery struct {
	Query string
	Day   string // YYYY-MM-DD
}

// RecordMissedQuery remembers a search that found nothing: the query as
// typed (trimmed) and the day, nothing more.
func (u *User) RecordMissedQuery(ctx context.Context, query string) error {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	return u.exec(ctx, `INSERT INTO missed_queries (query, day) VALUES (?, ?)`, query, u.now().UTC().Format("2006-01-02"))
}

// MissedQueries returns the recorded searches that found nothing, oldest first.
func (u *User) MissedQueries(ctx context.Context) ([]MissedQuery, error) {
	rows, err := u.db.QueryContext(ctx, `SELECT query, day FROM missed_queries ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MissedQuery
	for rows.Next() {
		var m MissedQuery
		if err := rows.Scan(&m.Query, &m.Day); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// inTx runs a write transaction on the user database.
func (u *User) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := u.writable(); err != nil {
		return err
	}
	return u.writeError(inTx(ctx, u.db, fn))
}
