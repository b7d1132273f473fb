package search

import (
	"strings"

	"reperecyber/content"
)

// Kind is what a result is.
type Kind string

// The kinds of searchable documents. The first three are content.Kind
// values.
const (
	KindService    Kind = "service"
	KindDefinition Kind = "definition"
	KindElus       Kind = "elus"
	KindCommune    Kind = "commune"
	KindTriage     Kind = "triage"
)

// Kinds lists every kind, in the order the command line documents them.
var Kinds = []Kind{KindService, KindDefinition, KindElus, KindCommune, KindTriage}

// Label is the French name of a kind.
func (k Kind) Label() string {
	switch k {
	case KindCommune:
		return "Commune"
	case KindTriage:
		return "Que faire"
	}
	return content.Kind(k).Label()
}

// IsContent reports whether the kind is reference content (not a place).
func (k Kind) IsContent() bool { return k != KindCommune }

// Doc is one searchable document, described by its fields in decreasing
// order of weight.
type Doc struct {
	ID       string
	Kind     Kind
	Title    string
	Subtitle string
	// Names are other names: synonyms, English terms, acronyms.
	Names []string
	// Codes match only whole: postcodes, INSEE codes.
	Codes []string
	// Keywords are words people type when looking for this document.
	Keywords []string
	// Context places the document: département, intercommunality.
	Context []string
	// Body is the running text: summary and body of a card.
	Body string
	// Rank breaks ties, higher first: population for communes, the
	// reverse of content order for entries.
	Rank int
}

// field identifies where in a document a word was found; lower is
// stronger.
type field uint8

const (
	fieldTitle field = iota
	fieldName
	fieldCode
	fieldKeyword
	fieldContext
	fieldBody
)

var fieldWeight = [...]int{fieldTitle: 10, fieldName: 9, fieldCode: 10, fieldKeyword: 6, fieldContext: 2, fieldBody: 1}

// EntryDoc describes a reference entry for the index.
func EntryDoc(e content.Entry, position int) Doc {
	return Doc{
		ID:       e.ID,
		Kind:     Kind(e.Kind),
		Title:    e.Title,
		Subtitle: e.Summary,
		Names:    e.Synonyms,
		Keywords: e.Keywords,
		Body:     e.Summary + "\n" + e.Body,
		Rank:     -position,
	}
}

// PlaceDoc describes a commune for the index, with the names of its
// département and intercommunality as context.
func PlaceDoc(p content.Place) Doc {
	codes := append([]string{p.INSEE}, p.Postcodes...)
	sub := strings.Join(p.Postcodes, ", ")
	if sub != "" {
		sub += " · "
	}
	sub += p.DepartementName + " (" + p.Departement + ")"
	ctx := []string{p.DepartementName, p.Departement}
	if p.EPCIName != "" {
		ctx = append(ctx, p.EPCIName)
	}
	return Doc{ID: p.INSEE, Kind: KindCommune, Title: p.Name, Subtitle: sub, Codes: codes, Context: ctx, Rank: p.Population}
}

// Build indexes the reference entries, the communes, and any other
// documents (the outcomes of the triage).
func Build(entries []content.Entry, places []content.Place, rules content.SearchRules, extra ...Doc) *Index {
	docs := make([]Doc, 0, len(entries)+len(places)+len(extra))
	for i, e := range entries {
		docs = append(docs, EntryDoc(e, i))
	}
	docs = append(docs, extra...)
	for _, p := range places {
		docs = append(docs, PlaceDoc(p))
	}
	return NewIndex(docs, Rules{Stopwords: rules.Stopwords, Abbreviations: rules.Abbreviations})
}
