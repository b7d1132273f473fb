package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"reperecyber/content"
)

// Info describes what the reference database was built from.
type Info struct {
	ContentVersion string
	ContentDate    string
	DatasetName    string
	DatasetVersion string
	Entries        map[content.Kind]int
	// Communes is the number of communes served (set by the core, which
	// serves them from memory).
	Communes int
}

// Info reads the versions and counts of the reference content.
func (r *Reference) Info(ctx context.Context) (Info, error) {
	return inTxValue(ctx, r.db, func(tx *sql.Tx) (Info, error) { return r.infoTx(ctx, tx) })
}

func (r *Reference) infoTx(ctx context.Context, tx *sql.Tx) (Info, error) {
	info := Info{Entries: map[content.Kind]int{}}
	for key, dst := range map[string]*string{
		"content_version": &info.ContentVersion,
		"content_date":    &info.ContentDate,
		"dataset_name":    &info.DatasetName,
		"dataset_version": &info.DatasetVersion,
	} {
		v, err := r.meta(ctx, tx, key)
		if err != nil {
			return Info{}, fmt.Errorf("read %s: %w", key, err)
		}
		*dst = v
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, count(*) FROM entries GROUP BY kind`)
	if err != nil {
		return Info{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var k content.Kind
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return Info{}, err
		}
		info.Entries[k] = n
	}
	if err := rows.Err(); err != nil {
		return Info{}, err
	}
	return info, nil
}

// Categories returns the categories of one kind in display order.
func (r *Reference) Categories(ctx context.Context, kind content.Kind) ([]content.Category, error) {
	return inTxValue(ctx, r.db, func(tx *sql.Tx) ([]content.Category, error) { return categories(ctx, tx, kind) })
}

func categories(ctx context.Context, tx *sql.Tx, kind content.Kind) ([]content.Category, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id,
		       kind,
		       title,
		       position
		FROM categories
		WHERE kind = ?
		ORDER BY position`, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Category
	for rows.Next() {
		var c content.Category
		if err := rows.Scan(&c.ID, &c.Kind, &c.Title, &c.Order); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Entry returns one entry with its contacts, sources, scope and links.
func (r *Reference) Entry(ctx context.Context, id string) (content.Entry, error) {
	list, err := r.entriesTx(ctx, `WHERE e.id = ?`, id)
	if err != nil {
		return content.Entry{}, err
	}
	if len(list) == 0 {
		return content.Entry{}, fmt.Errorf("entry %q: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// Entries returns every entry, in content order, complete.
func (r *Reference) Entries(ctx context.Context) ([]content.Entry, error) {
	return r.entriesTx(ctx, ``)
}

// EntriesOf returns the entries of one kind, in category then content order.
func (r *Reference) EntriesOf(ctx context.Context, kind content.Kind) ([]content.Entry, error) {
	return r.entriesTx(ctx, `WHERE e.kind = ?`, kind)
}

// entriesTx reads entries and their children in one transaction, so that
// a rebuild by another process never shows half of each.
func (r *Reference) entriesTx(ctx context.Context, where string, args ...any) ([]content.Entry, error) {
	return inTxValue(ctx, r.db, func(tx *sql.Tx) ([]content.Entry, error) { return entries(ctx, tx, where, args...) })
}

// entries loads the entries matching where, then their children in one
// query per child table (not one per entry), and stitches them together.
func entries(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]content.Entry, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT e.id,
		       e.kind,
		       e.category,
		       e.title,
		       e.summary,
		       e.body,
		       e.synonyms,
		       e.keywords,
		       e.audience,
		       e.status,
		       e.note,
		       e.historical
		FROM entries e
		JOIN categories c ON c.id = e.category
		`+where+`
		ORDER BY c.position, e.position`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Entry
	index := map[string]int{}
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, fillChildren(ctx, tx, out, index)
}

func scanEntry(rows *sql.Rows) (content.Entry, error) {
	var e content.Entry
	var syn, kw, aud string
	if err := rows.Scan(&e.ID, &e.Kind, &e.Category, &e.Title, &e.Summary, &e.Body, &syn, &kw, &aud, &e.Status, &e.Note, &e.Historical); err != nil {
		return e, err
	}
	for _, l := range []struct {
		raw string
		dst any
	}{{syn, &e.Synonyms}, {kw, &e.Keywords}, {aud, &e.Audience}} {
		if err := json.Unmarshal([]byte(l.raw), l.dst); err != nil {
			return e, fmt.Errorf("entry %s: %w", e.ID, err)
		}
	}
	return e, nil
}

// child describes one child table: its query and how a row is added to
// its entry.
type child struct {
	query string
	scan  func(rows *sql.Rows, e func(id string) *content.Entry) error
}

var children = []child{
	{`SELECT entry_id, region FROM entry_regions ORDER BY entry_id, region`, func(rows *sql.Rows, e func(string) *content.Entry) error {
		var id, v string
		err := rows.Scan(&id, &v)
		if p := e(id); p != nil && err == nil {
			p.Regions = append(p.Regions, v)
		}
		return err
	}},
	{`SELECT entry_id, departement FROM entry_departements ORDER BY entry_id, departement`, func(rows *sql.Rows, e func(string) *content.Entry) error {
		var id, v string
		err := rows.Scan(&id, &v)
		if p := e(id); p != nil && err == nil {
			p.Departements = append(p.Departements, v)
		}
		return err
	}},
	{`SELECT entry_id, related_id FROM entry_related ORDER BY entry_id, position`, func(rows *sql.Rows, e func(string) *content.Entry) error {
		var id, v string
		err := rows.Scan(&id, &v)
		if p := e(id); p != nil && err == nil {
			p.Related = append(p.Related, v)
		}
		return err
	}},
	{`SELECT entry_id, url, date, undated FROM entry_sources ORDER BY entry_id, position`, func(rows *sql.Rows, e func(string) *content.Entry) error {
		var id string
		var s content.Source
		err := rows.Scan(&id, &s.URL, &s.Date, &s.Undated)
		if p := e(id); p != nil && err == nil {
			p.Sources = append(p.Sources, s)
		}
		return err
	}},
	{`SELECT entry_id, type, label, value, source, date, undated, status, note FROM contacts ORDER BY entry_id, position`, func(rows *sql.Rows, e func(string) *content.Entry) error {
		var id string
		var c content.Contact
		err := rows.Scan(&id, &c.Type, &c.Label, &c.Value, &c.Source, &c.Date, &c.Undated, &c.Status, &c.Note)
		if p := e(id); p != nil && err == nil {
			p.Contacts = append(p.Contacts, c)
		}
		return err
	}},
}

func fillChildren(ctx context.Context, tx *sql.Tx, out []content.Entry, index map[string]int) error {
	lookup := func(id string) *content.Entry {
		if i, ok := index[id]; ok {
			return &out[i]
		}
		return nil
	}
	for _, c := range children {
		if err := eachRow(ctx, tx, c.query, func(rows *sql.Rows) error { return c.scan(rows, lookup) }); err != nil {
			return err
		}
	}
	return nil
}

func eachRow(ctx context.Context, tx *sql.Tx, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Backlinks returns the ids of the entries that link to id, so that links
// between cards work both ways.
func (r *Reference) Backlinks(ctx context.Context, id string) ([]string, error) {
	return inTxValue(ctx, r.db, func(tx *sql.Tx) ([]string, error) { return backlinks(ctx, tx, id) })
}

func backlinks(ctx context.Context, tx *sql.Tx, id string) ([]string, error) {
	var out []string
	err := eachRow(ctx, tx, `
		SELECT r.entry_id
		FROM entry_related r
		JOIN entries e ON e.id = r.entry_id
		WHERE r.related_id = ?
		ORDER BY e.kind, e.title`, func(rows *sql.Rows) error {
		var s string
		err := rows.Scan(&s)
		out = append(out, s)
		return err
	}, id)
	return out, err
}

// Gap returns the recorded gap of a région for a category, if any.
func gap(ctx context.Context, tx *sql.Tx, region, category string) (content.CoverageGap, bool, error) {
	g := content.CoverageGap{Region: region, Category: category}
	var fallback, sources string
	err := tx.QueryRowContext(ctx, `
		SELECT note,
		       fallback,
		       sources
		FROM gaps
		WHERE region = ? AND category = ?`, region, category).Scan(&g.Note, &fallback, &sources)
	if errors.Is(err, sql.ErrNoRows) {
		return g, false, nil
	}
	if err != nil {
		return g, false, err
	}
	if err := json.Unmarshal([]byte(fallback), &g.Fallback); err != nil {
		return g, false, err
	}
	return g, true, json.Unmarshal([]byte(sources), &g.Sources)
}
