package triage

import "errors"

// Errors returned by Walk.Answer.
var (
	ErrNoOption   = errors.New("triage: no such option")
	ErrFinished   = errors.New("triage: the walk is at an outcome")
	ErrNoFollowUp = errors.New("triage: the outcome has no follow-up question")
)

// continued marks, in a trail, the move from an outcome to its ContinueAt
// question: Back then returns to the outcome.
const continued = -1

// Walk is one person's way through a valid tree: where they are and the
// answers that led there. The zero value is not usable; use NewWalk.
type Walk struct {
	tree  *Tree
	trail []int // the option chosen at each question so far, or continued
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
		id = w.tree.follow(id, i)
	}
	if n, ok := w.tree.Node(id); ok {
		return n, nil
	}
	o, _ := w.tree.Outcome(id)
	return nil, o
}

// follow is where answer i (or continued) leads from id.
func (t *Tree) follow(id string, i int) string {
	if i == continued {
		o, _ := t.Outcome(id)
		return o.ContinueAt
	}
	n, _ := t.Node(id)
	return n.Options[i].Next
}

// Continue goes on from an outcome to its follow-up question (ContinueAt):
// after the emergency call, the rest of the walk. Back returns to the
// outcome.
func (w *Walk) Continue() error {
	_, o := w.At()
	if o == nil || o.ContinueAt == "" {
		return ErrNoFollowUp
	}
	w.trail = append(w.trail, continued)
	return nil
}

// DeadEnd reports the question where no answer fitted, when the walk is
// at a dead-end outcome (« Autre chose / je ne sais pas »): what the
// mairie records to improve the tree.
func (w *Walk) DeadEnd() (nodeID string, ok bool) {
	_, o := w.At()
	path := w.Path()
	if o == nil || !o.DeadEnd || len(path) == 0 {
		return "", false
	}
	return path[len(path)-1].Node, true
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
		if n, ok := w.tree.Node(id); ok {
			out = append(out, Answer{Node: n.ID, Question: n.Question, Option: i, Label: n.Options[i].Label})
		}
		id = w.tree.follow(id, i)
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
