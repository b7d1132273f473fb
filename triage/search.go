package triage

import (
	"strings"

	"reperecyber/search"
)

// SearchDocs describes every outcome for the search index, so that typing
// a symptom (« fichiers chiffrés », « rançon ») finds what to do.
func SearchDocs(t *Tree) []search.Doc {
	docs := make([]search.Doc, 0, len(t.Outcomes))
	for i, o := range t.Outcomes {
		docs = append(docs, search.Doc{
			ID:       o.ID,
			Kind:     search.KindTriage,
			Title:    o.Title,
			Subtitle: o.Summary,
			Keywords: o.Keywords,
			Body:     o.Summary + "\n" + strings.Join(o.Steps, "\n"),
			Rank:     -i,
		})
	}
	return docs
}
