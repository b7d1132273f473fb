package cli_test

import (
	"context"
	"strings"
	"testing"

	"reperecyber/appinfo"
	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/store"
)

// TestDeadEndsAreRecordedAndExported: « Autre chose / je ne sais pas » is
// kept in the user database and comes back in the CSV export.
func TestDeadEndsAreRecordedAndExported(t *testing.T) {
	dir := t.TempDir()
	run := func(stdin string, args ...string) (string, string, int) {
		var out, errb strings.Builder
		env := cli.Env{
			Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(stdin),
			Info: appinfo.Info{Name: "Repère Cyber", Version: "0.0.0-test", Build: 1},
			Core: core.Config{Paths: store.PathsIn(dir)},
		}
		code := cli.Run(context.Background(), args, env)
		return out.String(), errb.String(), code
	}
	tests := []struct {
		name   string
		input  string // a walk before the export
		want   []string
		absent []string
	}{
		{"nothing recorded yet", "", []string{"jour,question_id,question"}, []string{"mairie-quoi"}},
		{"an ordinary outcome records nothing", "2\n1\n1\n", []string{"jour,question_id,question"}, []string{"mairie-quoi"}},
		{"a dead end at the mairie question", "2\n1\n9\n", []string{"mairie-quoi,Que se passe-t-il à la mairie ?"}, nil},
		{"a dead end at the first question", "2\n5\n", []string{",qui,Qui est touché ?"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.input != "" {
				if _, stderr, code := run(tt.input, "triage"); code != 0 {
					t.Fatalf("walk: code %d, %s", code, stderr)
				}
			}
			stdout, stderr, code := run("", "triage", "--dead-ends")
			if code != 0 {
				t.Fatalf("export: code %d, %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("export lacks %q:\n%s", w, stdout)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(stdout, a) {
					t.Errorf("export has %q:\n%s", a, stdout)
				}
			}
		})
	}
	u, err := store.OpenUser(store.PathsIn(dir).User)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if ends, err := u.DeadEnds(context.Background()); err != nil || len(ends) != 2 {
		t.Errorf("dead ends in the store: %+v, %v; want 2", ends, err)
	}
}

func TestDeadEndsUsage(t *testing.T) {
	_, stderr, code := runInput(t, nil, "triage", "--dead-ends", "--commune", "29200")
	if code != 2 || !strings.Contains(stderr, "--dead-ends") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
}
