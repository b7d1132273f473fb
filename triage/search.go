package triage

import (
	"strings"

	"reperecyber/search"
)

// SearchDocs describes every outcome for the search index, so that typing
// a symptom (« fichiers chiffrés », « rançon ») finds what to do. Besides
// its own words, an outcome is found by the wizard's wording that leads
// to it: the answers chosen just before it as keywords (« les fichiers ne
// s'ouvrent plus »), and the earlier answers and questions of the way
// there as context.
func SearchDocs(t *Tree) []search.Doc {
	direct, earlier := t.wording()
	docs := make([]search.Doc, 0, len(t.Outcomes))
	for i, o := range t.Outcomes {
		docs = append(docs, search.Doc{
			ID:       o.ID,
			Kind:     search.KindTriage,
			Title:    o.Title,
			Subtitle: o.Summary,
			Keywords: append(append([]string(nil), o.Keywords...), direct[o.ID]...),
			Context:  earlier[o.ID],
			Body:     o.Summary + "\n" + strings.Join(o.Steps, "\n"),
			Rank:     -i,
		})
	}
	return docs
}

// wording gathers, for each outcome, the labels of the answers that lead
// straight to it, and the labels and questions on the way to those.
func (t *Tree) wording() (direct, earlier map[string][]string) {
	direct, earlier = map[string][]string{}, map[string][]string{}
	nodes := make(map[string]*Node, len(t.Nodes))
	for i := range t.Nodes {
		nodes[t.Nodes[i].ID] = &t.Nodes[i]
	}
	// way holds the wording on the way to n. The tree is acyclic, as
	// Validate checks; the seen set guards a tree not yet validated.
	var walk func(n *Node, way []string, seen map[string]bool)
	walk = func(n *Node, way []string, seen map[string]bool) {
		if seen[n.ID] {
			return
		}
		seen[n.ID] = true
		defer delete(seen, n.ID)
		for _, o := range n.Options {
			if next, ok := nodes[o.Next]; ok {
				walk(next, append(way[:len(way):len(way)], o.Label, next.Question), seen)
				continue
			}
			direct[o.Next] = appendNew(direct[o.Next], o.Label)
			for _, w := range way {
				earlier[o.Next] = appendNew(earlier[o.Next], w)
			}
		}
	}
	if start, ok := nodes[t.Start]; ok {
		walk(start, nil, map[string]bool{})
	}
	return direct, earlier
}

func appendNew(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}
