package export_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/export"
	"reperecyber/triage"
)

// outcomeFiche is the fiche of a triage outcome for a commune, resolved
// as the window and the CLI do, with the mairie's own contacts.
func outcomeFiche(t *testing.T, id string, p content.Place, own ...content.LocalContact) export.FicheData {
	t.Helper()
	b, _ := bundle(t)
	tree, err := triage.Load(assets.ContentFS())
	if err != nil {
		t.Fatal(err)
	}
	o, ok := tree.Outcome(id)
	if !ok {
		t.Fatalf("no outcome %s", id)
	}
	here := triage.Place{Known: true, Own: own}
	for _, e := range b.Entries {
		if !e.National() && e.Covers(p.Departement, p.Region) {
			here.Local = append(here.Local, e)
		}
	}
	for _, g := range b.Gaps {
		if g.Region == p.Region {
			here.Gaps = append(here.Gaps, g)
		}
	}
	diagnosis, _ := b.Entry(o.Diagnosis)
	return export.FicheFromOutcome(*o, triage.Resolve(*o, here, b.Entry), diagnosis, p)
}

func ficheText(t *testing.T, f export.FicheData) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Fiche(&buf, f, testOpt); err != nil {
		t.Fatal(err)
	}
	if n := pages(t, buf.Bytes()); n != 1 {
		t.Errorf("fiche has %d pages", n)
	}
	return pdftotext(t, buf.Bytes())
}

// TestFicheCallsFirst: the ransomware fiche opens with whom to call (the
// commune's CSIRT, the IT provider's own number, 17Cyber) before the
// steps and the mistakes to avoid; every contact keeps its condition;
// an own contact not saved gets a line to write its number on.
func TestFicheCallsFirst(t *testing.T) {
	need(t, "pdftotext")
	p := place(t, "29019")
	it := content.LocalContact{INSEE: p.INSEE, Role: content.RoleIT, Name: "Informatique Ker", Phone: "02 98 11 22 33", Email: "astreinte@ker.example"}
	insurer := content.LocalContact{INSEE: p.INSEE, Role: content.RoleInsurer, Name: "Mutuelle des communes", Phone: "01 23 45 67 89"}
	text := flat(ficheText(t, outcomeFiche(t, "rancongiciel-mairie", p, it, insurer)))
	at := func(s string) int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Errorf("fiche lacks %q", s)
		}
		return i
	}
	call, steps, dont := at("APPELEZ MAINTENANT"), at("À FAIRE MAINTENANT"), at("À NE PAS FAIRE")
	csirt, itPhone, cyber := at("0 800 200 008"), at("02 98 11 22 33"), at("17Cyber")
	if !(call < csirt && call < itPhone && call < cyber && csirt < steps && itPhone < steps && steps < dont) {
		t.Errorf("order: appelez %d, CSIRT %d, IT %d, 17Cyber %d, steps %d, à ne pas faire %d", call, csirt, itPhone, cyber, steps, dont)
	}
	for _, want := range []string{
		"Informatique Ker", "astreinte@ker.example", "Mutuelle des communes",
		"Quand : Tout de suite : il sait isoler les serveurs",
		"Quand : Pour porter plainte.",
		"Quand : Seulement pour une grande collectivité",
		"Quand : Si des données sur des personnes sont touchées.",
		"Délégué à la protection des données", // not saved: a line to write it on
	} {
		at(want)
	}
	// Unsaved roles (élu d'astreinte, brigade, DPO) each get « Nom … Tél. »
	// lines to fill in by hand; the two columns interleave in pdftotext.
	at("Brigade ou commissariat")
	if n := len(regexp.MustCompile(`\bNom\b`).FindAllString(text, -1)); n < 3 {
		t.Errorf("%d lines to write a name on, want one per unsaved role (3)", n)
	}
}

// flat joins pdftotext's lines, so that a sentence wrapped on the page
// reads as one.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestDoubtfulValuesNotPrinted: a number or address « à vérifier » that
// rests on one unofficial source is left off every page, and its
// fallback is printed instead; official ones « à vérifier » are printed.
func TestDoubtfulValuesNotPrinted(t *testing.T) {
	need(t, "pdftotext")
	b, a := bundle(t)
	var papeete content.Place
	for _, c := range a.Communes.All() {
		if c.Region == "987" {
			papeete = placeOf(a, c)
			break
		}
	}
	if papeete.INSEE == "" {
		t.Fatal("no commune in Polynésie française")
	}
	sheet := flat(pdftotext(t, sheetPDF(t, sheetData(t, papeete))))
	for _, gone := range []string{"+686", "40 455 200", "csirt@terama.fr"} {
		if strings.Contains(sheet, gone) {
			t.Errorf("Polynésie sheet prints %q", gone)
		}
	}
	// A number « à vérifier » from one unofficial source is replaced by a
	// pointer to the website and 17Cyber, whatever the content holds.
	doubtful := content.Entry{ID: "x", Kind: content.KindService, Title: "Service de test", Status: content.StatusOK,
		Contacts: []content.Contact{
			{Type: content.ContactPhone, Value: "+686 40 455 200", Source: "https://example.org/liste", Date: "2024", Status: content.StatusToCheck},
			{Type: content.ContactURL, Value: "https://example.org/service", Source: "https://example.org/liste", Date: "2024", Status: content.StatusOK},
		}}
	var buf bytes.Buffer
	if err := export.EntryCard(&buf, doubtful, testOpt); err != nil {
		t.Fatal(err)
	}
	if card := pdftotext(t, buf.Bytes()); strings.Contains(card, "40 455 200") {
		t.Error("a card prints a number that rests on one unofficial source")
	}
	_ = b
	normandie := flat(pdftotext(t, sheetPDF(t, sheetData(t, place(t, "76540")))))
	if !strings.Contains(normandie, "0 808 800 001") || strings.Contains(normandie, "ilcontact@") {
		t.Error("Normandie: the number the ANSSI portal gives must print, the address from one community list must not")
	}
}

