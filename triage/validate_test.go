package triage_test

import (
	"strings"
	"testing"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/triage"
)

// known is the content a test tree may refer to.
var known = map[string]content.Kind{
	"rancongiciel":   content.KindDefinition,
	"hameconnage":    content.KindDefinition,
	"17cyber":        content.KindService,
	"alarme-elu":     content.KindElus,
	"cnil-violation": content.KindService,
}

// smallTree is valid: two questions, three outcomes. Each validation case
// breaks one thing in a fresh copy.
func smallTree() *triage.Tree {
	outcome := func(id string) triage.Outcome {
		return triage.Outcome{
			ID: id, Title: "Titre " + id, Diagnosis: "rancongiciel",
			Steps:    []string{"Débranchez l'ordinateur du réseau."},
			Contacts: []triage.Contact{{Ref: "17cyber"}, {Ref: "@csirt", When: "Pour la mairie."}, {Ref: "@local:informatique"}},
			Sources:  []content.Source{{URL: "https://example.org/source", Date: "2025-01"}},
		}
	}
	return &triage.Tree{
		Start: "danger",
		Nodes: []triage.Node{
			{ID: "danger", Question: "Danger ?", Options: []triage.Option{{Label: "Oui", Next: "urgence"}, {Label: "Non", Next: "quoi"}}},
			{ID: "quoi", Question: "Quoi ?", Options: []triage.Option{{Label: "Rançon", Next: "rancon"}, {Label: "Mail", Next: "mail"}}},
		},
		Outcomes: []triage.Outcome{outcome("urgence"), outcome("rancon"), outcome("mail")},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *triage.Tree)
		where string // the node or outcome the problem names
		want  string // part of the message
	}{
		{"invalid id", func(t *triage.Tree) { t.Outcomes[2].ID = "Mail!" }, "Mail!", "identifiant invalide"},
		{"duplicate id", func(t *triage.Tree) { t.Outcomes[2].ID = "quoi" }, "quoi", "déjà utilisé"},
		{"missing start", func(t *triage.Tree) { t.Start = "debut" }, "", "start \"debut\""},
		{"start is an outcome", func(t *triage.Tree) { t.Start = "rancon" }, "", "aucune question"},
		{"empty question", func(t *triage.Tree) { t.Nodes[1].Question = "" }, "quoi", "question vide"},
		{"one option only", func(t *triage.Tree) { t.Nodes[1].Options = t.Nodes[1].Options[:1] }, "quoi", "1 réponse(s)"},
		{"too many options", func(t *triage.Tree) {
			for i := 0; i < 9; i++ {
				t.Nodes[1].Options = append(t.Nodes[1].Options, triage.Option{Label: strings.Repeat("x", i+1), Next: "mail"})
			}
		}, "quoi", "11 réponse(s)"},
		{"empty label", func(t *triage.Tree) { t.Nodes[0].Options[1].Label = "" }, "danger", "réponse 2 sans texte"},
		{"duplicate label", func(t *triage.Tree) { t.Nodes[1].Options[1].Label = "Rançon" }, "quoi", "en double"},
		{"dangling link", func(t *triage.Tree) { t.Nodes[1].Options[1].Next = "nulle-part" }, "quoi", "\"nulle-part\" n'existe pas"},
		{"cycle", func(t *triage.Tree) { t.Nodes[1].Options[1].Next = "danger" }, "danger", "boucle : danger → quoi → danger"},
		{"unreachable node", func(t *triage.Tree) {
			t.Nodes = append(t.Nodes, triage.Node{ID: "orphelin", Question: "?", Options: []triage.Option{{Label: "a", Next: "mail"}, {Label: "b", Next: "rancon"}}})
		}, "orphelin", "question inaccessible"},
		{"unreachable outcome", func(t *triage.Tree) { t.Nodes[1].Options[1].Next = "rancon" }, "mail", "issue inaccessible"},
		{"outcome without title", func(t *triage.Tree) { t.Outcomes[1].Title = "" }, "rancon", "sans titre"},
		{"outcome without diagnosis", func(t *triage.Tree) { t.Outcomes[1].Diagnosis = "" }, "rancon", "sans diagnostic"},
		{"missing definition", func(t *triage.Tree) { t.Outcomes[1].Diagnosis = "cryptolocker" }, "rancon", "diagnostic \"cryptolocker\""},
		{"outcome without steps", func(t *triage.Tree) { t.Outcomes[1].Steps = nil }, "rancon", "sans étape"},
		{"outcome without contacts", func(t *triage.Tree) { t.Outcomes[1].Contacts = nil }, "rancon", "sans contact"},
		{"empty step", func(t *triage.Tree) { t.Outcomes[1].Steps = append(t.Outcomes[1].Steps, "") }, "rancon", "texte vide dans steps"},
		{"empty evidence", func(t *triage.Tree) { t.Outcomes[1].Evidence = []string{""} }, "rancon", "texte vide dans evidence"},
		{"missing service", func(t *triage.Tree) { t.Outcomes[1].Contacts[0].Ref = "17-cyber" }, "rancon", "contact \"17-cyber\" : aucune fiche"},
		{"contact is a definition", func(t *triage.Tree) { t.Outcomes[1].Contacts[0].Ref = "hameconnage" }, "rancon", "un service ou une fiche du pack élus est attendu"},
		{"unknown local category", func(t *triage.Tree) { t.Outcomes[1].Contacts[1].Ref = "@police" }, "rancon", "contact \"@police\""},
		{"unknown own role", func(t *triage.Tree) { t.Outcomes[1].Contacts[1].Ref = "@local:plombier" }, "rancon", "rôle inconnu"},
		{"duplicate contact", func(t *triage.Tree) { t.Outcomes[1].Contacts[1].Ref = "17cyber" }, "rancon", "contact \"17cyber\" en double"},
		{"outcome without sources", func(t *triage.Tree) { t.Outcomes[1].Sources = nil }, "rancon", "sans source"},
		{"source with a bad date", func(t *triage.Tree) { t.Outcomes[1].Sources[0].Date = "mars 2024" }, "rancon", "source incomplète"},
		{"see also names nothing", func(t *triage.Tree) { t.Outcomes[1].SeeAlso = []string{"nulle-part"} }, "rancon", "voir aussi \"nulle-part\" : aucune issue"},
		{"see also names a question", func(t *triage.Tree) { t.Outcomes[1].SeeAlso = []string{"quoi"} }, "rancon", "voir aussi \"quoi\" : aucune issue"},
		{"see also names itself", func(t *triage.Tree) { t.Outcomes[1].SeeAlso = []string{"rancon"} }, "rancon", "elle-même"},
		{"see also twice", func(t *triage.Tree) { t.Outcomes[1].SeeAlso = []string{"mail", "mail"} }, "rancon", "voir aussi \"mail\" en double"},
		{"continuation names nothing", func(t *triage.Tree) { t.Outcomes[0].ContinueAt = "suite" }, "urgence", "suite du parcours \"suite\""},
		{"continuation names an outcome", func(t *triage.Tree) { t.Outcomes[0].ContinueAt = "mail" }, "urgence", "aucune question"},
		{"continuation makes a cycle", func(t *triage.Tree) { t.Outcomes[1].ContinueAt = "danger" }, "danger", "boucle : danger → quoi → rancon → danger"},
		{"three answers without an exit", func(t *triage.Tree) {
			t.Nodes[1].Options = append(t.Nodes[1].Options, triage.Option{Label: "Autre", Next: "mail"})
		}, "quoi", "sans sortie « Autre chose / je ne sais pas »"},
		{"an exit to an ordinary outcome is no exit", func(t *triage.Tree) {
			t.Nodes[1].Options = append(t.Nodes[1].Options, triage.Option{Label: "Je ne sais pas", Next: "urgence"})
		}, "quoi", "sans sortie"},
	}
	if got := triage.Validate(smallTree(), known); len(got) != 0 {
		t.Fatalf("the small tree itself has problems: %v", got)
	}
	if got := triage.Validate(withExit(smallTree()), known); len(got) != 0 {
		t.Fatalf("the small tree with an exit has problems: %v", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := smallTree()
			tt.spoil(tree)
			problems := triage.Validate(tree, known)
			for _, p := range problems {
				if p.Entry == tt.where && strings.Contains(p.Msg, tt.want) && p.File == triage.FileName {
					return
				}
			}
			t.Errorf("no problem [%s] %q in %v", tt.where, tt.want, problems)
		})
	}
}

// withExit gives the question « quoi » a third answer, « je ne sais pas »,
// to a dead-end outcome reached only that way, and a « voir aussi ».
func withExit(t *triage.Tree) *triage.Tree {
	generic := t.Outcomes[2]
	generic.ID, generic.DeadEnd = "general", true
	t.Outcomes = append(t.Outcomes, generic)
	t.Outcomes[1].SeeAlso = []string{"mail"}
	t.Nodes[1].Options = append(t.Nodes[1].Options, triage.Option{Label: "Je ne sais pas", Next: "general"})
	return t
}

func TestShippedTreeIsValid(t *testing.T) {
	b, err := assets.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range triage.Validate(shippedTree(t), triage.Known(b)) {
		t.Error(p)
	}
}

func TestParseRejectsUnknownFields(t *testing.T) {
	_, err := triage.Parse([]byte("start = \"a\"\n[[nodes]]\nid = \"a\"\nquestoin = \"typo\"\n"))
	if err == nil || !strings.Contains(err.Error(), "nodes.questoin") {
		t.Fatalf("err = %v, want unknown field nodes.questoin", err)
	}
}
