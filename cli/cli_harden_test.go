package cli_test

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"strings"
	"testing"

	"reperecyber/appinfo"
	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/store"
)

func testEnv(stdout, stderr io.Writer) cli.Env {
	return cli.Env{
		Stdout: stdout, Stderr: stderr,
		Info: appinfo.Info{Name: "Repère Cyber", Version: "0.0.0-test", Build: 1},
		Core: core.Config{Paths: store.PathsIn(dataDir)},
	}
}

func cliRun(env cli.Env, args ...string) int { return cli.Run(context.Background(), args, env) }

func TestArgumentsAndHelp(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		stdout   []string
		stderr   []string
	}{
		{"version refuses junk", []string{"version", "junk"}, 2, nil, []string{"ne prend pas d'argument", "junk"}},
		{"check refuses junk", []string{"check", "--all"}, 2, nil, []string{"ne prend pas d'argument"}},
		{"help refuses junk", []string{"help", "me", "now"}, 2, nil, []string{"ne prend pas d'argument"}},
		{"help of one command", []string{"help", "sheet"}, 0, []string{"Usage : reperecyber sheet", "--split"}, nil},
		{"-h on a command", []string{"sheet", "-h"}, 0, []string{"Usage : reperecyber sheet"}, nil},
		{"--help on a command", []string{"import-contacts", "--help"}, 0, []string{"Usage : reperecyber import-contacts", "TOML"}, nil},
		{"--help on show", []string{"show", "--help"}, 0, []string{"Usage : reperecyber show ID"}, nil},
		{"unknown flag is named", []string{"sheet", "--comune", "29019"}, 2, nil, []string{"Option inconnue : « --comune »", "Usage"}},
		{"flag without value is named", []string{"search", "--limit"}, 2, nil, []string{"L'option « --limit » attend une valeur"}},
		{"unknown flag of the wizard", []string{"triage", "--json-tree"}, 2, nil, []string{"Option inconnue"}},
		{"unknown command is escaped", []string{"\x1b[31mrouge"}, 2, nil, []string{`Commande inconnue : « \x1b[31mrouge »`}},
		{"argument echoed escaped", []string{"commune", "\x1b]0;titre\x07"}, 2, nil, []string{`« \x1b]0;titre\x07 »`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, tt.args...)
			checkRun(t, stdout, stderr, code, tt.wantCode, tt.stdout, tt.stderr)
			if strings.ContainsRune(stdout+stderr, 0x1b) {
				t.Error("an escape character reached the terminal")
			}
		})
	}
}

// fullWriter is stdout on a full disk.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestFullStdoutFails(t *testing.T) {
	var errb strings.Builder
	env := testEnv(fullWriter{}, &errb)
	if code := cliRun(env, "version"); code == 0 {
		t.Error("exit 0 although nothing could be written")
	}
	if !strings.Contains(errb.String(), "Impossible d'écrire la sortie") {
		t.Errorf("stderr: %q", errb.String())
	}
}

// TestCheckChecksWhatIsServed edits the reference database: check
// rebuilds it and says so.
func TestCheckChecksWhatIsServed(t *testing.T) {
	if _, stderr, code := run(t, "version"); code != 0 {
		t.Fatal(stderr)
	}
	if _, stderr, code := run(t, "commune", "29019"); code != 0 {
		t.Fatal(stderr)
	}
	db, err := sql.Open("sqlite3", "file:"+store.PathsIn(dataDir).Reference)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE contacts SET value = '0 899 00 00 00' WHERE position = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	stdout, stderr, code := run(t, "check")
	checkRun(t, stdout, stderr, code, 0, []string{"Contenu valide", "reconstruite", "Base de référence vérifiée"}, nil)
}
