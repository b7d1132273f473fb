package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"reperecyber/appinfo"
	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/store"
)

// runInput runs a command with stdin; a nil stdin is allowed (Env zero value).
func runInput(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{
		Stdout: &out, Stderr: &errb, Stdin: stdin,
		Info: appinfo.Info{Name: "Repère Cyber", Version: "0.0.0-test", Build: 1},
		Core: core.Config{Paths: store.PathsIn(dataDir), App: appinfo.Info{Name: "Repère Cyber", Version: "0.0.0-test", Build: 1}},
	}
	code = cli.Run(context.Background(), args, env)
	return out.String(), errb.String(), code
}

func TestTriageWizard(t *testing.T) {
	const ransomware = "2\n1\n1\n" // pas de danger, la mairie, une rançon
	tests := []struct {
		name     string
		args     []string
		input    string
		wantCode int
		stdout   []string // each must appear in stdout
		stderr   []string // each must appear in stderr
		absent   []string // none may appear in stdout
	}{
		{"danger stops at once", nil, "1\n", 0,
			[]string{"Question 1", "Une personne est en danger : appelez le 17", "1. Appelez le 17", "17 – Police secours"}, nil, []string{"Question 2"}},
		{"ransomware without commune", nil, ransomware, 0,
			[]string{"Rançongiciel sur le réseau de la mairie", "Diagnostic : Rançongiciel", "À faire maintenant", "1. Débranchez", "À ne pas faire", "Ne payez pas la rançon", "Preuves à garder", "Délais", "72 heures", "Indiquez votre commune", "Sources"}, nil, nil},
		{"ransomware in Brest: the Breton CSIRT with its hours", []string{"--commune", "29200"}, ransomware, 0,
			[]string{"pour Brest (Finistère (29), Bretagne)", "Breizh Cyber", "0 800 200 008", "Horaires : Du lundi au vendredi", "ANSSI – délégation Bretagne"}, nil, []string{"Indiquez votre commune"}},
		{"ransomware in Mayotte: no CSIRT, say so and fall back", []string{"--commune", "Mamoudzou"}, ransomware, 0,
			[]string{"Mayotte n'a pas de CSIRT", "Cybermalveillance.gouv.fr", "ANSSI – délégation outre-mer"}, nil, nil},
		{"letters get a hint and the question again", nil, "oui\n" + ransomware, 0,
			[]string{"Réponse non comprise : tapez un numéro de 1 à 2", "Rançongiciel sur le réseau"}, nil, nil},
		{"out of range numbers get a hint", nil, "0\n3\n-1\n99999999999999999999\n" + ransomware, 0,
			[]string{"Réponse non comprise", "Rançongiciel sur le réseau"}, nil, nil},
		{"empty line gets a hint", nil, "\n   \n" + ransomware, 0,
			[]string{"Réponse non comprise", "Rançongiciel sur le réseau"}, nil, nil},
		{"back changes the answer", nil, "2\nb\n1\n", 0,
			[]string{"Question 2", "Une personne est en danger"}, nil, nil},
		{"back at the first question says so", nil, "b\n1\n", 0,
			[]string{"déjà à la première question", "Une personne est en danger"}, nil, nil},
		{"restart", nil, "2\n2\nr\n1\n", 0,
			[]string{"Que vous arrive-t-il ?", "Une personne est en danger"}, nil, nil},
		{"walk by choices to password phishing", nil, "2\n3\n1\n4\n1\n3\n", 0,
			[]string{"Hameçonnage : mot de passe ou code donné", "Changez tout de suite le mot de passe"}, nil, nil},
		{"danger, then the walk goes on", nil, "1\nc\n2\n1\n", 0,
			[]string{"appelez le 15", "tapez c puis Entrée", "Que vous arrive-t-il ?", "Élu menacé ou intimidé", "Voir aussi"}, nil, nil},
		{"danger, then the person stops", nil, "1\nq\n", 0,
			[]string{"tapez c puis Entrée"}, nil, []string{"Question 2"}},
		{"no answer fits: the generic outcome", nil, "2\n5\n", 0,
			[]string{"Situation imprévue", "17Cyber"}, nil, nil},
		{"quit", nil, "2\nQ\n", 0,
			[]string{"Parcours arrêté"}, nil, []string{"À faire maintenant"}},
		{"end of input at once", nil, "", 1,
			nil, []string{"Saisie terminée avant la fin du parcours"}, []string{"À faire maintenant"}},
		{"end of input halfway", nil, "2\n1\n", 1,
			[]string{"Question 3"}, []string{"Saisie terminée"}, []string{"À faire maintenant"}},
		{"unknown commune", []string{"--commune", "Atlantide"}, ransomware, 2,
			nil, []string{"Aucune commune ne correspond à « Atlantide »"}, []string{"Question 1"}},
		{"ambiguous commune", []string{"--commune", "Saint-Martin"}, ransomware, 2,
			nil, []string{"Plusieurs communes", "--commune CODE_INSEE"}, []string{"Question 1"}},
		{"stray argument", []string{"rançon"}, ransomware, 2, nil, []string{"Usage : reperecyber triage"}, nil},
		{"--tree without --json", []string{"--tree"}, "", 2, nil, []string{"Usage : reperecyber triage"}, nil},
		{"--json without --tree", []string{"--json"}, "", 2, nil, []string{"Usage"}, nil},
		{"--tree with --commune", []string{"--tree", "--json", "--commune", "29200"}, "", 2, nil, []string{"Usage"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runInput(t, strings.NewReader(tt.input), append([]string{"triage"}, tt.args...)...)
			checkRun(t, stdout, stderr, code, tt.wantCode, tt.stdout, tt.stderr)
			for _, s := range tt.absent {
				if strings.Contains(stdout, s) {
					t.Errorf("stdout has %q", s)
				}
			}
		})
	}
}