func TestDoubtfulRule(t *testing.T) {
	const community = "https://github.com/MeltingBot/CSIRT-REGIONS-FRANCE/blob/x/CSIRT_France.csv"
	tests := []struct {
		name string
		c    content.Contact
		want bool
	}{
		{"to check, community list phone", content.Contact{Type: content.ContactPhone, Status: content.StatusToCheck, Source: community}, true},
		{"to check, mirror email", content.Contact{Type: content.ContactEmail, Status: content.StatusToCheck, Source: "https://ssi.rip/en-cas-dincident/"}, true},
		{"to check, press interview seed", content.Contact{Type: content.ContactSMS, Status: content.StatusToCheck, Source: "seed:002_218ee9f9fb2e1196.txt"}, true},
		{"confirmed, community list", content.Contact{Type: content.ContactPhone, Source: community}, false},
		{"to check, State code", content.Contact{Type: content.ContactPhone, Status: content.StatusToCheck, Source: "https://github.com/betagouv/anssi-portail/blob/x"}, false},
		{"to check, prefecture page", content.Contact{Type: content.ContactEmail, Status: content.StatusToCheck, Source: "http://www.orne.gouv.fr/page"}, false},
		{"to check, CALAE flyer", content.Contact{Type: content.ContactEmail, Status: content.StatusToCheck, Source: "seed:004_21d2cdd1da2ea3cf.txt"}, false},
		{"to check, hours from the press", content.Contact{Type: content.ContactHours, Status: content.StatusToCheck, Source: "https://www.dossierfamilial.com/x"}, false},
		{"lookalike host", content.Contact{Type: content.ContactPhone, Status: content.StatusToCheck, Source: "https://gouv.fr.example.com/x"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := export.Doubtful(tt.c); got != tt.want {
				t.Errorf("Doubtful = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSheetIncidentReflexes: the sheet carries the first reflexes of an
// attack beside the hygiene ones, and stays one page (TestOnePage).
func TestSheetIncidentReflexes(t *testing.T) {
	need(t, "pdftotext")
	text := flat(pdftotext(t, sheetPDF(t, sheetData(t, place(t, "29019")))))
	for _, want := range []string{"PREMIERS RÉFLEXES", "Débranchez du réseau", "N'éteignez pas", "Ne payez rien", "17Cyber", "Portez plainte avant de réinstaller", "Des mots de passe solides"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
}

// TestEveryOutcomeFiche: the fiche of every outcome, for a commune whose
// every own contact is filled to the limits, is one page and prints the
// condition of each of its contacts.
func TestEveryOutcomeFiche(t *testing.T) {
	need(t, "pdftotext")
	tree, err := triage.Load(assets.ContentFS())
	if err != nil {
		t.Fatal(err)
	}
	p := longPlace(t)
	own := fullContacts(p.INSEE)
	for _, o := range tree.Outcomes {
		t.Run(o.ID, func(t *testing.T) {
			f := outcomeFiche(t, o.ID, p, own...)
			text := flat(ficheText(t, f))
			for _, c := range f.Calls {
				if c.When != "" && !strings.Contains(text, flat("Quand : "+c.When)) {
					t.Errorf("condition of %s missing: %q", c.Label, c.When)
				}
			}
		})
	}
}

// TestStaleContentIsSaidAtTheFoot: old content prints its warning at the
// foot of the sheet, which stays one page.
func TestStaleContentIsSaidAtTheFoot(t *testing.T) {
	need(t, "pdftotext")
	opt := testOpt
	opt.Freshness = "Contenu du 22 novembre 2026, il y a plus de 6 mois : vérifiez les numéros."
	var buf bytes.Buffer
	if err := export.ContactSheet(&buf, sheetData(t, place(t, "29019")), opt); err != nil {
		t.Fatal(err)
	}
	if text := flat(pdftotext(t, buf.Bytes())); !strings.Contains(text, "il y a plus de 6 mois") {
		t.Error("the freshness warning is not printed")
	}
	if n := pages(t, buf.Bytes()); n != 1 {
		t.Errorf("%d pages", n)
	}
}
