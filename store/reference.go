package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"reperecyber/content"
)

// rebuildVersion is mixed into the fingerprint of the reference database:
// bump it when the way content is written to the database changes, so that
// existing databases are rebuilt even if the content did not change.
const rebuildVersion = "3"

// Source is the content a reference database is built from.
type Source struct {
	// Fingerprint identifies the exact bundled content; the database is
	// rebuilt when it differs from the one recorded at the last build.
	Fingerprint string
	// Load returns the content; it is only called for a rebuild.
	Load func() (*content.Bundle, *content.Atlas, error)
}

// Reference is the reference database: entries, categories, communes.
type Reference struct {
	db   *sql.DB
	path string
	// scratch is the temporary folder of a database built elsewhere
	// because path's folder cannot be written; removed on Close.
	scratch string
	// repaired is why the file was replaced when it was opened.
	repaired  error
	immutable bool
}

// OpenReference opens the reference database at path and rebuilds it from
// src if it was built from other content. A damaged file (unreadable
// header, failed quick_check, rows that no longer match their checksum)
// holds no user data, so it is replaced.
//
// When the folder cannot be written (a write-protected USB key), an
// up-to-date file is opened read-only, and otherwise the reference is built
// in a temporary folder: lookups work either way.
func OpenReference(ctx context.Context, path string, src Source) (*Reference, error) {
	if !canWrite(path) {
		return openReferenceReadOnly(ctx, path, src)
	}
	r, err := openReferenceAt(ctx, path, src)
	if damage := err; errors.Is(err, ErrCorrupt) || errors.Is(err, errSchema) {
		// Damaged, edited, or made by a build whose schema cannot be
		// migrated (an older one with full-text tables): the reference
		// database is only a cache of the bundle, so it is replaced.
		if rmErr := removeDB(path); rmErr != nil {
			return nil, fmt.Errorf("replace damaged %s: %w", path, rmErr)
		}
		r, err = openReferenceAt(ctx, path, src)
		if err == nil {
			r.repaired = damage
		}
	}
	return r, err
}

// Repaired returns why the file was found damaged or edited and rebuilt
// when it was opened, or nil.
func (r *Reference) Repaired() error { return r.repaired }

// ReadOnly reports whether the reference could not be written where it
// lives and is served read-only or from a temporary copy.
func (r *Reference) ReadOnly() bool { return r.scratch != "" || r.immutable }

