package cli

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// importSeeds are files people really write: the cases of the import
// tests, reused as fuzz seeds.
var importSeeds = []string{
	"insee;rôle;nom;téléphone;courriel;note\n29019;informatique;Ker Info;02 98 00 00 00;aide@ker.fr;astreinte\n",
	"insee,role,nom,telephone,courriel,note\n29019,assureur,Mutuelle,02 98 00 00 01,,\n",
	"insee;role;nom\n\"29019;dpo;x\n",
	"insee;role;nom\n29019;dpo;Mairie \"annexe\"\n;;\n",
	"\ufeffinsee;role\n2A004;dpo\n",
	"\xff\xfei\x00n\x00s\x00e\x00e\x00\n\x00",
	"insee;role;nom\n29155;forces;Gendarmerie d'Ouessant \xe9\n",
}

func FuzzParseContactsCSV(f *testing.F) {
	for _, s := range importSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := decodeText(data)
		if err != nil {
			return
		}
		if !utf8.Valid(text) {
			t.Fatalf("decodeText returned invalid UTF-8 for %q", data)
		}
		rows, err := parseContactsCSV(text)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\x00\x1b") {
				t.Fatalf("control character in message %q", err)
			}
			return
		}
		for _, r := range rows {
			if r.line < 2 {
				t.Fatalf("row at line %d", r.line)
			}
			for _, v := range []string{r.c.Name, r.c.Phone, r.c.Email, r.c.Note} {
				if strings.ContainsFunc(v, isControl) {
					t.Fatalf("control character kept in %q", v)
				}
			}
			_ = glyphProblems(r.c)
		}
	})
}

func FuzzParseContactsTOML(f *testing.F) {
	f.Add([]byte("[[contact]]\ninsee = \"2A004\"\nrole = \"dpo\"\nnom = \"Mme Hélène Œuvray\"\n"))
	f.Add([]byte("[[contact]]\ninsee = 29019\n"))
	f.Add([]byte("[[contact]\ninsee = \"x\"\n"))
	f.Add([]byte("[[contact]]\nnom = \"a\\nb\"\n[[contact]]\nautre = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := decodeText(data)
		if err != nil {
			return
		}
		rows, err := parseContactsTOML(text)
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.line < 1 {
				t.Fatalf("row at line %d", r.line)
			}
		}
	})
}
