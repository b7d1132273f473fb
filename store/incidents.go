package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"reperecyber/journal"
)

// ErrClosed is returned when adding to an incident that was closed.
var ErrClosed = errors.New("incident is closed")

// IncidentDir names the folder, next to the user database, that holds
// the copies of the evidence, one sub-folder per incident.
const IncidentDir = "incidents"

// EvidenceDir is the incident store's folder for one incident.
func (u *User) EvidenceDir(id int64) string {
	return filepath.Join(filepath.Dir(u.path), IncidentDir, fmt.Sprint(id))
}

const timeLayout = time.RFC3339Nano

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(timeLayout, s)
}

// OpenIncident records a new incident and returns it with its id and
// opening time.
func (u *User) OpenIncident(ctx context.Context, inc journal.Incident) (journal.Incident, error) {
	steps, _ := json.Marshal(nonNil(inc.Steps))
	deadlines, _ := json.Marshal(nonNil(inc.Deadlines))
	inc.Opened, inc.Closed = u.now(), time.Time{}
	tx, err := u.db.BeginTx(ctx, nil)
	if err != nil {
		return inc, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `
		INSERT INTO incidents (
			insee,
			commune,
			outcome_id,
			title,
			summary,
			opened_by,
			personal_data,
			discovered_at,
			opened_at,
			steps,
			deadlines
		) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		inc.INSEE, inc.Commune, inc.OutcomeID, inc.Title, inc.Summary, inc.OpenedBy,
		inc.PersonalData, fmtTime(inc.Discovered), fmtTime(inc.Opened), string(steps), string(deadlines))
	if err != nil {
		return inc, fmt.Errorf("open incident: %w", err)
	}
	if inc.ID, err = res.LastInsertId(); err != nil {
		return inc, err
	}
	return inc, tx.Commit()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Incidents lists every incident, the most recent first.
func (u *User) Incidents(ctx context.Context) ([]journal.Incident, error) {
	tx, err := u.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return incidents(ctx, tx, `ORDER BY id DESC`)
}

// Incident returns one incident, or ErrNotFound.
func (u *User) Incident(ctx context.Context, id int64) (journal.Incident, error) {
	tx, err := u.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return journal.Incident{}, err
	}
	defer tx.Rollback()
	return incident(ctx, tx, id)
}

// CurrentIncident returns the incident « en cours »: the most recently
// opened one not closed. ok is false when there is none.
func (u *User) CurrentIncident(ctx context.Context) (inc journal.Incident, ok bool, err error) {
	tx, err := u.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return inc, false, err
	}
	defer tx.Rollback()
	list, err := incidents(ctx, tx, `WHERE closed_at = '' ORDER BY id DESC LIMIT 1`)
	if err != nil || len(list) == 0 {
		return inc, false, err
	}
	return list[0], true, nil
}

// Dossier returns an incident with all its entries and evidence, read in
// one transaction so they agree with each other.
func (u *User) Dossier(ctx context.Context, id int64) (journal.Dossier, error) {
	var d journal.Dossier
	tx, err := u.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return d, err
	}
	defer tx.Rollback()
	if d.Incident, err = incident(ctx, tx, id); err != nil {
		return d, err
	}
	if d.Entries, err = incidentEntries(ctx, tx, id); err != nil {
		return d, err
	}
	d.Evidence, err = evidence(ctx, tx, id)
	return d, err
}

// AddEntry appends an entry to an incident's log, in its own transaction,
// committed (synchronous=FULL) before it returns: once AddEntry returns
// nil, the entry survives a crash or a power cut. The time is now.
func (u *User) AddEntry(ctx context.Context, e journal.Entry) (journal.Entry, error) {
	if p := journal.CheckEntry(e.Text); p != "" {
		return e, fmt.Errorf("%s: %w", p, ErrInvalid)
	}
	e.Text, e.At = strings.TrimSpace(e.Text), u.now()
	tx, err := u.db.BeginTx(ctx, nil)
	if err != nil {
		return e, err
	}
	defer tx.Rollback()
	if err := checkOpen(ctx, tx, e.IncidentID); err != nil {
		return e, err
	}
	if e.Corrects != 0 {
		if err := checkEntryOf(ctx, tx, e.IncidentID, e.Corrects); err != nil {
			return e, err
		}
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO incident_entries (
			incident_id,
			at,
			kind,
			text,
			step,
			corrects
		) VALUES (?, ?, ?, ?, ?, ?)`,
		e.IncidentID, fmtTime(e.At), string(e.Kind), e.Text, e.Step, nullID(e.Corrects))
	if err != nil {
		return e, fmt.Errorf("add entry: %w", err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return e, err
	}
	return e, tx.Commit()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CloseIncident marks an incident as closed; closing it again is a no-op.
func (u *User) CloseIncident(ctx context.Context, id int64) error {
	tx, err := u.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := incident(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE incidents SET closed_at = ? WHERE id = ? AND closed_at = ''`, u.stampNano(), id); err != nil {
		return err
	}
	return tx.Commit()
}

// SetPersonalData records whether personal data is involved, which
// starts or stops the CNIL countdown.
func (u *User) SetPersonalData(ctx context.Context, id int64, on bool) error {
	tx, err := u.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := checkOpen(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE incidents SET personal_data = ? WHERE id = ?`, on, id); err != nil {
		return err
	}
	return tx.Commit()
}

func (u *User) stampNano() string { return fmtTime(u.now()) }

// AddEvidence copies the file at src into the incident store (the
// original is only read), hashing it while copying, and records it. The
// copy is flushed to disk before the record is committed; if recording
// fails, the copy is removed.
func (u *User) AddEvidence(ctx context.Context, id int64, src string) (journal.Evidence, error) {
	ev := journal.Evidence{IncidentID: id, Name: filepath.Base(src), Added: u.now()}
	if abs, err := filepath.Abs(src); err == nil {
		ev.Source = abs
	}
	tx, err := u.db.BeginTx(ctx, nil)
	if err != nil {
		return ev, err
	}
	defer tx.Rollback()
	if err := checkOpen(ctx, tx, id); err != nil {
		return ev, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM incident_evidence WHERE incident_id = ?`, id).Scan(&n); err != nil {
		return ev, err
	}
	dir := u.EvidenceDir(id)
	ev.Stored = fmt.Sprintf("%s/%03d-%s", fmt.Sprint(id), n+1, safeName(ev.Name))
	dst := filepath.Join(filepath.Dir(dir), filepath.FromSlash(ev.Stored))
	if ev.Size, ev.SHA256, err = copyHashed(src, dst); err != nil {
		return ev, err
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO incident_evidence (
			incident_id,
			name,
			source,
			size,
			added_at,
			sha256,
			stored
		) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, ev.Name, ev.Source, ev.Size, fmtTime(ev.Added), ev.SHA256, ev.Stored)
	if err == nil {
		ev.ID, err = res.LastInsertId()
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		os.Remove(dst)
		return ev, fmt.Errorf("record evidence: %w", err)
	}
	return ev, nil
}

// safeName keeps a file name usable on every system.
func safeName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 32 {
			return '_'
		}
		return r
	}, name)
}

// copyHashed copies src to dst (which must not exist) through a temporary
// file, returning the size and SHA-256 of the bytes copied. The copy is
// made read-only: it is evidence.
func copyHashed(src, dst string) (size int64, sum string, err error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, "", fmt.Errorf("read evidence: %w", err)
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return 0, "", fmt.Errorf("evidence %s: not a regular file: %w", src, ErrInvalid)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return 0, "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".evidence-*.tmp")
	if err != nil {
		return 0, "", err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	h := sha256.New()
	size, err = io.Copy(io.MultiWriter(tmp, h), in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o400)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		return 0, "", fmt.Errorf("copy evidence: %w", err)
	}
	return size, hex.EncodeToString(h.Sum(nil)), nil
}

func checkOpen(ctx context.Context, tx *sql.Tx, id int64) error {
	inc, err := incident(ctx, tx, id)
	if err != nil {
		return err
	}
	if !inc.Open() {
		return ErrClosed
	}
	return nil
}

func checkEntryOf(ctx context.Context, tx *sql.Tx, incidentID, entryID int64) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM incident_entries WHERE id = ? AND incident_id = ?`, entryID, incidentID).Scan(&n)
	if err == nil && n == 0 {
		return fmt.Errorf("entry %d of incident %d: %w", entryID, incidentID, ErrNotFound)
	}
	return err
}

func incident(ctx context.Context, tx *sql.Tx, id int64) (journal.Incident, error) {
	list, err := incidents(ctx, tx, `WHERE id = ?`, id)
	if err != nil {
		return journal.Incident{}, err
	}
	if len(list) == 0 {
		return journal.Incident{}, fmt.Errorf("incident %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

func incidents(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]journal.Incident, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id,
		       insee,
		       commune,
		       outcome_id,
		       title,
		       summary,
		       opened_by,
		       personal_data,
		       discovered_at,
		       opened_at,
		       closed_at,
		       steps,
		       deadlines
		FROM incidents `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []journal.Incident
	for rows.Next() {
		inc, err := scanIncident(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}

func scanIncident(rows *sql.Rows) (journal.Incident, error) {
	var inc journal.Incident
	var disc, opened, closed, steps, deadlines string
	err := rows.Scan(&inc.ID, &inc.INSEE, &inc.Commune, &inc.OutcomeID, &inc.Title, &inc.Summary, &inc.OpenedBy,
		&inc.PersonalData, &disc, &opened, &closed, &steps, &deadlines)
	if err != nil {
		return inc, err
	}
	for _, f := range []struct {
		s string
		t *time.Time
	}{{disc, &inc.Discovered}, {opened, &inc.Opened}, {closed, &inc.Closed}} {
		if *f.t, err = parseTime(f.s); err != nil {
			return inc, fmt.Errorf("incident %d: %w", inc.ID, err)
		}
	}
	if err := json.Unmarshal([]byte(steps), &inc.Steps); err != nil {
		return inc, fmt.Errorf("incident %d steps: %w", inc.ID, err)
	}
	if err := json.Unmarshal([]byte(deadlines), &inc.Deadlines); err != nil {
		return inc, fmt.Errorf("incident %d deadlines: %w", inc.ID, err)
	}
	return inc, nil
}

func incidentEntries(ctx context.Context, tx *sql.Tx, id int64) ([]journal.Entry, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id,
		       at,
		       kind,
		       text,
		       step,
		       coalesce(corrects, 0)
		FROM incident_entries
		WHERE incident_id = ?
		ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []journal.Entry
	for rows.Next() {
		e := journal.Entry{IncidentID: id}
		var at, kind string
		if err := rows.Scan(&e.ID, &at, &kind, &e.Text, &e.Step, &e.Corrects); err != nil {
			return nil, err
		}
		if e.At, err = parseTime(at); err != nil {
			return nil, err
		}
		e.Kind = journal.Kind(kind)
		out = append(out, e)
	}
	return out, rows.Err()
}

func evidence(ctx context.Context, tx *sql.Tx, id int64) ([]journal.Evidence, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id,
		       name,
		       source,
		       size,
		       added_at,
		       sha256,
		       stored
		FROM incident_evidence
		WHERE incident_id = ?
		ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []journal.Evidence
	for rows.Next() {
		ev := journal.Evidence{IncidentID: id}
		var added string
		if err := rows.Scan(&ev.ID, &ev.Name, &ev.Source, &ev.Size, &added, &ev.SHA256, &ev.Stored); err != nil {
			return nil, err
		}
		if ev.Added, err = parseTime(added); err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

// IntegrityCheck runs SQLite's integrity check on the user database and
// returns its report, "ok" when the file is sound.
func (u *User) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	err := u.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&s)
	return s, err
}
