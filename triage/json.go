package triage

import "encoding/json"

// The JSON form of the tree is the one issue 5 specifies, for other tools:
// nodes and outcomes keyed by id, contacts as ids only. Route conditions,
// summaries, keywords and sources stay in the TOML and the Go types.
type jsonTree struct {
	Start    string                 `json:"start"`
	Nodes    map[string]jsonNode    `json:"nodes"`
	Outcomes map[string]jsonOutcome `json:"outcomes"`
}

type jsonNode struct {
	Question string       `json:"question"`
	Help     string       `json:"help"`
	Options  []jsonOption `json:"options"`
}

type jsonOption struct {
	Label string `json:"label"`
	Next  string `json:"next"`
}

type jsonOutcome struct {
	Title     string   `json:"title"`
	Diagnosis string   `json:"diagnosis"`
	Steps     []string `json:"steps"`
	Dont      []string `json:"dont"`
	Evidence  []string `json:"evidence"`
	Contacts  []string `json:"contacts"`
	Deadlines []string `json:"deadlines"`
}

// MarshalJSON writes the tree as {"start", "nodes": {ID: …}, "outcomes":
// {ID: …}}; lists are never null.
func (t *Tree) MarshalJSON() ([]byte, error) {
	out := jsonTree{Start: t.Start, Nodes: map[string]jsonNode{}, Outcomes: map[string]jsonOutcome{}}
	for _, n := range t.Nodes {
		jn := jsonNode{Question: n.Question, Help: n.Help, Options: []jsonOption{}}
		for _, o := range n.Options {
			jn.Options = append(jn.Options, jsonOption(o))
		}
		out.Nodes[n.ID] = jn
	}
	for _, o := range t.Outcomes {
		refs := make([]string, len(o.Contacts))
		for i, c := range o.Contacts {
			refs[i] = c.Ref
		}
		out.Outcomes[o.ID] = jsonOutcome{
			Title: o.Title, Diagnosis: o.Diagnosis, Contacts: refs,
			Steps: orEmpty(o.Steps), Dont: orEmpty(o.Dont), Evidence: orEmpty(o.Evidence), Deadlines: orEmpty(o.Deadlines),
		}
	}
	return json.Marshal(out)
}

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}
