package search_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"reperecyber/content"
	"reperecyber/search"
)

// Where the cases of sentenceCases are typed from.
var (
	inBretagne  = search.Here{Region: "53", Departement: "29", Local: []string{"csirt-bretagne", "anssi-bretagne"}}
	inOccitanie = search.Here{Region: "76", Departement: "31", Local: []string{"csirt-occitanie", "anssi-occitanie"}}
)

// readingCases are the query shapes of people under stress: sentences
// only partly matched, other forms of a word, the wizard's own wording,
// mistyped terms and acronyms, phone numbers, commune forms, and queries
// typed from a commune. Same rules as queryCases: the wanted document in
// the top 3.
var readingCases = []queryCase{
	// Sentences: ranked by how much of the query they cover.
	{name: "cover/poste de l'accueil documents", query: "le poste de l'accueil n'ouvre plus les documents", wantID: "rancongiciel-mairie|rancongiciel"},
	{name: "cover/ordinateur secrétaire fichiers", query: "l'ordinateur de la secrétaire n'ouvre plus les fichiers", wantID: "rancongiciel-mairie"},
	{name: "cover/dgs virement urgent", query: "le dgs demande un virement urgent", wantID: "fraude-president"},
	{name: "cover/fournisseur rib", query: "un fournisseur veut changer son rib", wantID: "faux-rib"},
	{name: "cover/faux compte maire", query: "un faux compte se fait passer pour le maire", wantID: "faux-profil-elu"},
	{name: "cover/compte facebook piraté", query: "on a piraté notre compte facebook", wantID: "reseau-social-commune|reseau-social-elu"},

	// Word forms: a French stemmer on index and query.
	{name: "stem/pirater", query: "pirater", wantID: "piratage-de-compte|poste-infecte|compromission-messagerie"},
	{name: "stem/escroquer", query: "escroquer", wantID: "info-escroqueries"},
	{name: "stem/menacer", query: "il m'a menacé", wantID: "elu-menaces"},
	{name: "stem/harceler en ligne", query: "harceler en ligne", wantID: "elu-cyberharcelement|agent-harcele|habitant-harcele"},
	{name: "stem/escroquer habitant", query: "escroquer un habitant", wantID: "arnaque-habitant"},

	// The wizard's wording: answer labels, said another way.
	{name: "wizard/souris bouge seule", query: "la souris bouge toute seule sur le pc", wantID: "poste-infecte"},
	{name: "wizard/fenêtre virus numéro", query: "une fenetre dit que j'ai un virus et donne un numero", wantID: "faux-support-ecran"},
	{name: "wizard/contacts mails pas envoyés", query: "mes contacts recoivent des mails que je n'ai pas envoyes", wantID: "messagerie-piratee"},
	{name: "wizard/propos illégaux", query: "quelqu'un a publié des propos illégaux", wantID: "contenu-illicite"},

	// Typos near a known term; short acronyms go to cards, not communes.
	{name: "typoterm/ransomwar", query: "ransomwar", wantID: "rancongiciel"},
	{name: "typoterm/phisihng", query: "phisihng", wantID: "hameconnage"},
	{name: "typoterm/sextortoin", query: "sextortoin", wantID: "sextorsion"},
	{name: "acronym/rgdp", query: "rgdp", wantID: "rgpd"},
	{name: "acronym/ddso", query: "ddso", wantID: "deni-de-service"},
	{name: "acronym/dos", query: "dos", wantID: "deni-de-service"},

	// Numbers: phone numbers however typed; never a département's postcodes.
	{name: "phone/spaced 0 805 805 817", query: "0 805 805 817", wantID: "info-escroqueries"},
	{name: "phone/dotted 08.05.80.58.17", query: "08.05.80.58.17", wantID: "info-escroqueries"},
	{name: "phone/glued 0800200008", query: "0800200008", wantID: "csirt-bretagne"},
	{name: "phone/international +33 800 200 008", query: "+33 800 200 008", wantID: "csirt-bretagne"},
	{name: "phone/prefix 0800 200", query: "0800 200", wantID: "csirt-bretagne"},
	{name: "number/urgence 17", query: "urgence 17", wantID: "urgence-17"},

	// Commune forms.
	{name: "form/cp 75008", query: "cp 75008", wantID: "75056", kinds: communesOnly},
	{name: "form/code postal 13008", query: "code postal 13008", wantID: "13055"},
	{name: "form/insee 69123", query: "insee 69123", wantID: "69123"},
	{name: "form/code insee 2b033", query: "code insee 2b033", wantID: "2B033"},
	{name: "arrondissement/paris 8", query: "paris 8", wantID: "75056"},
	{name: "arrondissement/lyon 2e", query: "lyon 2e", wantID: "69123"},
	{name: "arrondissement/marseille 14eme", query: "marseille 14eme", wantID: "13055"},
	{name: "arrondissement/none toulouse 3", query: "toulouse 3", wantID: "31555"},
	{name: "former/cherbourg octeville", query: "cherbourg octeville", wantID: "50129"},
	{name: "former/annecy le vieux", query: "annecy le vieux", wantID: "74010"},
	{name: "departement/saint denis 93", query: "saint denis 93", wantID: "93066"},

	// Where you are.
	{name: "here/csirt from Bretagne", query: "csirt", wantID: "csirt-bretagne", here: inBretagne},
	{name: "here/urgence cyber from Bretagne", query: "urgence cyber", wantID: "csirt-bretagne", here: inBretagne},
	{name: "here/numéro vert from Bretagne", query: "numéro vert", wantID: "csirt-bretagne", here: inBretagne},
	{name: "here/anssi from Occitanie", query: "anssi", wantID: "anssi-occitanie", here: inOccitanie},
	{name: "here/urgence cyber from Occitanie", query: "urgence cyber", wantID: "csirt-occitanie", here: inOccitanie},
	{name: "named/urgence cyber toulouse", query: "urgence cyber toulouse", wantID: "csirt-occitanie"},
	{name: "named/urgence cyber rennes from Occitanie", query: "urgence cyber rennes", wantID: "csirt-bretagne", here: inOccitanie},
	{name: "named/csirt marseille", query: "csirt marseille", wantID: "csirt-paca"},
	{name: "named/anssi lille", query: "anssi lille", wantID: "anssi-hdf"},
}