func TestTriageWithoutStdin(t *testing.T) {
	_, stderr, code := runInput(t, nil, "triage")
	if code != cli.ExitFailure || !strings.Contains(stderr, "Saisie terminée") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
}

func TestTriageTreeJSON(t *testing.T) {
	stdout, stderr, code := runInput(t, nil, "triage", "--tree", "--json")
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	var tree struct {
		Start string `json:"start"`
		Nodes map[string]struct {
			Question string `json:"question"`
			Options  []struct{ Label, Next string }
		} `json:"nodes"`
		Outcomes map[string]struct {
			Title     string   `json:"title"`
			Diagnosis string   `json:"diagnosis"`
			Steps     []string `json:"steps"`
			Contacts  []string `json:"contacts"`
		} `json:"outcomes"`
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if tree.Start != "danger" || tree.Nodes["danger"].Question == "" {
		t.Errorf("start %q, first question %q", tree.Start, tree.Nodes["danger"].Question)
	}
	r := tree.Outcomes["rancongiciel-mairie"]
	if r.Diagnosis != "rancongiciel" || len(r.Steps) == 0 || r.Contacts[0] != "@csirt" {
		t.Errorf("rancongiciel-mairie: %+v", r)
	}
	if len(tree.Outcomes) < 25 {
		t.Errorf("%d outcomes, want at least 25", len(tree.Outcomes))
	}
	if strings.Contains(stdout, `\u00`) || strings.Contains(stdout, `\u003c`) {
		t.Error("French text escaped in JSON")
	}
}

// TestWizardPrintsOwnContacts: the contacts a mairie saved for itself
// reach the outcome, with their numbers, for the roles it needs.
func TestWizardPrintsOwnContacts(t *testing.T) {
	csv := t.TempDir() + "/contacts.csv"
	data := "insee;role;nom;telephone;courriel;note\n" +
		"29019;informatique;Infogérance Ouest;02 98 11 22 33;;\n" +
		"29019;assureur;Mutuelle des communes;02 98 44 55 66;;contrat n° 42\n"
	if err := os.WriteFile(csv, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "import-contacts", csv); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	stdout, stderr, code := runInput(t, strings.NewReader("2\n1\n1\n"), "triage", "--commune", "29019")
	want := []string{"Appelez maintenant, pour Brest", "Prestataire informatique", "Infogérance Ouest : 02 98 11 22 33", "Assureur", "Mutuelle des communes : 02 98 44 55 66", "Breizh Cyber"}
	checkRun(t, stdout, stderr, code, 0, want, nil)
	if strings.Index(stdout, "02 98 11 22 33") > strings.Index(stdout, "À faire maintenant") {
		t.Error("the IT provider's number comes after the steps")
	}
	if !strings.Contains(stdout, "Délégué à la protection des données") || !strings.Contains(stdout, "pas encore enregistré") {
		t.Error("a role with no saved contact is not explained")
	}
}
