package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reperecyber/cli"
	"reperecyber/store"
)

// runIn runs a command with its own data folder.
func runIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := testEnv(&out, &errb)
	env.Core.Paths = store.Paths{Reference: store.PathsIn(dataDir).Reference, User: filepath.Join(dir, "user.db")}
	code = cli.Run(context.Background(), args, env)
	return out.String(), errb.String(), code
}

func TestUserDataCommands(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	file := filepath.Join(t.TempDir(), "donnees.zip")
	steps := []struct {
		name     string
		dir      string
		args     []string
		wantCode int
		out      string
	}{
		{"nothing to restore yet", dir, []string{"restore"}, 1, "Aucune sauvegarde"},
		{"a setting to keep", dir, []string{"config", "commune", "29019"}, 0, "commune = 29019"},
		{"export", dir, []string{"export-data", file}, 0, "import-data"},
		{"export refuses to replace a non-ZIP", dir, []string{"export-data", filepath.Join(dir, "user.db")}, 2, "--force"},
		{"import on another computer", other, []string{"import-data", file}, 0, "Données importées"},
		{"the setting moved", other, []string{"config", "commune"}, 0, "29019"},
		{"import refuses a file that is not one", other, []string{"import-data", filepath.Join(other, "user.db")}, 1, "n'est pas un fichier de données"},
		{"a damaged user.db is named", other, nil, 1, "endommagé"},
		{"list backups", other, []string{"restore", "--list"}, 0, "sauvegardes"},
		{"restore the newest", other, []string{"restore"}, 0, "restaurées"},
		{"the setting is back", other, []string{"config", "commune"}, 0, "29019"},
		{"restore: unknown option named", other, []string{"restore", "--tout"}, 2, "Option inconnue : « --tout »"},
	}
	for _, s := range steps {
		if s.args == nil { // damage the file, after a backup of it
			u, err := store.OpenUser(filepath.Join(s.dir, "user.db"))
			must(t, err)
			_, err = u.BackupNow(context.Background())
			must(t, err)
			must(t, u.Close())
			must(t, os.WriteFile(filepath.Join(s.dir, "user.db"), bytes.Repeat([]byte("abîmé "), 200), 0o600))
			s.args = []string{"config", "commune"}
		}
		stdout, stderr, code := runIn(t, s.dir, s.args...)
		if code != s.wantCode || !strings.Contains(stdout+stderr, s.out) {
			t.Errorf("%s: exit %d, want %d and %q\n%s%s", s.name, code, s.wantCode, s.out, stdout, stderr)
		}
	}
}
