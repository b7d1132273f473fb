package triage

import (
	"fmt"
	"regexp"

	"reperecyber/content"
)

// MaxOptions is the most answers a question may offer: the screen answers
// with the keys 1 to 9, and a longer list is too much to read under stress.
const MaxOptions = 9

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
)

// Validate checks the tree against itself and against the content it
// refers to (known: entry ids and their kinds, from Known), and returns
// every problem found, in a stable order. A tree with no problem can be
// walked from its start to an outcome whatever the answers.
func Validate(t *Tree, known map[string]content.Kind) []content.Problem {
	v := &validator{t: t, known: known}
	if !v.ids() {
		return v.problems // links are ambiguous when ids clash
	}
	for _, n := range t.Nodes {
		v.node(n)
	}
	for _, o := range t.Outcomes {
		v.outcome(o)
	}
	v.graph()
	return v.problems
}

type validator struct {
	t        *Tree
	known    map[string]content.Kind
	problems []content.Problem
}

func (v *validator) add(id, format string, args ...any) {
	v.problems = append(v.problems, content.Problem{File: FileName, Entry: id, Msg: fmt.Sprintf(format, args...)})
}

// ids checks that every node and outcome has a well-formed id used once,
// and reports whether links can be followed.
func (v *validator) ids() bool {
	seen := map[string]bool{}
	ok := true
	check := func(id string) {
		switch {
		case !idPattern.MatchString(id):
			v.add(id, "identifiant invalide (minuscules ascii, chiffres et tirets)")
			ok = false
		case seen[id]:
			v.add(id, "identifiant déjà utilisé par une autre question ou issue")
			ok = false
		}
		seen[id] = true
	}
	for _, n := range v.t.Nodes {
		check(n.ID)
	}
	for _, o := range v.t.Outcomes {
		check(o.ID)
	}
	return ok
}

func (v *validator) exists(id string) bool {
	_, isNode := v.t.Node(id)
	_, isOutcome := v.t.Outcome(id)
	return isNode || isOutcome
}

func (v *validator) node(n Node) {
	if n.Question == "" {
		v.add(n.ID, "question vide")
	}
	if len(n.Options) < 2 || len(n.Options) > MaxOptions {
		v.add(n.ID, "%d réponse(s) : il en faut de 2 à %d", len(n.Options), MaxOptions)
	}
	labels := map[string]bool{}
	for i, o := range n.Options {
		switch {
		case o.Label == "":
			v.add(n.ID, "réponse %d sans texte", i+1)
		case labels[o.Label]:
			v.add(n.ID, "réponse %q en double", o.Label)
		}
		labels[o.Label] = true
		if !v.exists(o.Next) {
			v.add(n.ID, "réponse %d : la suite %q n'existe pas", i+1, o.Next)
		}
	}
	v.exit(n)
}
