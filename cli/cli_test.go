package cli_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/store"
)

var dataDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "reperecyber-cli")
	if err != nil {
		panic(err)
	}
	dataDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs a command with no input (see runInput).
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runInput(t, nil, args...)
}

func TestCommands(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		stdout   []string // each must appear in stdout
		stderr   []string // each must appear in stderr
	}{
		{"no argument prints help", nil, 0, []string{"reperecyber commune"}, nil},
		{"unknown command", []string{"frobnicate"}, 2, nil, []string{"Commande inconnue", "reperecyber show"}},
		{"version", []string{"version"}, 0, []string{"0.0.0-test", "34\u202f969 communes", "6.0.0", "reference.db", "user.db"}, nil},
		{"check", []string{"check"}, 0, []string{"Contenu valide"}, nil},
		{"show a definition", []string{"show", "rancongiciel"}, 0, []string{"Rançongiciel", "Définition"}, nil},
		{"show a service with sources", []string{"show", "csirt-bretagne"}, 0, []string{"Breizh Cyber", "Source :"}, nil},
		{"show ignores case", []string{"show", "RANCONGICIEL"}, 0, []string{"Rançongiciel"}, nil},
		{"show unknown id", []string{"show", "nope"}, 2, nil, []string{"Aucune fiche"}},
		{"show without id", []string{"show"}, 2, nil, []string{"Usage"}},
		{"commune by INSEE code", []string{"commune", "29019"}, 0, []string{"Brest (code INSEE 29019)", "Finistère", "Bretagne", "Breizh Cyber", "Services nationaux"}, nil},
		{"commune by postcode", []string{"commune", "29200"}, 0, []string{"Brest (code INSEE 29019)"}, nil},
		{"commune by name without accents", []string{"commune", "saint", "etienne"}, 0, []string{"Saint-Étienne (code INSEE 42218)", "Loire"}, nil},
		{"commune in Corsica", []string{"commune", "2a004"}, 0, []string{"Ajaccio", "Corse"}, nil},
		{"ambiguous name lists candidates on stderr", []string{"commune", "Saint-Martin"}, 2, nil, []string{"Plusieurs communes", "code INSEE"}},
		{"postcode shared by several communes", []string{"commune", "29860"}, 2, nil, []string{"Plusieurs communes", "Bourg-Blanc", "Finistère (29), Bretagne"}},
		// INSEE codes that are also other communes' postcodes open their commune.
		{"Lille by INSEE code, also a postcode", []string{"commune", "59350"}, 0, []string{"Lille (code INSEE 59350)", "CSIRT Hauts-de-France", "Autres communes du code postal 59350", "Saint-André-lez-Lille"}, nil},
		{"Rouen by INSEE code", []string{"commune", "76540"}, 0, []string{"Rouen (code INSEE 76540)", "Normandie"}, nil},
		{"Saint-Denis de La Réunion by INSEE code", []string{"commune", "97411"}, 0, []string{"Saint-Denis (code INSEE 97411)", "La Réunion"}, nil},
		{"Nouméa by INSEE code", []string{"commune", "98818"}, 0, []string{"Nouméa (code INSEE 98818)"}, nil},
		{"La Rochelle by INSEE code", []string{"commune", "17300"}, 0, []string{"La Rochelle (code INSEE 17300)", "Nouvelle-Aquitaine"}, nil},
		{"Moulins by INSEE code", []string{"commune", "03190"}, 0, []string{"Moulins (code INSEE 03190)", "Auvergne-Rhône-Alpes"}, nil},
		{"commune name with a typo", []string{"commune", "bordaux"}, 0, []string{"Bordeaux (code INSEE 33063)"}, nil},
		{"postcode across two régions names them", []string{"commune", "cp:01410"}, 2, nil, []string{"Plusieurs communes", "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté"}},
		{"Mayotte has no CSIRT: say so", []string{"commune", "Mamoudzou"}, 0, []string{"Mamoudzou", "Attention"}, nil},
		{"unknown commune", []string{"commune", "Atlantide"}, 2, nil, []string{"Aucune commune ne correspond à « Atlantide »"}},
		{"empty commune query", []string{"commune", "  "}, 2, nil, []string{"Usage"}},
		{"search text", []string{"search", "rançongicel"}, 0, []string{"Définition", "Rançongiciel", "(rancongiciel)"}, nil},
		{"search json", []string{"search", "--json", "--limit", "1", "29200"}, 0, []string{`"id": "29019"`, `"kind": "commune"`, `"score":`, `"subtitle": "29200`}, nil},
		{"search by kind", []string{"search", "--kind", "commune", "brest"}, 0, []string{"Commune", "Brest"}, nil},
		{"search finds triage outcomes by symptom", []string{"search", "--kind", "triage", "fichiers chiffrés rançon"}, 0, []string{"Que faire", "(rancongiciel-mairie)"}, nil},
		{"search no result in text", []string{"search", "xyzzyqw"}, 0, []string{"Aucun résultat pour « xyzzyqw »"}, nil},
		{"search no result in json", []string{"search", "--json", "xyzzyqw"}, 0, []string{"[]"}, nil},
		{"search without words", []string{"search"}, 2, nil, []string{"Usage : reperecyber search"}},
		{"search only punctuation", []string{"search", "!!"}, 2, nil, []string{"Usage"}},
		{"search unknown kind", []string{"search", "--kind", "nope", "x"}, 2, nil, []string{"Type \"nope\" inconnu"}},
		{"search bad limit", []string{"search", "--limit", "0", "x"}, 2, nil, []string{"Usage"}},
		{"config set commune by postcode", []string{"config", "commune", "29200"}, 0, []string{"commune = 29019"}, nil},
		{"config read back", []string{"config", "commune"}, 0, []string{"29019"}, nil},
		{"config list", []string{"config"}, 0, []string{"commune", "29019", "text_size", "theme"}, nil},
		{"config bad value", []string{"config", "theme", "rose"}, 2, nil, []string{"Valeurs possibles : system, light, dark"}},
		{"config ambiguous commune", []string{"config", "commune", "Saint-Martin"}, 2, nil, []string{"Plusieurs communes"}},
		{"config commune by INSEE code that is also a postcode", []string{"config", "commune", "59350"}, 0, []string{"commune = 59350"}, nil},
		{"config commune back to Brest", []string{"config", "commune", "Brest"}, 0, []string{"commune = 29019"}, nil},
		{"show opens outcomes too", []string{"show", "rancongiciel-mairie"}, 0, []string{"Rançongiciel sur le réseau de la mairie", "Appelez maintenant"}, nil},
		{"config unknown key", []string{"config", "couleur", "bleu"}, 2, nil, []string{"Réglage inconnu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, tt.args...)
			checkRun(t, stdout, stderr, code, tt.wantCode, tt.stdout, tt.stderr)
		})
	}
}

