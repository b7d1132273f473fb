package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"reperecyber/content"
)

// EditableContact is a local contact with the version it was read at, so
// that a form saving it later can tell whether it changed meanwhile (an
// import from the command line, another window).
type EditableContact struct {
	Contact content.LocalContact
	Version string
}

// LocalContactsForEdit returns the commune's local contacts by role, with
// their versions. A role with no contact is absent: its version is "".
func (u *User) LocalContactsForEdit(ctx context.Context, insee string) (map[content.Role]EditableContact, error) {
	rows, err := u.db.QueryContext(ctx, `
		SELECT insee,
		       role,
		       name,
		       phone,
		       email,
		       note,
		       updated_at
		FROM local_contacts
		WHERE insee = ?`, insee)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[content.Role]EditableContact{}
	for rows.Next() {
		var e EditableContact
		c := &e.Contact
		if err := rows.Scan(&c.INSEE, &c.Role, &c.Name, &c.Phone, &c.Email, &c.Note, &e.Version); err != nil {
			return nil, err
		}
		out[c.Role] = e
	}
	return out, rows.Err()
}

// LocalEdit is one row of the local-contacts form that the person changed:
// the contact to store, or Delete; Loaded is the version the form showed
// ("" when the role had no contact).
type LocalEdit struct {
	Role    content.Role
	Contact content.LocalContact
	Delete  bool
	Loaded  string
}

// SaveLocalEdits writes, in one transaction, only the rows the person
// changed. A row changed elsewhere since the form loaded it (its version
// differs from Loaded) is not overwritten: its role is returned in
// conflicts, and the other edits are written.
func (u *User) SaveLocalEdits(ctx context.Context, insee string, edits []LocalEdit) (conflicts []content.Role, err error) {
	for i, e := range edits {
		if e.Delete {
			continue
		}
		if p := e.Contact.Problems(); len(p) > 0 || e.Contact.INSEE != insee || e.Contact.Role != e.Role {
			return nil, fmt.Errorf("contact %d (%s, %s): %s: %w", i+1, e.Contact.INSEE, e.Role, strings.Join(p, " ; "), ErrInvalid)
		}
	}
	err = u.inTx(ctx, func(tx *sql.Tx) error {
		conflicts = nil
		for _, e := range edits {
			ok, err := u.applyEdit(ctx, tx, insee, e)
			if err != nil {
				return err
			}
			if !ok {
				conflicts = append(conflicts, e.Role)
			}
		}
		return nil
	})
	return conflicts, err
}

// applyEdit writes one edit if the row is still at the version loaded.
func (u *User) applyEdit(ctx context.Context, tx *sql.Tx, insee string, e LocalEdit) (bool, error) {
	var current string
	err := tx.QueryRowContext(ctx, `SELECT updated_at FROM local_contacts WHERE insee = ? AND role = ?`, insee, e.Role).Scan(&current)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if current != e.Loaded {
		return false, nil
	}
	if e.Delete {
		_, err := tx.ExecContext(ctx, `DELETE FROM local_contacts WHERE insee = ? AND role = ?`, insee, e.Role)
		return err == nil, err
	}
	c := e.Contact
	_, err = tx.ExecContext(ctx, `
		INSERT INTO local_contacts (insee, role, name, phone, email, note, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (insee, role) DO UPDATE SET
			name = excluded.name,
			phone = excluded.phone,
			email = excluded.email,
			note = excluded.note,
			updated_at = excluded.updated_at`,
		c.INSEE, c.Role, c.Name, c.Phone, c.Email, c.Note, u.versionStamp(current))
	return err == nil, err
}

// versionStamp is the new version of a row: the time to the nanosecond,
// and never equal to the version it replaces, even within one tick.
func (u *User) versionStamp(previous string) string {
	s := u.now().UTC().Format(time.RFC3339Nano)
	if s == previous {
		s += "+"
	}
	return s
}
