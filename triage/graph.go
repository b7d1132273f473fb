package triage

import "strings"

// graph checks the shape of the tree: a start question, no cycle (a walk
// always ends), and nothing that no walk can reach.
func (v *validator) graph() {
	if _, ok := v.t.Node(v.t.Start); !ok {
		v.add("", "start %q : aucune question ne porte cet identifiant", v.t.Start)
		return
	}
	state := map[string]visit{}
	v.visit(v.t.Start, state, nil)
	for _, n := range v.t.Nodes {
		if state[n.ID] == unvisited {
			v.add(n.ID, "question inaccessible depuis le début")
		}
	}
	for _, o := range v.t.Outcomes {
		if state[o.ID] == unvisited {
			v.add(o.ID, "issue inaccessible depuis le début")
		}
	}
}

type visit uint8

const (
	unvisited visit = iota
	open            // on the current path: meeting it again is a cycle
	done
)

// visit walks depth first from id; path is the questions leading to it,
// to name the cycle in the message.
func (v *validator) visit(id string, state map[string]visit, path []string) {
	switch state[id] {
	case open:
		v.add(id, "boucle : %s", strings.Join(append(path, id), " → "))
		return
	case done:
		return
	}
	state[id] = open
	if n, ok := v.t.Node(id); ok {
		for _, o := range n.Options {
			if v.exists(o.Next) {
				v.visit(o.Next, state, append(path, id))
			}
		}
	}
	if o, ok := v.t.Outcome(id); ok && o.ContinueAt != "" {
		if _, isNode := v.t.Node(o.ContinueAt); isNode {
			v.visit(o.ContinueAt, state, append(path, id))
		}
	}
	state[id] = done
}
