package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// User is the user database: favourites, history, local contacts and
// settings. One file is shared by the window and the command line.
type User struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// OpenUser opens (creating if needed) the user database at path. A damaged
// file is never replaced: the error wraps ErrCorrupt so the caller can tell
// the person where the file is.
func OpenUser(path string) (*User, error) {
	db, err := open(path, "user")
	if err != nil {
		return nil, err
	}
	return &User{db: db, path: path, now: time.Now}, nil
}

// Close closes the database.
func (u *User) Close() error { return u.db.Close() }

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
	_, err := u.db.ExecContext(ctx, `
		INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// SetFavourite stars or unstars an entry.
func (u *User) SetFavourite(ctx context.Context, entryID string, on bool) error {
	var err error
	if on {
		_, err = u.db.ExecContext(ctx, `INSERT INTO favourites (entry_id, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING`, entryID, u.stamp())
	} else {
		_, err = u.db.ExecContext(ctx, `DELETE FROM favourites WHERE entry_id = ?`, entryID)
	}
	return err
}

// Favourites returns the starred entry ids, most recent first.
func (u *User) Favourites(ctx context.Context) ([]string, error) {
	return u.ids(ctx, `SELECT entry_id FROM favourites ORDER BY added_at DESC, entry_id`)
}

// AddHistory records that an entry was opened.
func (u *User) AddHistory(ctx context.Context, entryID string) error {
	_, err := u.db.ExecContext(ctx, `INSERT INTO history (entry_id, opened_at) VALUES (?, ?)`, entryID, u.stamp())
	return err
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
	_, err := u.db.ExecContext(ctx, `DELETE FROM history`)
	return err
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
	_, err := u.db.ExecContext(ctx, `INSERT INTO missed_queries (query, day) VALUES (?, ?)`, query, u.now().UTC().Format("2006-01-02"))
	return err
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
