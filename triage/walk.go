package triage

import "errors"

// Errors returned by Walk.Answer.
var (
	ErrNoOption = errors.New("triage: no such option")
	ErrFinished = errors.New("triage: the walk is at an outcome")
)

// Walk is one person's way through a valid tree: where they are and the
// answers that led there. The zero value is not usable; use NewWalk.
type Walk struct {
	tree  *Tree
	trail []int // the option chosen at each question so far
}

// Answer is one question answered on the way, for « vos réponses ».
type Answer struct {
	Node     string
	Question string
	// Option is the index of the chosen option, from 0.
	Option int
	Label  string
}

// NewWalk starts a walk at the tree's first question. The tree must have
// passed Validate.
func NewWalk(t *Tree) *Walk { return &Walk{tree: t} }

// At returns where the walk is: a question, or (once answered far enough)
// an outcome; exactly one is non-nil. Both point into the tree: read only.
func (w *Walk) At() (*Node, *Outcome) {
	id := w.tree.Start
	for _, i := range w.trail {
		n, _ := w.tree.Node(id)
		id = n.Options[i].Next
	}
	if n, ok := w.tree.Node(id); ok {
		return n, nil
	}
	o, _ := w.tree.Outcome(id)
	return nil, o
}

// Answer chooses option i (from 0) of the current question.
func (w *Walk) Answer(i int) error {
	n, _ := w.At()
	if n == nil {
		return ErrFinished
	}
	if i < 0 || i >= len(n.Options) {
		return ErrNoOption
	}
	w.trail = append(w.trail, i)
	return nil
}

// Back returns to the previous question and reports whether there was one.
func (w *Walk) Back() bool {
	if len(w.trail) == 0 {
		return false
	}
	w.trail = w.trail[:len(w.trail)-1]
	return true
}

// Restart goes back to the first question and forgets every answer.
func (w *Walk) Restart() { w.trail = w.trail[:0] }

// Path returns the answers given so far, first to last.
func (w *Walk) Path() []Answer {
	out := make([]Answer, 0, len(w.trail))
	id := w.tree.Start
	for _, i := range w.trail {
		n, _ := w.tree.Node(id)
		out = append(out, Answer{Node: n.ID, Question: n.Question, Option: i, Label: n.Options[i].Label})
		id = n.Options[i].Next
	}
	return out
}

// Done reports whether the walk has reached an outcome.
func (w *Walk) Done() bool {
	_, o := w.At()
	return o != nil
}

// Remaining is the most questions left before an outcome, counting the
// current one: with len(Path()) it gives a progress hint (« question 2,
// au plus 3 autres »). It is 0 at an outcome.
func (w *Walk) Remaining() int {
	n, _ := w.At()
	if n == nil {
		return 0
	}
	return w.tree.depth(n.ID)
}

// depth is the longest number of questions from id to an outcome; the
// tree being valid, it has no cycle and the recursion ends.
func (t *Tree) depth(id string) int {
	n, ok := t.Node(id)
	if !ok {
		return 0
	}
	most := 0
	for _, o := range n.Options {
		most = max(most, t.depth(o.Next))
	}
	return 1 + most
}
