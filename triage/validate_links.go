package triage

import "slices"

// MinOptionsForExit is the number of answers from which a question must
// offer an « Autre chose / je ne sais pas » exit to a dead-end outcome:
// with three choices or more, someone may find none that fits.
const MinOptionsForExit = 3

// seeAlso checks that « voir aussi » names other outcomes, each once.
func (v *validator) seeAlso(o Outcome) {
	for i, id := range o.SeeAlso {
		_, ok := v.t.Outcome(id)
		switch {
		case id == o.ID:
			v.add(o.ID, "voir aussi %q : une issue ne renvoie pas à elle-même", id)
		case !ok:
			v.add(o.ID, "voir aussi %q : aucune issue ne porte cet identifiant", id)
		case slices.Contains(o.SeeAlso[:i], id):
			v.add(o.ID, "voir aussi %q en double", id)
		}
	}
}

// continueAt checks that a continuation names a question.
func (v *validator) continueAt(o Outcome) {
	if o.ContinueAt == "" {
		return
	}
	if _, ok := v.t.Node(o.ContinueAt); !ok {
		v.add(o.ID, "suite du parcours %q : aucune question ne porte cet identifiant", o.ContinueAt)
	}
}

// exit checks that a question with many answers lets people out when
// none fits.
func (v *validator) exit(n Node) {
	if len(n.Options) < MinOptionsForExit {
		return
	}
	for _, opt := range n.Options {
		if o, ok := v.t.Outcome(opt.Next); ok && o.DeadEnd {
			return
		}
	}
	v.add(n.ID, "%d réponses sans sortie « Autre chose / je ne sais pas » vers une issue générale (dead_end = true)", len(n.Options))
}
