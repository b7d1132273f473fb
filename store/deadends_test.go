package store_test

import (
	"path/filepath"
	"testing"

	"reperecyber/store"
)

func TestDeadEnds(t *testing.T) {
	tests := []struct {
		name   string
		record []string
		want   []string
	}{
		{"none", nil, nil},
		{"kept in order, trimmed", []string{" mairie-quoi ", "qui", "mairie-quoi"}, []string{"mairie-quoi", "qui", "mairie-quoi"}},
		{"blank ids are not kept", []string{"", "   ", "elu-quoi"}, []string{"elu-quoi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := store.OpenUser(filepath.Join(t.TempDir(), "user.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer u.Close()
			for _, id := range tt.record {
				must(t, u.RecordDeadEnd(ctx, id))
			}
			got, err := u.DeadEnds(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %v", got, tt.want)
			}
			for i, d := range got {
				if d.NodeID != tt.want[i] || len(d.Day) != len("2006-01-02") {
					t.Errorf("dead end %d = %+v, want node %q and a day", i, d, tt.want[i])
				}
			}
		})
	}
}

func TestDeadEndsSurviveReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.db")
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, u.RecordDeadEnd(ctx, "qui"))
	must(t, u.Close())
	u, err = store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	got, err := u.DeadEnds(ctx)
	if err != nil || len(got) != 1 || got[0].NodeID != "qui" {
		t.Errorf("after reopening: %+v, %v", got, err)
	}
	if v, _ := u.SchemaVersion(); v < 4 {
		t.Errorf("schema version %d, want 4 or more (0004_dead_ends.sql)", v)
	}
}
