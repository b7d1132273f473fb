package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOutputTargets checks the rule shared by every command writing a
// file: what is not a regular file is refused, a file that is not a PDF
// is replaced only when confirmed or with --force.
func TestOutputTargets(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "notes.txt")
	tests := []struct {
		name     string
		setup    func(t *testing.T) string // returns the -o target
		stdin    string
		force    bool
		wantCode int
		wantErr  string
		replaced bool // the target now holds a PDF
	}{
		{"a symbolic link", func(t *testing.T) string {
			p := filepath.Join(dir, "link.pdf")
			must(t, os.WriteFile(precious, []byte("mes notes"), 0o600))
			os.Remove(p)
			must(t, os.Symlink(precious, p))
			return p
		}, "", true, 2, "lien symbolique", false},
		{"a folder", func(t *testing.T) string {
			p := filepath.Join(dir, "dossier.pdf")
			must(t, os.MkdirAll(p, 0o755))
			return p
		}, "", false, 2, "est un dossier", false},
		{"a device", func(*testing.T) string { return "/dev/null" }, "", true, 2, "pas un fichier ordinaire", false},
		{"a text file, no answer", func(t *testing.T) string {
			must(t, os.WriteFile(precious, []byte("mes notes"), 0o600))
			return precious
		}, "", false, 2, "--force", false},
		{"a text file, answered no", func(t *testing.T) string {
			must(t, os.WriteFile(precious, []byte("mes notes"), 0o600))
			return precious
		}, "n\n", false, 2, "n'a pas été remplacé", false},
		{"a text file, answered yes", func(t *testing.T) string {
			must(t, os.WriteFile(precious, []byte("mes notes"), 0o600))
			return precious
		}, "o\n", false, 0, "", true},
		{"a text file with --force", func(t *testing.T) string {
			must(t, os.WriteFile(precious, []byte("mes notes"), 0o600))
			return precious
		}, "", true, 0, "", true},
		{"an older PDF is replaced without a question", func(t *testing.T) string {
			p := filepath.Join(dir, "old.pdf")
			must(t, os.WriteFile(p, []byte("%PDF-1.4 old"), 0o600))
			return p
		}, "", false, 0, "", true},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"sheet", "--commune", "29155"}, {"fiche", "rancongiciel-mairie"}} {
			t.Run(tt.name+"/"+cmd[0], func(t *testing.T) {
				target := tt.setup(t)
				args := append(append([]string{}, cmd...), "-o", target)
				if tt.force {
					args = append(args, "--force")
				}
				_, stderr, code := runInput(t, strings.NewReader(tt.stdin), args...)
				if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
					t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.wantCode, tt.wantErr)
				}
				if data, err := os.ReadFile(precious); err == nil && !tt.replaced && !strings.HasPrefix(string(data), "mes notes") {
					t.Errorf("notes.txt was replaced: %.20q", data)
				}
				if tt.replaced {
					if data, _ := os.ReadFile(target); !strings.HasPrefix(string(data), "%PDF-") {
						t.Errorf("%s not replaced by a PDF", target)
					}
				}
			})
		}
	}
}

// TestStaleTemporaryFilesAreRemoved leaves the temporary file of an export
// killed before its rename: the next export beside it removes it.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "brest.pdf")
	stale := filepath.Join(dir, ".brest.pdf.123456.tmp")
	fresh := filepath.Join(dir, ".brest.pdf.654321.tmp")
	other := filepath.Join(dir, ".autre.pdf.1.tmp")
	for _, p := range []string{stale, fresh, other} {
		must(t, os.WriteFile(p, []byte("%PDF-1.7 half"), 0o600))
	}
	old := time.Now().Add(-time.Hour)
	must(t, os.Chtimes(stale, old, old))
	must(t, os.Chtimes(other, old, old))
	if _, stderr, code := run(t, "sheet", "--commune", "29019", "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	for p, want := range map[string]bool{stale: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// TestPartialSplitSaysWhatWasWritten stops a --split on a file it may not
// replace: the message counts the sheets already written.
func TestPartialSplitSaysWhatWasWritten(t *testing.T) {
	dir := t.TempDir()
	// Brest Métropole's communes in INSEE order: Brest (29019) comes second.
	must(t, os.Mkdir(filepath.Join(dir, "fiche-contacts-29019-brest.pdf"), 0o755))
	_, stderr, code := run(t, "sheet", "--epci", "242900314", "--split", dir)
	if code == 0 || !strings.Contains(stderr, "sur 8 écrite") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stderr, "aucun fichier n'a été modifié") {
		t.Errorf("says nothing was written: %q", stderr)
	}
}
