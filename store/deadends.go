package store

import (
	"context"
	"strings"
)

// DeadEnd is a walk of the triage tree that ended on « Autre chose / je
// ne sais pas »: the question where no answer fitted, and the day.
type DeadEnd struct {
	NodeID string
	Day    string // YYYY-MM-DD
}

// RecordDeadEnd remembers that no answer fitted at the question nodeID
// (triage.Walk.DeadEnd). Like RecordMissedQuery, it keeps the id and the
// day, nothing that could name a person.
func (u *User) RecordDeadEnd(ctx context.Context, nodeID string) error {
	nodeID = strings.TrimSpace(nodeID)
	if nodeID == "" {
		return nil
	}
	_, err := u.db.ExecContext(ctx, `
		INSERT INTO dead_ends (
			node_id,
			day
		) VALUES (?, ?)`, nodeID, u.now().UTC().Format("2006-01-02"))
	return err
}

// DeadEnds returns the recorded dead ends, oldest first.
func (u *User) DeadEnds(ctx context.Context) ([]DeadEnd, error) {
	rows, err := u.db.QueryContext(ctx, `
		SELECT
			node_id,
			day
		FROM dead_ends
		ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DeadEnd
	for rows.Next() {
		var d DeadEnd
		if err := rows.Scan(&d.NodeID, &d.Day); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
