package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"reperecyber/content"
)

// ErrInvalid is returned when data to store fails its checks; the error
// text lists the problems in French.
var ErrInvalid = errors.New("invalid data")

// LocalContacts returns the contacts the mairie entered for a commune, in
// the order of content.Roles. Roles with no contact are absent.
func (u *User) LocalContacts(ctx context.Context, insee string) ([]content.LocalContact, error) {
	rows, err := u.db.QueryContext(ctx, `
		SELECT insee,
		       role,
		       name,
		       phone,
		       email,
		       note
		FROM local_contacts
		WHERE insee = ?`, insee)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byRole := map[content.Role]content.LocalContact{}
	for rows.Next() {
		var c content.LocalContact
		if err := rows.Scan(&c.INSEE, &c.Role, &c.Name, &c.Phone, &c.Email, &c.Note); err != nil {
			return nil, err
		}
		byRole[c.Role] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []content.LocalContact
	for _, r := range content.Roles {
		if c, ok := byRole[r]; ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// SetLocalContact adds or replaces the contact of one role for a commune.
func (u *User) SetLocalContact(ctx context.Context, c content.LocalContact) error {
	return u.ImportLocalContacts(ctx, []content.LocalContact{c})
}

// DeleteLocalContact forgets the contact of one role for a commune.
func (u *User) DeleteLocalContact(ctx context.Context, insee string, role content.Role) error {
	return u.exec(ctx, `DELETE FROM local_contacts WHERE insee = ? AND role = ?`, insee, role)
}

// DeleteLocalContacts forgets every local contact of a commune.
func (u *User) DeleteLocalContacts(ctx context.Context, insee string) error {
	return u.exec(ctx, `DELETE FROM local_contacts WHERE insee = ?`, insee)
}

// ImportLocalContacts adds or replaces many contacts in one transaction:
// either all are stored or, if one is invalid, none is. Roles not listed
// for a commune are kept.
func (u *User) ImportLocalContacts(ctx context.Context, list []content.LocalContact) error {
	for i, c := range list {
		if p := c.Problems(); len(p) > 0 {
			return fmt.Errorf("contact %d (%s, %s): %s: %w", i+1, c.INSEE, c.Role, strings.Join(p, " ; "), ErrInvalid)
		}
	}
	return u.inTx(ctx, func(tx *sql.Tx) error { return u.upsertLocal(ctx, tx, list) })
}

// ReplaceLocalContacts saves the form of one commune in one transaction:
// the contacts given are stored and the roles in clear are forgotten.
func (u *User) ReplaceLocalContacts(ctx context.Context, insee string, set []content.LocalContact, clear []content.Role) error {
	for i, c := range set {
		if p := c.Problems(); len(p) > 0 || c.INSEE != insee {
			return fmt.Errorf("contact %d (%s, %s): %s: %w", i+1, c.INSEE, c.Role, strings.Join(p, " ; "), ErrInvalid)
		}
	}
	return u.inTx(ctx, func(tx *sql.Tx) error {
		for _, role := range clear {
			if _, err := tx.ExecContext(ctx, `DELETE FROM local_contacts WHERE insee = ? AND role = ?`, insee, role); err != nil {
				return err
			}
		}
		return u.upsertLocal(ctx, tx, set)
	})
}

func (u *User) upsertLocal(ctx context.Context, tx *sql.Tx, list []content.LocalContact) error {
	// To the nanosecond: the version a form compares before saving.
	stamp := u.versionStamp("")
	st, err := tx.PrepareContext(ctx, `
		INSERT INTO local_contacts (insee, role, name, phone, email, note, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (insee, role) DO UPDATE SET
			name = excluded.name,
			phone = excluded.phone,
			email = excluded.email,
			note = excluded.note,
			updated_at = excluded.updated_at`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, c := range list {
		if _, err := st.ExecContext(ctx, c.INSEE, c.Role, c.Name, c.Phone, c.Email, c.Note, stamp); err != nil {
			return fmt.Errorf("store contact %s %s: %w", c.INSEE, c.Role, err)
		}
	}
	return nil
}
