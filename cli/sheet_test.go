package cli_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"reperecyber/store"
)

func TestSheetCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "brest.pdf")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		stderr   string
	}{
		{"one commune", []string{"sheet", "--commune", "29019", "-o", out}, 0, ""},
		{"unknown commune", []string{"sheet", "--commune", "Atlantide"}, 2, "Aucune commune ne correspond à « Atlantide »"},
		{"ambiguous commune lists candidates", []string{"sheet", "--commune", "Saint-Martin"}, 2, "Plusieurs communes"},
		{"unknown département", []string{"sheet", "--departement", "00"}, 2, "Aucun département"},
		{"unknown EPCI", []string{"sheet", "--epci", "123"}, 2, "Aucune intercommunalité"},
		{"two targets", []string{"sheet", "--commune", "29019", "--departement", "29"}, 2, "Usage"},
		{"split needs a batch", []string{"sheet", "--commune", "29019", "--split", dir}, 2, "Usage"},
		{"nothing", []string{"sheet"}, 2, "Usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := run(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
	if st, err := os.Stat(out); err != nil || st.Size() < 10_000 {
		t.Errorf("no sheet written: %v", err)
	}
}

// TestSheetBatchSplit: an EPCI, one file per commune, named by INSEE code
// and name.
func TestSheetBatchSplit(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := run(t, "sheet", "--epci", "242900314", "--split", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "fiche-contacts-29019-brest.pdf")); err != nil {
		t.Error(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 8 {
		t.Errorf("%d files for Brest Métropole's 8 communes", len(files))
	}
}

func TestImportContacts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("ok.csv", "insee;rôle;nom;téléphone;courriel;note\n29019;informatique;Ker Info;02 98 00 00 00;aide@ker.fr;astreinte 24 h/24\n29019;forces;Commissariat de Brest;17;;\n")
	bad := write("bad.csv", "insee,role,nom,telephone,courriel,note\n29019,assureur,Mutuelle,02 98 00 00 01,,\n99999,plombier,,abc,pas-un-courriel,\n")
	tomlFile := write("c.toml", "[[contact]]\ninsee = \"2A004\"\nrole = \"dpo\"\nnom = \"Mme Hélène Œuvray\"\ncourriel = \"dpo@ajaccio.fr\"\n\n[[contact]]\ninsee = \"2A004\"\nrole = \"maire\"\n")
	tests := []struct {
		name     string
		file     string
		wantCode int
		out      []string
	}{
		{"csv with semicolons and French headers", good, 0, []string{"2 contacts importés pour 1 commune"}},
		{"every error with its line, nothing imported", bad, 2, []string{"ligne 3 : aucune commune n'a le code INSEE « 99999 »", "ligne 3 : rôle « plombier » inconnu", "ligne 3 : téléphone « abc » invalide", "ligne 3 : courriel", "aucun contact n'a été importé"}},
		{"toml with line numbers", tomlFile, 2, []string{"ligne 7 : rôle « maire » inconnu"}},
		{"unknown extension", write("x.txt", "a"), 2, []string{".csv ou .toml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, "import-contacts", tt.file)
			if code != tt.wantCode {
				t.Errorf("exit %d\n%s%s", code, stdout, stderr)
			}
			for _, w := range tt.out {
				if !strings.Contains(stdout+stderr, w) {
					t.Errorf("output lacks %q:\n%s%s", w, stdout, stderr)
				}
			}
		})
	}
	u, err := store.OpenUser(store.PathsIn(dataDir).User)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	brest, _ := u.LocalContacts(context.Background(), "29019")
	if len(brest) != 2 || brest[0].Name != "Commissariat de Brest" {
		t.Errorf("Brest: %+v (the bad file must not have added its assureur)", brest)
	}
	if ajaccio, _ := u.LocalContacts(context.Background(), "2A004"); len(ajaccio) != 0 {
		t.Errorf("Ajaccio: %+v, want nothing from a file with an error", ajaccio)
	}
	// The imported contacts appear on the sheet.
	out := filepath.Join(dir, "brest.pdf")
	if _, stderr, code := run(t, "sheet", "--commune", "29019", "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, _ := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
		if !strings.Contains(string(text), "Ker Info") {
			t.Error("imported contact missing from the sheet")
		}
	}
}