// TestMissedSearchIsRecorded: a search that found nothing is kept in the
// user database (query and day only).
func TestMissedSearchIsRecorded(t *testing.T) {
	if _, _, code := run(t, "search", "zorglubienne"); code != 0 {
		t.Fatal("search failed")
	}
	u, err := store.OpenUser(store.PathsIn(dataDir).User)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	missed, err := u.MissedQueries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missed {
		if m.Query == "zorglubienne" {
			return
		}
	}
	t.Errorf("not recorded: %+v", missed)
}

// TestDamagedReferenceIsRebuilt: a reference database that is not a
// database (a crash, a bad copy) holds no user data, so it is replaced.
func TestDamagedReferenceIsRebuilt(t *testing.T) {
	paths := store.PathsIn(t.TempDir())
	if err := os.WriteFile(paths.Reference, bytes.Repeat([]byte("x"), 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), []string{"show", "rancongiciel"}, cli.Env{
		Stdout: &out, Stderr: &errb, Core: core.Config{Paths: paths},
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

func TestFicheCommand(t *testing.T) {
	out := t.TempDir() + "/fiche.pdf"
	if _, stderr, code := run(t, "fiche", "rancongiciel-mairie", "--commune", "29200", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown outcome", []string{"fiche", "nope"}, "Aucune issue"},
		{"no outcome", []string{"fiche"}, "Usage"},
		{"unknown commune", []string{"fiche", "rancongiciel-mairie", "--commune", "Atlantide"}, "Aucune commune"},
		{"ambiguous commune", []string{"fiche", "rancongiciel-mairie", "--commune", "Saint-Martin"}, "Plusieurs communes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, stderr, code := run(t, tt.args...); code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}

// checkRun checks a command's exit code and that its outputs hold the
// wanted pieces of text.
func checkRun(t *testing.T, stdout, stderr string, code, wantCode int, wantOut, wantErr []string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, wantCode, stdout, stderr)
	}
	for _, want := range wantOut {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, want := range wantErr {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