func TestReadingRules(t *testing.T) {
	ix := loadCorpus(t)
	find := func(q string, here search.Here) []search.Result {
		return ix.Search(q, search.Options{Limit: 50, Here: here})
	}

	t.Run("a card and an outcome sharing an id take one slot", func(t *testing.T) {
		for _, q := range []string{"sextorsion", "chantage webcam", "images intimes argent"} {
			seen := map[string]bool{}
			for _, r := range find(q, search.Here{}) {
				key := fmt.Sprintf("%v %s", r.Kind.IsContent(), r.ID)
				if seen[key] {
					t.Errorf("Search(%q): %s twice", q, r.ID)
				}
				seen[key] = true
			}
			if !seen["true sextorsion"] {
				t.Errorf("Search(%q): sextorsion missing", q)
			}
		}
	})

	t.Run("a commune and its arrondissements take one slot", func(t *testing.T) {
		for _, q := range []string{"paris", "75008", "marseille", "lyon 3"} {
			n := 0
			for _, r := range find(q, search.Here{}) {
				if r.ID == "75056" || r.ID == "13055" || r.ID == "69123" {
					n++
				}
			}
			if n != 1 {
				t.Errorf("Search(%q): the commune %d times, want once", q, n)
			}
		}
	})

	t.Run("arrondissements and former communes say what they are", func(t *testing.T) {
		for _, c := range []struct{ q, alias, sub, note string }{
			{"paris 8", "75108", "arrondissement de Paris", ""},
			{"marseille 14eme", "13214", "arrondissement de Marseille", ""},
			{"cherbourg octeville", "50129", "ancienne commune, aujourd'hui Cherbourg-en-Cotentin", ""},
			{"toulouse 3", "", "", "Pas de 3e arrondissement connu pour Toulouse : voici la commune."},
			{"paris 25", "", "", "Pas de 25e arrondissement connu pour Paris : voici la commune."},
		} {
			rs := find(c.q, search.Here{})
			if len(rs) == 0 {
				t.Errorf("Search(%q): nothing", c.q)
				continue
			}
			r := rs[0]
			if r.Alias != c.alias || !strings.HasPrefix(r.Subtitle, c.sub) || r.Note != c.note {
				t.Errorf("Search(%q)[0] = alias %q, subtitle %q, note %q; want alias %q, subtitle %q…, note %q", c.q, r.Alias, r.Subtitle, r.Note, c.alias, c.sub, c.note)
			}
		}
	})

	t.Run("a query naming a place never brings another région's services", func(t *testing.T) {
		for _, c := range []struct{ q, region string }{
			{"urgence cyber toulouse", "76"}, {"csirt bretagne", "53"}, {"anssi lille", "32"}, {"csirt marseille", "93"},
		} {
			for _, here := range []search.Here{{}, inBretagne, inOccitanie} {
				for _, r := range find(c.q, here) {
					if e, ok := entryByID(r.ID); ok && !e.National() && !slices.Contains(e.Regions, c.region) {
						t.Errorf("Search(%q) from %q: %s of région %v", c.q, here.Region, r.ID, e.Regions)
					}
				}
			}
		}
	})

	t.Run("from a commune, other régions' services come after", func(t *testing.T) {
		rs := find("csirt", inBretagne)
		if len(rs) < 2 || rs[0].ID != "csirt-bretagne" {
			t.Fatalf("Search(csirt) from Bretagne: want csirt-bretagne first, got %v", topIDs(rs, 5))
		}
		seenOther := false
		for _, r := range rs {
			e, ok := entryByID(r.ID)
			switch {
			case !ok || e.National():
			case !slices.Contains(e.Regions, "53"):
				seenOther = true
			case seenOther:
				t.Errorf("Search(csirt) from Bretagne: %s after another région's service", r.ID)
			}
		}
	})

	t.Run("a region-specific subject keeps its card first", func(t *testing.T) {
		if rs := find("rançongiciel", inBretagne); len(rs) == 0 || rs[0].ID != "rancongiciel" {
			t.Errorf("Search(rançongiciel) from Bretagne: want the card first, got %v", topIDs(rs, 5))
		}
	})

	t.Run("a number alone is not a département's postcodes", func(t *testing.T) {
		for _, q := range []string{"29", "75", "13", "2A", "974"} {
			for _, r := range find(q, search.Here{}) {
				if r.Kind == search.KindCommune {
					t.Errorf("Search(%q): commune %s « %s »", q, r.ID, r.Title)
					break
				}
			}
		}
	})

	t.Run("exact and prefix matches before stems", func(t *testing.T) {
		for _, c := range [][2]string{
			{"piratage", "piratage-de-compte"},
			{"escroqueries", "info-escroqueries"},
		} {
			if rs := find(c[0], search.Here{}); len(rs) == 0 || rs[0].ID != c[1] {
				t.Errorf("Search(%q): want %s first, got %v", c[0], c[1], topIDs(rs, 5))
			}
		}
	})
}

func entryByID(id string) (content.Entry, bool) {
	for _, e := range corpus.entries {
		if e.ID == id {
			return e, true
		}
	}
	return content.Entry{}, false
}