func openReferenceAt(ctx context.Context, path string, src Source) (*Reference, error) {
	db, err := open(path, "reference")
	if errors.Is(err, ErrTooNew) {
		// A cache from a newer version of the app: rebuilt like a damaged one.
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if err != nil {
		return nil, err
	}
	r := &Reference{db: db, path: path}
	if err := r.ensureBuilt(ctx, src); err != nil {
		db.Close()
		return nil, r.damaged(err)
	}
	return r, nil
}

func openReferenceReadOnly(ctx context.Context, path string, src Source) (*Reference, error) {
	if db, err := openImmutable(path); err == nil {
		r := &Reference{db: db, path: path, immutable: true}
		if r.current(ctx, src) {
			return r, nil
		}
		db.Close()
	}
	scratch, err := os.MkdirTemp("", "reperecyber-reference-*")
	if err != nil {
		return nil, fmt.Errorf("temporary reference database: %w", err)
	}
	r, err := openReferenceAt(ctx, filepath.Join(scratch, "reference.db"), src)
	if err != nil {
		os.RemoveAll(scratch)
		return nil, err
	}
	r.scratch = scratch
	return r, nil
}

// current reports whether the database was built from src, and still
// holds what was built.
func (r *Reference) current(ctx context.Context, src Source) bool {
	got, err := r.meta(ctx, r.db, "fingerprint")
	return err == nil && got == fingerprint(src) && r.Verify(ctx) == nil
}

func removeDB(path string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// Close closes the database.
func (r *Reference) Close() error {
	err := r.db.Close()
	if r.scratch != "" {
		os.RemoveAll(r.scratch)
	}
	return err
}

// Path is the database file's location.
func (r *Reference) Path() string { return r.path }

func fingerprint(src Source) string { return src.Fingerprint + "/" + rebuildVersion }

// ensureBuilt rebuilds the database if its fingerprint differs. The check
// is repeated inside the write transaction, so that two processes starting
// at once (the window and the command line) rebuild only once.
func (r *Reference) ensureBuilt(ctx context.Context, src Source) error {
	want := fingerprint(src)
	if got, _ := r.meta(ctx, r.db, "fingerprint"); got == want {
		return r.Verify(ctx)
	}
	b, a, err := src.Load()
	if err != nil {
		return err
	}
	return inTx(ctx, r.db, func(tx *sql.Tx) error {
		if got, _ := r.meta(ctx, tx, "fingerprint"); got == want {
			return nil
		}
		if err := rebuild(ctx, tx, b, a); err != nil {
			return fmt.Errorf("rebuild reference database: %w", err)
		}
		err = setMeta(ctx, tx, map[string]string{
			"fingerprint":     want,
			"content_version": b.Meta.Version,
			"content_date":    b.Meta.Date,
			"dataset_name":    a.Dataset.Name,
			"dataset_version": a.Dataset.Version,
			"built_at":        time.Now().UTC().Format(time.RFC3339),
		})
		if err != nil {
			return err
		}
		sum, err := rowsChecksum(ctx, tx)
		if err != nil {
			return err
		}
		return setMeta(ctx, tx, map[string]string{checksumKey: sum})
	})
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (r *Reference) meta(ctx context.Context, q queryer, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	return v, err
}

func setMeta(ctx context.Context, tx *sql.Tx, kv map[string]string) error {
	for k, v := range kv {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return err
		}
	}
	return nil
}

// tablesInDeleteOrder lists every reference table, children before parents.
var tablesInDeleteOrder = []string{
	"contacts", "entry_sources", "entry_related", "entry_departements", "entry_regions",
	"gaps", "entries", "categories", "departements", "regions", "meta",
}

func rebuild(ctx context.Context, tx *sql.Tx, b *content.Bundle, a *content.Atlas) error {
	for _, t := range tablesInDeleteOrder {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
	}
	w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	w.atlas(a)
	w.categories(b.Categories)
	w.entries(b.Entries)
	w.gaps(b.Gaps)
	return w.err
}

// writer inserts rows with cached prepared statements and keeps the first
// error, so the insert code reads as a plain list of what is written.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	err   error
}

func (w *writer) exec(query string, args ...any) {
	if w.err != nil {
		return
	}
	st, ok := w.stmts[query]
	if !ok {
		st, w.err = w.tx.PrepareContext(w.ctx, query)
		if w.err != nil {
			return
		}
		w.stmts[query] = st
	}
	if _, err := st.ExecContext(w.ctx, args...); err != nil {
		first := fmt.Sprint(args[0])
		w.err = fmt.Errorf("%s %.40s: %w", strings.Fields(query)[2], first, err)
	}
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// atlas writes the territories entries and gaps refer to; the communes
// themselves are served from memory by the core.
func (w *writer) atlas(a *content.Atlas) {
	for _, r := range a.Regions {
		w.exec(`INSERT INTO regions (code, name) VALUES (?, ?)`, r.Code, r.Name)
	}
	for _, d := range a.Departements {
		w.exec(`INSERT INTO departements (code, name, region) VALUES (?, ?, ?)`, d.Code, d.Name, d.Region)
	}
}

func (w *writer) categories(cats []content.Category) {
	for i, c := range cats {
		w.exec(`INSERT INTO categories (id, kind, title, position) VALUES (?, ?, ?, ?)`, c.ID, c.Kind, c.Title, i)
	}
}

func (w *writer) entries(entries []content.Entry) {
	for i, e := range entries {
		w.exec(`INSERT INTO entries (id, kind, category, title, summary, body, synonyms, keywords, audience, status, note, historical, position)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, e.Kind, e.Category, e.Title, e.Summary, strings.TrimSpace(e.Body),
			jsonList(e.Synonyms), jsonList(e.Keywords), jsonList(e.Audience), e.Status, e.Note, e.Historical, i)
	}
	// Children after all entries, so related ids resolve whatever the order.
	for _, e := range entries {
		w.entryChildren(e)
	}
}

func (w *writer) entryChildren(e content.Entry) {
	for _, r := range e.Regions {
		w.exec(`INSERT INTO entry_regions (entry_id, region) VALUES (?, ?)`, e.ID, r)
	}
	for _, d := range e.Departements {
		w.exec(`INSERT INTO entry_departements (entry_id, departement) VALUES (?, ?)`, e.ID, d)
	}
	for i, r := range e.Related {
		w.exec(`INSERT INTO entry_related (entry_id, related_id, position) VALUES (?, ?, ?)`, e.ID, r, i)
	}
	for i, s := range e.Sources {
		w.exec(`INSERT INTO entry_sources (entry_id, position, url, date, undated) VALUES (?, ?, ?, ?, ?)`, e.ID, i, s.URL, s.Date, s.Undated)
	}
	for i, c := range e.Contacts {
		w.exec(`INSERT INTO contacts (entry_id, position, type, label, value, source, date, undated, status, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, i, c.Type, c.Label, c.Value, c.Source, c.Date, c.Undated, c.Status, c.Note)
	}
}

func (w *writer) gaps(gaps []content.CoverageGap) {
	for _, g := range gaps {
		src, _ := json.Marshal(g.Sources)
		w.exec(`INSERT INTO gaps (region, category, note, fallback, sources) VALUES (?, ?, ?, ?, ?)`,
			g.Region, g.Category, g.Note, jsonList(g.Fallback), string(src))
	}
}

func jsonList[T ~string](list []T) string {
	if list == nil {
		return "[]"
	}
	b, _ := json.Marshal(list) // a slice of strings always marshals
	return string(b)
}
