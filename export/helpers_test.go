package export_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/export"
)

// fixedDate makes every test PDF reproducible.
var fixedDate = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

var testOpt = export.Options{Date: fixedDate, ContentVersion: "2026.11.1"}

type loaded struct {
	b   *content.Bundle
	a   *content.Atlas
	err error
}

var loadOnce = sync.OnceValue(func() loaded {
	b, a, err := assets.Load()
	return loaded{b, a, err}
})

func bundle(tb testing.TB) (*content.Bundle, *content.Atlas) {
	tb.Helper()
	l := loadOnce()
	if l.err != nil {
		tb.Fatal(l.err)
	}
	return l.b, l.a
}

// place resolves a commune of the embedded atlas, as the store would.
func place(tb testing.TB, insee string) content.Place {
	tb.Helper()
	_, a := bundle(tb)
	for _, c := range a.Communes.All() {
		if c.INSEE == insee {
			return placeOf(a, c)
		}
	}
	tb.Fatalf("no commune %s", insee)
	return content.Place{}
}

func placeOf(a *content.Atlas, c content.Commune) content.Place {
	p := content.Place{Commune: c}
	for _, d := range a.Departements {
		if d.Code == c.Departement {
			p.DepartementName = d.Name
		}
	}
	for _, r := range a.Regions {
		if r.Code == c.Region {
			p.RegionName = r.Name
		}
	}
	for _, e := range a.EPCIs {
		if e.SIREN == c.EPCI {
			p.EPCIName, p.EPCIType = e.Name, e.Type
		}
	}
	return p
}

// sheetData is what the store would give for a commune: every entry (the
// sheet picks what covers it) and the gaps of its région.
func sheetData(tb testing.TB, p content.Place, contacts ...content.LocalContact) export.SheetData {
	b, _ := bundle(tb)
	var gaps []content.CoverageGap
	for _, g := range b.Gaps {
		if g.Region == p.Region {
			gaps = append(gaps, g)
		}
	}
	return export.SheetData{Place: p, Entries: b.Entries, Gaps: gaps, Contacts: contacts}
}

// communesOf lists the places of a département, for batch tests.
func communesOf(tb testing.TB, dep string) []content.Place {
	_, a := bundle(tb)
	var out []content.Place
	for _, c := range a.Communes.All() {
		if c.Departement == dep {
			out = append(out, placeOf(a, c))
		}
	}
	return out
}

// longPlace is the commune with the longest name, in the région with the
// most to print.
func longPlace(tb testing.TB) content.Place {
	_, a := bundle(tb)
	var longest content.Commune
	for _, c := range a.Communes.All() {
		if len([]rune(c.Name)) > len([]rune(longest.Name)) {
			longest = c
		}
	}
	return placeOf(a, longest)
}

// fullContacts fills every role to the limits a local contact allows.
func fullContacts(insee string) []content.LocalContact {
	var out []content.LocalContact
	for _, r := range content.Roles {
		out = append(out, content.LocalContact{
			INSEE: insee, Role: r,
			Name:  runes(strings.Repeat("Établissement Œuvre « Ça » ", 3), content.MaxLocalName),
			Phone: "+33 1 23 45 67 89",
			Email: "un.nom.de.service.tres.long@prestataire-informatique.fr",
			Note:  runes(strings.Repeat("Astreinte 24 h/24, 12\u202f€ l'appel ; ", 3), content.MaxLocalNote),
		})
	}
	return out
}

func runes(s string, n int) string { return string([]rune(s)[:n]) }

// sampleFiche is a fiche réflexe as the triage package would fill it.
func sampleFiche(tb testing.TB) export.FicheData {
	b, _ := bundle(tb)
	var contacts []content.Entry
	for _, id := range []string{"17cyber", "csirt-bretagne", "cybermalveillance", "cnil-violation", "anssi-bretagne"} {
		e, ok := b.Entry(id)
		if !ok {
			tb.Fatalf("no entry %s", id)
		}
		contacts = append(contacts, e)
	}
	return export.FicheData{
		Title:     "Rançongiciel : les fichiers de la mairie sont chiffrés",
		Diagnosis: "Un message demande une rançon et les fichiers ne s'ouvrent plus : c'est un rançongiciel. L'attaque peut encore s'étendre aux autres postes et aux sauvegardes.",
		Steps: []string{
			"Débranchez le câble réseau et coupez le wifi des postes touchés, sans les éteindre.",
			"Prévenez le maire et le prestataire informatique.",
			"Déclarez l'attaque sur 17Cyber et appelez le CSIRT régional.",
			"Portez plainte à la brigade ou au commissariat.",
			"Si des données personnelles sont touchées, notifiez la CNIL dans les 72 heures.",
		},
		Dont:      []string{"Ne payez pas la rançon.", "N'éteignez pas les postes : la mémoire garde des traces utiles.", "Ne rebranchez pas les sauvegardes."},
		Evidence:  []string{"Photo de l'écran de rançon.", "Heure de la découverte, postes touchés.", "Courriels suspects reçus les jours précédents."},
		Deadlines: []string{"CNIL : 72 heures après la découverte.", "Assureur : selon le contrat, souvent 2 à 5 jours ouvrés."},
		Contacts:  contacts,
		Place:     place(tb, "29019"),
	}
}
