package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"reperecyber/store"
)

// utf16File encodes text as UTF-16 with a byte order mark.
func utf16File(text string, bigEndian bool) []byte {
	units := utf16.Encode([]rune("\ufeff" + text))
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func windows1252(t *testing.T, text string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportEncodingsAndOddFiles feeds import-contacts what spreadsheets
// and people really produce. Each contact is for its own role of Ouessant
// (29155), checked in the user database afterwards.
func TestImportEncodingsAndOddFiles(t *testing.T) {
	dir := t.TempDir()
	const header = "insee;role;nom;telephone;courriel;note\r\n"
	tests := []struct {
		name     string
		file     string
		data     []byte
		wantCode int
		out      []string // each in stdout+stderr
		stored   string   // name stored for role, "" for none
		role     string
	}{
		{"Windows-1252 from Excel", "w.csv", windows1252(t, header+"29155;assureur;Assurance Éole & Cie;02 98 00 00 01;;réunion à l'hôtel\r\n"), 0,
			[]string{"Encodage lu : Windows-1252", "1 contact importé"}, "Assurance Éole & Cie", "assureur"},
		{"UTF-8 with BOM", "b.csv", []byte("\ufeff" + header + "29155;dpo;Délégué Œuvre;;dpo@ouessant.fr;\n"), 0,
			[]string{"Encodage lu : UTF-8 (avec BOM)"}, "Délégué Œuvre", "dpo"},
		{"UTF-16 LE", "le.csv", utf16File(header+"29155;hebergeur;Hébergeur Iroise;;;\r\n", false), 0,
			[]string{"Encodage lu : UTF-16 LE"}, "Hébergeur Iroise", "hebergeur"},
		{"UTF-16 BE", "be.csv", utf16File(header+"29155;informatique;Info Molène;;;\r\n", true), 0,
			[]string{"Encodage lu : UTF-16 BE"}, "Info Molène", "informatique"},
		{"blank spreadsheet rows are skipped", "blank.csv", []byte(header + ";;;;;\n29155;forces;Gendarmerie d'Ouessant;17;;\n ; ;;;;\n"), 0,
			[]string{"1 contact importé"}, "Gendarmerie d'Ouessant", "forces"},
		{"a line break inside a quoted cell", "nl.csv", []byte(header + "29155;referent-elus;\"Mme la\nréférente\";;;\n"), 0,
			[]string{"1 contact importé"}, "Mme la référente", "referent-elus"},
		{"row starting with an unbalanced quote", "quote.csv", []byte(header + "\"29155;elu-astreinte;x;;;\n"), 2,
			[]string{"ligne 2 : un guillemet", "Aucun contact"}, "", "elu-astreinte"},
		{"bare quote inside a value", "bare.csv", []byte(header + "29155;elu-astreinte;Mairie \"annexe\";;;\n"), 2,
			[]string{"ligne 2 : un guillemet \" au milieu", "Aucun contact"}, "", "elu-astreinte"},
		{"emoji refused with its line", "emoji.csv", []byte(header + "29155;elu-astreinte;Astreinte 📞🚒;;;\n"), 2,
			[]string{"ligne 2 : nom : caractères « 📞 » (U+1F4DE), « 🚒 » (U+1F692) impossibles à imprimer"}, "", "elu-astreinte"},
		{"Chinese refused with its line", "cjk.toml", []byte("[[contact]]\ninsee = \"29155\"\nrole = \"elu-astreinte\"\nnom = \"市政厅\"\n"), 2,
			[]string{"ligne 1 : nom : caractères « 市 »"}, "", "elu-astreinte"},
		{"TOML number without quotes", "n.toml", []byte("[[contact]]\ninsee = 29155\nrole = \"elu-astreinte\"\nnom = \"x\"\n"), 2,
			[]string{"ligne 1 : « insee » doit s'écrire entre guillemets"}, "", "elu-astreinte"},
		{"a spreadsheet saved as xlsx", "x.csv", []byte("PK\x03\x04\x14\x00\x00\x00binary"), 2,
			[]string{"n'est pas du texte"}, "", "elu-astreinte"},
		{"escape sequences are shown, not run", "esc.csv", []byte(header + "29155;\x1b[2Jpwned\x07;x;;;\n"), 2,
			[]string{"rôle « [2jpwned » inconnu"}, "", "elu-astreinte"},
		{"a folder", "folder.csv", nil, 2, []string{"n'est pas un fichier ordinaire"}, "", "elu-astreinte"},
		{"too big", "big.csv", []byte(header + strings.Repeat("29155;elu-astreinte;x;;;\n", 11<<20/25)), 2,
			[]string{"dépasse 10 Mo"}, "", "elu-astreinte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if tt.data == nil {
				must(t, os.Mkdir(path, 0o755))
			} else {
				must(t, os.WriteFile(path, tt.data, 0o600))
			}
			stdout, stderr, code := run(t, "import-contacts", path)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.wantCode, stdout, stderr)
			}
			for _, w := range tt.out {
				if !strings.Contains(stdout+stderr, w) {
					t.Errorf("output lacks %q:\n%s%s", w, stdout, stderr)
				}
			}
			if strings.ContainsRune(stdout+stderr, 0x1b) {
				t.Error("an escape character reached the terminal")
			}
			if got := storedName(t, tt.role); got != tt.stored {
				t.Errorf("stored %s = %q, want %q", tt.role, got, tt.stored)
			}
		})
	}
}

func storedName(t *testing.T, role string) string {
	t.Helper()
	u, err := store.OpenUser(store.PathsIn(dataDir).User)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	list, err := u.LocalContacts(context.Background(), "29155")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if string(c.Role) == role {
			return c.Name
		}
	}
	return ""
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
