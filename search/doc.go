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
	// Regions and Departements restrict a service to territories (INSEE
	// codes), as content.Entry does; for a commune, its own région and
	// département. Both empty means national.
	Regions      []string
	Departements []string
	// Alias is, for a former commune or an arrondissement, its own INSEE
	// code; ID is then the current commune's.
	Alias string
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
		ID:           e.ID,
		Kind:         Kind(e.Kind),
		Title:        e.Title,
		Subtitle:     e.Summary,
		Names:        e.Synonyms,
		Keywords:     e.Keywords,
		Codes:        phoneCodes(e.Contacts),
		Body:         e.Summary + "\n" + e.Body,
		Rank:         -position,
		Regions:      e.Regions,
		Departements: e.Departements,
	}
}

// phoneCodes returns the digits of the entry's phone and SMS numbers, so
// that a number typed with spaces, dots or none finds its service.
func phoneCodes(cs []content.Contact) []string {
	var out []string
	for _, c := range cs {
		if c.Type == content.ContactPhone || c.Type == content.ContactSMS {
			if d := phoneDigits(c.Value); len(d) >= 3 {
				out = append(out, d)
			}
		}
	}
	return out
}

// phoneDigits keeps the digits of a phone number, written in its national
// form (« +33 1 23 » and « 0033 1 23 » → « 0123 »).
func phoneDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	d := string(b)
	if rest, ok := strings.CutPrefix(d, "0033"); ok && len(rest) == 9 {
		return "0" + rest
	}
	if rest, ok := strings.CutPrefix(d, "33"); ok && len(rest) == 9 && strings.HasPrefix(s, "+") {
		return "0" + rest
	}
	return d
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
	// The département's code is not context: a number typed alone
	// (« 29 ») is not a request for every commune of the Finistère.
	ctx := []string{p.DepartementName}
	if p.EPCIName != "" {
		ctx = append(ctx, p.EPCIName)
	}
	return Doc{ID: p.INSEE, Kind: KindCommune, Title: p.Name, Subtitle: sub, Codes: codes, Context: ctx, Rank: p.Population,
		Regions: []string{p.Region}, Departements: []string{p.Departement}}
}

// AliasDoc describes a former commune or an arrondissement of p for the
// index: found under its own name and code, it leads to p.
func AliasDoc(p content.Place, a content.Alias) Doc {
	var sub string
	if a.Kind == content.AliasArrondissement {
		sub = "arrondissement de " + p.Name
	} else {
		sub = "ancienne commune, aujourd'hui " + p.Name
	}
	codes := append([]string{a.Code}, a.Postcodes...)
	if len(a.Postcodes) > 0 {
		sub += " · " + strings.Join(a.Postcodes, ", ")
	}
	sub += " · " + p.DepartementName + " (" + p.Departement + ")"
	return Doc{ID: p.INSEE, Kind: KindCommune, Title: a.Name, Subtitle: sub, Codes: codes, Context: []string{p.DepartementName}, Rank: a.Population,
		Regions: []string{p.Region}, Departements: []string{p.Departement}, Alias: a.Code}
}

// regionNames maps the names of régions and départements to their région,
// to recognise a territory named in a query.
func regionNames(places []content.Place) map[string]string {
	out := map[string]string{}
	for _, p := range places {
		if p.RegionName != "" {
			out[p.RegionName] = p.Region
		}
		if p.DepartementName != "" {
			out[p.DepartementName] = p.Region
		}
	}
	return out
}

// Build indexes the reference entries, the communes with their former
// communes and arrondissements, and any other documents (the outcomes of
// the triage).
func Build(entries []content.Entry, places []content.Place, rules content.SearchRules, extra ...Doc) *Index {
	docs := make([]Doc, 0, len(entries)+len(places)+len(extra))
	for i, e := range entries {
		docs = append(docs, EntryDoc(e, i))
	}
	docs = append(docs, extra...)
	for _, p := range places {
		docs = append(docs, PlaceDoc(p))
	}
	for _, p := range places {
		for _, a := range p.Aliases {
			docs = append(docs, AliasDoc(p, a))
		}
	}
	return NewIndex(docs, Rules{Stopwords: rules.Stopwords, Abbreviations: rules.Abbreviations, Regions: regionNames(places)})
}
