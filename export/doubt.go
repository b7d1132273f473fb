package export

import (
	"strings"

	"reperecyber/content"
)

// Printing rule for doubtful values. A sheet is pinned by the phone for
// months and read in a hurry: a number printed there is dialled without
// a second look. So a phone number, SMS number or email that is « à
// vérifier » and rests on a single source that is not official is not
// printed; the row says so and points to its website and to 17Cyber
// instead (the Polynésie française CSIRT's published number carries the
// +686 code of another territory). Values that an official source gives,
// even « à vérifier », are printed with their « * ».
//
// Doubtful is that rule, for every page export draws (sheets, fiches,
// cards); the screen shows every value with its note.
func Doubtful(c content.Contact) bool {
	switch c.Type {
	case content.ContactPhone, content.ContactSMS, content.ContactEmail:
	default:
		return false
	}
	return c.Status == content.StatusToCheck && !OfficialSource(c.Source)
}

// OfficialSource reports whether a source is published by a public body:
// a State or territorial government site, the State's own code
// (betagouv), a regional CSIRT's or région's own page, or one of the
// project's seed documents, which are public bodies' publications except
// a press interview. Community lists, mirrors, press and law firms are
// not.
func OfficialSource(url string) bool {
	if seed, ok := strings.CutPrefix(url, "seed:"); ok {
		return seed != pressInterviewSeed
	}
	rest, ok := strings.CutPrefix(url, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(url, "http://")
	}
	if !ok {
		return false
	}
	for _, p := range officialPaths {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	host, _, _ := strings.Cut(rest, "/")
	host = strings.TrimPrefix(host, "www.")
	for _, h := range officialHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// pressInterviewSeed is the one seed document that is not a public
// body's own text (an interview published by the press).
const pressInterviewSeed = "002_218ee9f9fb2e1196.txt"

var (
	officialHosts = []string{
		"gouv.fr", "gouv.nc", "gouv.pf", "cnil.fr", "assemblee-nationale.fr", "vie-publique.fr", "senat.fr",
		"cyberocc.com", "csirt-bfc.fr", "bretagne.bzh", // regional CSIRTs' and régions' own pages
	}
	officialPaths = []string{"github.com/betagouv/"}
)

// printableValues are the contacts of e that may be printed, of the
// types asked for, and the sentence to print in place of those that may
// not (empty when none was held back).
func printableValues(e content.Entry, types []content.ContactType, oneEach bool) ([]Value, string) {
	var out []Value
	var held []content.ContactType
	seen := map[content.ContactType]bool{}
	for _, t := range types {
		for _, c := range e.Contacts {
			if c.Type != t || (oneEach && seen[t]) {
				continue
			}
			if Doubtful(c) {
				held = append(held, t)
				continue
			}
			seen[t] = true
			out = append(out, Value{Type: t, Text: c.Value, ToCheck: c.Status == content.StatusToCheck})
		}
	}
	if len(held) == 0 {
		return out, ""
	}
	return out, heldBack(held, out)
}

// heldBack is the sentence printed where doubtful values were left out.
func heldBack(held []content.ContactType, printed []Value) string {
	phone, email := false, false
	for _, t := range held {
		if t == content.ContactEmail {
			email = true
		} else {
			phone = true
		}
	}
	what, pron := "Numéro non imprimé : il n'est pas confirmé par une source officielle.", "le"
	switch {
	case phone && email:
		what, pron = "Numéro et adresse électronique non imprimés : ils ne sont pas confirmés par une source officielle.", "les"
	case email:
		what, pron = "Adresse électronique non imprimée : elle n'est pas confirmée par une source officielle.", "la"
	}
	for _, v := range printed {
		if v.Type == content.ContactURL {
			what += " Vérifiez-" + pron + " sur " + displayURL(v.Text) + "."
			break
		}
	}
	return what + " En attendant, passez par 17Cyber."
}
