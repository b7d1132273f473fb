package triage_test

import (
	"errors"
	"reflect"
	"testing"

	"reperecyber/triage"
)

// labels returns the labels of a walk's path.
func labels(w *triage.Walk) []string {
	var out []string
	for _, a := range w.Path() {
		out = append(out, a.Label)
	}
	return out
}

// at returns the id of where the walk stands.
func at(w *triage.Walk) string {
	n, o := w.At()
	if n != nil {
		return n.ID
	}
	return o.ID
}

func TestWalkMoves(t *testing.T) {
	tests := []struct {
		name      string
		moves     func(w *triage.Walk)
		at        string
		path      []string
		remaining int
	}{
		{"starts at the first question", func(w *triage.Walk) {}, "danger", nil, 2},
		{"answer moves on", func(w *triage.Walk) { w.Answer(1) }, "quoi", []string{"Non"}, 1},
		{"answers reach an outcome", func(w *triage.Walk) { w.Answer(1); w.Answer(0) }, "rancon", []string{"Non", "Rançon"}, 0},
		{"back from an outcome", func(w *triage.Walk) { w.Answer(1); w.Answer(0); w.Back() }, "quoi", []string{"Non"}, 1},
		{"back then another answer", func(w *triage.Walk) { w.Answer(1); w.Answer(0); w.Back(); w.Answer(1) }, "mail", []string{"Non", "Mail"}, 0},
		{"back at the start stays", func(w *triage.Walk) { w.Back(); w.Back() }, "danger", nil, 2},
		{"restart forgets everything", func(w *triage.Walk) { w.Answer(1); w.Answer(1); w.Restart() }, "danger", nil, 2},
		{"restart then answer", func(w *triage.Walk) { w.Answer(1); w.Restart(); w.Answer(0) }, "urgence", []string{"Oui"}, 0},
		{"bad answer changes nothing", func(w *triage.Walk) { w.Answer(1); w.Answer(7); w.Answer(-1) }, "quoi", []string{"Non"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := triage.NewWalk(smallTree())
			tt.moves(w)
			if got := at(w); got != tt.at {
				t.Errorf("at %q, want %q", got, tt.at)
			}
			if got := labels(w); !reflect.DeepEqual(got, tt.path) {
				t.Errorf("path %q, want %q", got, tt.path)
			}
			if got := w.Remaining(); got != tt.remaining {
				t.Errorf("remaining %d, want %d", got, tt.remaining)
			}
			if got, want := w.Done(), tt.remaining == 0; got != want {
				t.Errorf("done = %v, want %v", got, want)
			}
		})
	}
}

func TestWalkErrors(t *testing.T) {
	w := triage.NewWalk(smallTree())
	if err := w.Answer(2); !errors.Is(err, triage.ErrNoOption) {
		t.Errorf("Answer(2) on a two-option question: %v, want ErrNoOption", err)
	}
	w.Answer(0)
	if err := w.Answer(0); !errors.Is(err, triage.ErrFinished) {
		t.Errorf("Answer at an outcome: %v, want ErrFinished", err)
	}
	if !w.Back() || w.Back() {
		t.Error("Back: want true once, then false at the start")
	}
}

func TestPathNamesQuestions(t *testing.T) {
	w := triage.NewWalk(smallTree())
	w.Answer(1)
	w.Answer(1)
	want := []triage.Answer{
		{Node: "danger", Question: "Danger ?", Option: 1, Label: "Non"},
		{Node: "quoi", Question: "Quoi ?", Option: 1, Label: "Mail"},
	}
	if got := w.Path(); !reflect.DeepEqual(got, want) {
		t.Errorf("Path() = %+v, want %+v", got, want)
	}
}
