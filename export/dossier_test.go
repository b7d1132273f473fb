package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"reperecyber/export"
	"reperecyber/journal"
)

func testDossier(entries int) journal.Dossier {
	t0 := time.Date(2026, 3, 28, 9, 0, 0, 0, time.UTC)
	d := journal.Dossier{Incident: journal.Incident{
		ID: 7, INSEE: "29019", Commune: "Brest", OutcomeID: "rancongiciel-mairie",
		Title: "Rançongiciel sur le réseau de la mairie", Summary: "Les fichiers sont chiffrés.",
		PersonalData: true, Discovered: t0, Opened: t0.Add(10 * time.Minute),
		Steps: []string{"Débranchez l'ordinateur du réseau.", "Portez plainte."},
	}}
	d.Entries = []journal.Entry{
		{ID: 1, At: t0.Add(12 * time.Minute), Kind: journal.KindConstat, Text: "Message de rançon sur le poste de l'accueil"},
		{ID: 2, At: t0.Add(20 * time.Minute), Kind: journal.KindAppel, Text: "Appel à 17Cyber, dossier n° 12345"},
		{ID: 3, At: t0.Add(25 * time.Minute), Kind: journal.KindAction, Text: journal.StepText("Débranchez l'ordinateur du réseau."), Step: 1},
		{ID: 4, At: t0.Add(30 * time.Minute), Kind: journal.KindAppel, Text: "Appel à Breizh Cyber, dossier n° 777", Corrects: 2},
		{ID: 5, At: t0.Add(40 * time.Minute), Kind: journal.KindDecision, Text: "Le maire décide de couper le réseau"},
	}
	for i := 0; i < entries; i++ {
		d.Entries = append(d.Entries, journal.Entry{ID: int64(6 + i), At: t0.Add(time.Duration(50+i) * time.Minute), Text: "Note de suivi"})
	}
	d.Evidence = []journal.Evidence{{ID: 1, Name: "rançon.png", Size: 2048, Added: t0.Add(15 * time.Minute),
		SHA256: "e7c19127ce53be3d5a1925b607d6955f979020adaf8a18a274766cdcb7e32370"}}
	return d
}

func dossierPDF(t *testing.T, d journal.Dossier) []byte {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.Dossier(&buf, d, loc, testOpt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDossierText(t *testing.T) {
	need(t, "pdftotext")
	text := pdftotext(t, dossierPDF(t, testDossier(0)))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Brest", "Incident n° 7", "Rançongiciel sur le réseau de la mairie", "samedi 28 mars 2026 à 10 h 00",
		"CHRONOLOGIE", "n° 1 · 28/03/2026 10 h 12", "Constat : Message de rançon",
		"[corrigée par l'entrée n° 4]", "(corrige l'entrée n° 2)",
		"Débranchez l'ordinateur du réseau : fait", "Portez plainte : pas encore fait",
		"CONTACTS APPELÉS", "Appel à Breizh Cyber, dossier n° 777",
		"rançon.png : 2048 octets", "SHA-256 : e7c19127ce53be3d5a1925b607d6955f979020adaf8a18a274766cdcb7e32370",
		"POUR LA PLAINTE", "POUR L'ASSUREUR", "BROUILLON DE NOTIFICATION À LA CNIL",
		"Nature de la violation", "Catégories et nombre approximatif de personnes concernées",
		"Catégories et nombre approximatif d'enregistrements concernés", "Conséquences probables",
		"Mesures prises ou envisagées", "Point de contact",
		// 72 h after 10:00 CET on 28 March is 11:00 CEST on 31 March.
		"mardi 31 mars 2026 à 11 h 00",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("dossier lacks %q", want)
		}
	}
}

func TestDossierPages(t *testing.T) {
	need(t, "pdftotext")
	tests := []struct {
		name     string
		entries  int
		minPages int
	}{
		{"short journal", 0, 2},
		{"long journal flows over pages", 150, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := pdftotext(t, dossierPDF(t, testDossier(tt.entries)))
			pages := strings.Count(text, "\f")
			if pages < tt.minPages {
				t.Errorf("%d pages, want at least %d", pages, tt.minPages)
			}
			if !strings.Contains(text, "Page 1 / ") || strings.Contains(text, "{nb}") {
				t.Error("page numbers missing")
			}
		})
	}
}

func TestDossierIsReproducible(t *testing.T) {
	a, b := dossierPDF(t, testDossier(3)), dossierPDF(t, testDossier(3))
	if !bytes.Equal(a, b) {
		t.Error("two dossiers of the same journal differ")
	}
}
