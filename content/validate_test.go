package content_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"reperecyber/content"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

var territories = content.Territories{
	Regions:      map[string]bool{"53": true},
	Departements: map[string]bool{"29": true},
}

const validFiles = `
[meta]
version = "1"
date = "2026-11-22"

[[categories]]
id = "csirt"
kind = "service"
title = "CSIRT"

[[categories]]
id = "anssi-region"
kind = "service"
title = "ANSSI"

[[categories]]
id = "def"
kind = "definition"
title = "Définitions"

[[entries]]
id = "csirt-bretagne"
kind = "service"
category = "csirt"
title = "Breizh Cyber"
summary = "Le CSIRT de Bretagne."
body = "Texte."
audience = ["collectivite"]
regions = ["53"]
sources = [{ url = "https://breizhcyber.bzh/", date = "2024-11" }]

[[entries.contacts]]
type = "phone"
value = "0 800 200 008"

[[entries]]
id = "anssi-bretagne"
kind = "service"
category = "anssi-region"
title = "ANSSI Bretagne"
summary = "Délégation."
body = "Texte."
audience = ["collectivite"]
regions = ["53"]

[[entries.contacts]]
type = "email"
value = "bretagne@ssi.gouv.fr"
source = "seed:004_21d2cdd1da2ea3cf.txt"
date = "2025"

[[entries]]
id = "rancongiciel"
kind = "definition"
category = "def"
title = "Rançongiciel"
summary = "Un virus qui bloque les fichiers."
body = "Texte."
audience = ["elu"]
related = ["csirt-bretagne"]
`

func load(t *testing.T, extra string) *content.Bundle {
	t.Helper()
	b, err := content.Load(fstest.MapFS{"a.toml": {Data: []byte(validFiles)}, "b.toml": {Data: []byte(extra)}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestValidBundleHasNoProblem(t *testing.T) {
	if p := content.Validate(load(t, ""), territories, today); len(p) != 0 {
		t.Errorf("problems: %v", p)
	}
}

// entry wraps fields into a service entry of category csirt in région 53,
// valid unless the fields break it.
func entry(id, fields string) string {
	return `
[[entries]]
id = "` + id + `"
kind = "service"
category = "csirt"
title = "T"
summary = "S"
body = "B"
audience = ["elu"]
regions = ["53"]
` + fields
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name, extra, want string
	}{
		{"duplicate id", entry("csirt-bretagne", `sources = [{ url = "https://a.fr", date = "2024" }]`), "identifiant déjà utilisé"},
		{"bad id", entry("Bad_ID", `sources = [{ url = "https://a.fr", date = "2024" }]`), "identifiant invalide"},
		{"unknown category", strings.Replace(entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`), `"csirt"`, `"nope"`, 1), "catégorie \"nope\" inconnue"},
		{"no source", entry("x", "[[entries.contacts]]\ntype = \"phone\"\nvalue = \"17\""), "aucune source"},
		{"undated source", entry("x", `sources = [{ url = "https://a.fr" }]`), "source sans date"},
		{"bad date", entry("x", `sources = [{ url = "https://a.fr", date = "nov. 2024" }]`), "invalide (AAAA"},
		{"future date", entry("x", `sources = [{ url = "https://a.fr", date = "2027-01" }]`), "dans le futur"},
		{"bad phone", entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`+"\n[[entries.contacts]]\ntype = \"phone\"\nvalue = \"08 00 12\""), "numéro français valide"},
		{"http url contact", entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`+"\n[[entries.contacts]]\ntype = \"url\"\nvalue = \"http://a.fr\""), "https://"},
		{"bad email", entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`+"\n[[entries.contacts]]\ntype = \"email\"\nvalue = \"a[at]b.fr\""), "adresse \"a[at]b.fr\" invalide"},
		{"bad seed name", entry("x", `sources = [{ url = "seed:flyer.txt", date = "2024" }]`), "nom de document source invalide"},
		{"unknown region", strings.Replace(entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`), `["53"]`, `["99"]`, 1), "code région \"99\" inconnu"},
		{"national csirt", strings.Replace(entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`), `regions = ["53"]`, ``, 1), "rattaché à au moins une région"},
		{"to check without note", entry("x", `status = "a_verifier"`+"\n"+`sources = [{ url = "https://a.fr", date = "2024" }]`), "sans note"},
		{"dangling related", entry("x", `related = ["ghost"]`+"\n"+`sources = [{ url = "https://a.fr", date = "2024" }]`), "\"ghost\", qui n'existe pas"},
		{"summary too long", strings.Replace(entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`), `summary = "S"`, `summary = "`+strings.Repeat("é", 201)+`"`, 1), "résumé trop long"},
		{"no audience", strings.Replace(entry("x", `sources = [{ url = "https://a.fr", date = "2024" }]`), `audience = ["elu"]`, ``, 1), "aucun public"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := content.Validate(load(t, tt.extra), territories, today)
			for _, p := range problems {
				if strings.Contains(p.String(), tt.want) {
					return
				}
			}
			t.Errorf("no problem contains %q; got %v", tt.want, problems)
		})
	}
}

func TestCoverageRequiresGapOrEntry(t *testing.T) {
	terr := content.Territories{Regions: map[string]bool{"53": true, "06": true}, Departements: map[string]bool{"29": true}}
	problems := content.Validate(load(t, ""), terr, today)
	if len(problems) != 2 {
		t.Fatalf("want one problem per category for région 06, got %v", problems)
	}
	gap := "[[gaps]]\nregion = \"06\"\ncategory = \"%s\"\nnote = \"Aucun service trouvé.\"\nfallback = [\"rancongiciel\"]\n"
	extra := strings.ReplaceAll(gap, "%s", "csirt") + strings.ReplaceAll(gap, "%s", "anssi-region")
	if p := content.Validate(load(t, extra), terr, today); len(p) != 0 {
		t.Errorf("with gaps declared: %v", p)
	}
}

func TestLoadRejectsUnknownFields(t *testing.T) {
	_, err := content.Load(fstest.MapFS{"a.toml": {Data: []byte("[[entries]]\nid = \"x\"\ntitel = \"typo\"\n")}})
	if err == nil || !strings.Contains(err.Error(), "titel") {
		t.Errorf("err = %v, want a mention of the unknown field", err)
	}
}
