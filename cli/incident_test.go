package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newIncident opens an incident through the command and returns its id,
// the last word of the last line.
func newIncident(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := run(t, append([]string{"incident", "new"}, args...)...)
	if code != 0 {
		t.Fatalf("incident new: %d\n%s%s", code, stdout, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	f := strings.Fields(lines[len(lines)-1])
	return f[len(f)-1]
}

func TestIncidentCommands(t *testing.T) {
	id := newIncident(t, "--commune", "29200", "--outcome", "rancongiciel-mairie", "--discovered", "2026-03-28 10:00", "--donnees-personnelles")
	evidence := filepath.Join(t.TempDir(), "rançon.txt")
	if err := os.WriteFile(evidence, []byte("Vos fichiers sont chiffrés.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "dossier.pdf")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		stdout   []string
		stderr   []string
	}{
		{"log a note", []string{"incident", "log", id, "Écran", "noir", "à", "l'accueil"}, 0, []string{"Entrée", "enregistrée à"}, nil},
		{"log a call", []string{"incident", "log", "--kind", "appel", id, "Appel 17Cyber"}, 0, []string{"enregistrée"}, nil},
		{"log with the kind after the text", []string{"incident", "log", id, "Coupure du réseau", "--kind", "décision"}, 0, []string{"enregistrée"}, nil},
		{"correct an entry", []string{"incident", "log", "--corrige", "1", "--kind", "constat", id, "Écran noir au secrétariat"}, 0, []string{"enregistrée"}, nil},
		{"correct an unknown entry", []string{"incident", "log", "--corrige", "99999", id, "x"}, 2, nil, []string{"Aucun incident ni entrée"}},
		{"log without text", []string{"incident", "log", id}, 2, nil, []string{"texte de l'entrée"}},
		{"log blank text", []string{"incident", "log", id, "  "}, 2, nil, []string{"L'entrée est vide"}},
		{"log bad kind", []string{"incident", "log", "--kind", "rumeur", id, "x"}, 2, nil, []string{"Type d'entrée \"rumeur\" inconnu"}},
		{"log bad id", []string{"incident", "log", "abc", "x"}, 2, nil, []string{"n'est pas un numéro d'incident"}},
		{"log unknown incident", []string{"incident", "log", "99999", "x"}, 2, nil, []string{"Aucun incident"}},
		{"log unknown flag", []string{"incident", "log", "--vite", id, "x"}, 2, nil, []string{"Option incorrecte"}},
		{"evidence", []string{"incident", "evidence", id, evidence}, 0, []string{"Preuve copiée : rançon.txt (29 octets)", "SHA-256"}, nil},
		{"evidence missing file", []string{"incident", "evidence", id, evidence + ".absent"}, 1, nil, []string{"Impossible de copier"}},
		{"evidence folder", []string{"incident", "evidence", id, t.TempDir()}, 2, nil, []string{"n'est pas un fichier"}},
		{"list", []string{"incident", "list"}, 0, []string{"Brest", "Rançongiciel", "en cours"}, nil},
		{"show", []string{"incident", "show", id}, 0, []string{"Découvert le samedi 28 mars 2026", "Appel : Appel 17Cyber", "Décision : Coupure du réseau", "rançon.txt", "CNIL"}, nil},
		{"show json", []string{"incident", "show", "--json", id}, 0, []string{`"commune": "Brest"`, `"personal_data": true`, `"sha256"`}, nil},
		{"show without id", []string{"incident", "show"}, 2, nil, []string{"Nombre d'arguments incorrect"}},
		{"dossier", []string{"incident", "dossier", id, "-o", pdf}, 0, []string{"Dossier enregistré"}, nil},
		{"new without commune", []string{"incident", "new"}, 2, nil, []string{"Indiquez la commune"}},
		{"new unknown commune", []string{"incident", "new", "--commune", "Atlantide"}, 2, nil, []string{"Aucune commune"}},
		{"new unknown outcome", []string{"incident", "new", "--commune", "29019", "--outcome", "nope"}, 2, nil, []string{"Aucune issue"}},
		{"new bad time", []string{"incident", "new", "--commune", "29019", "--discovered", "hier"}, 2, nil, []string{"Heure illisible"}},
		{"new future time", []string{"incident", "new", "--commune", "29019", "--discovered", "2099-01-01 10:00"}, 2, nil, []string{"dans le futur"}},
		{"unknown sub-command", []string{"incident", "efface"}, 2, nil, []string{"Sous-commande inconnue"}},
		{"no sub-command", []string{"incident"}, 2, nil, []string{"Usage"}},
		{"help", []string{"incident", "-h"}, 0, []string{"incident dossier ID -o FICHIER.pdf"}, nil},
		{"help of a sub-command", []string{"incident", "log", "-h"}, 0, []string{"incident log ID TEXTE"}, nil},
		{"close", []string{"incident", "close", id}, 0, []string{"clos"}, nil},
		{"log after close", []string{"incident", "log", id, "x"}, 2, nil, []string{"est clos"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, tt.args...)
			checkRun(t, stdout, stderr, code, tt.wantCode, tt.stdout, tt.stderr)
		})
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("dossier not written: %v", err)
	}
}

func TestIncidentListJSON(t *testing.T) {
	newIncident(t, "--commune", "29019")
	stdout, stderr, code := run(t, "incident", "list", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var list []struct {
		ID        int64 `json:"id"`
		Deadlines []struct {
			Label string `json:"label"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal([]byte(stdout), &list); err != nil || len(list) == 0 || list[0].ID == 0 || len(list[0].Deadlines) == 0 {
		t.Errorf("list --json: %v\n%s", err, stdout)
	}
}

// TestIncidentDossierFollowsTheTargetRule: the dossier is written like
// every file: it does not replace a file that is not a PDF without
// --force.
func TestIncidentDossierFollowsTheTargetRule(t *testing.T) {
	_, stderr, code := run(t, "incident", "new", "--commune", "29019")
	if code != 0 {
		t.Fatalf("new: %d %s", code, stderr)
	}
	notPDF := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notPDF, []byte("mes notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, code = run(t, "incident", "dossier", "1", "-o", notPDF)
	if b, _ := os.ReadFile(notPDF); code == 0 || string(b) != "mes notes" {
		t.Errorf("exit %d: a text file was replaced by the dossier", code)
	}
}
