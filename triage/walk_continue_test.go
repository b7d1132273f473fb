package triage_test

import (
	"errors"
	"testing"

	"reperecyber/triage"
)

func TestWalkContinue(t *testing.T) {
	tree := smallTree()
	tree.Outcomes[0].ContinueAt = "quoi"
	tests := []struct {
		name    string
		answers []int
		wantErr error
		wantAt  string // node or outcome id after Continue
	}{
		{"from the emergency to the next question", []int{0}, nil, "quoi"},
		{"a final outcome has no follow-up", []int{1, 0}, triage.ErrNoFollowUp, "rancon"},
		{"a question cannot continue", nil, triage.ErrNoFollowUp, "danger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := triage.NewWalk(tree)
			for _, i := range tt.answers {
				if err := w.Answer(i); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Continue(); !errors.Is(err, tt.wantErr) {
				t.Fatalf("Continue() = %v, want %v", err, tt.wantErr)
			}
			if got := at(w); got != tt.wantAt {
				t.Errorf("at %q, want %q", got, tt.wantAt)
			}
		})
	}
}

func TestWalkContinueThenBackAndOn(t *testing.T) {
	tree := smallTree()
	tree.Outcomes[0].ContinueAt = "quoi"
	w := triage.NewWalk(tree)
	must(t, w.Answer(0))
	must(t, w.Continue())
	must(t, w.Answer(1))
	if got := at(w); got != "mail" {
		t.Fatalf("at %q, want mail", got)
	}
	if path := w.Path(); len(path) != 2 || path[0].Node != "danger" || path[1].Node != "quoi" {
		t.Errorf("path %+v, want danger then quoi", path)
	}
	w.Back()
	w.Back()
	if got := at(w); got != "urgence" {
		t.Errorf("two steps back: at %q, want the outcome urgence", got)
	}
}

func TestWalkDeadEnd(t *testing.T) {
	tree := withExit(smallTree())
	tests := []struct {
		name     string
		answers  []int
		wantNode string
		wantOK   bool
	}{
		{"no answer fitted at quoi", []int{1, 2}, "quoi", true},
		{"an ordinary outcome", []int{1, 0}, "", false},
		{"still asking", []int{1}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := triage.NewWalk(tree)
			for _, i := range tt.answers {
				must(t, w.Answer(i))
			}
			node, ok := w.DeadEnd()
			if node != tt.wantNode || ok != tt.wantOK {
				t.Errorf("DeadEnd() = %q, %v; want %q, %v", node, ok, tt.wantNode, tt.wantOK)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
