package cli_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/pack"
	"reperecyber/store"
)

// packWorld is a data folder and a publisher's folder, with the start-up
// wiring main does (cli.SelectContent) on each restart.
type packWorld struct {
	t     *testing.T
	paths store.Paths
	pub   string // publisher's folder: keys, content copies, packs
}

var packInfo = appinfo.Info{Name: "Repère Cyber", Version: "0.1.0", Build: 1}

func newPackWorld(t *testing.T) *packWorld {
	w := &packWorld{t: t, paths: store.PathsIn(t.TempDir()), pub: t.TempDir()}
	t.Chdir(w.pub)
	t.Cleanup(func() { assets.Use(nil, nil) })
	return w
}

func (w *packWorld) run(args ...string) (stdout, stderr string, code int) {
	w.t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Info: packInfo, Core: core.Config{Paths: w.paths, App: packInfo}}
	code = cli.Run(context.Background(), args, env)
	return out.String(), errb.String(), code
}

// restart is what main does on every start.
func (w *packWorld) restart() pack.Selection {
	w.t.Helper()
	assets.Use(nil, nil)
	sel, _ := cli.SelectContent(w.paths, packInfo)
	return sel
}

// content copies the embedded content to dir, with edits applied
// (file name → old → new).
func (w *packWorld) content(dir string, edits ...[3]string) string {
	w.t.Helper()
	dir = filepath.Join(w.pub, dir)
	src := assets.EmbeddedContentFS()
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		for _, e := range edits {
			if e[0] == p {
				if !bytes.Contains(data, []byte(e[1])) {
					w.t.Fatalf("%s has no %q", p, e[1])
				}
				data = bytes.Replace(data, []byte(e[1]), []byte(e[2]), 1)
			}
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return dir
}

func version(v string) [3]string {
	return [3]string{"meta.toml", `version = "2026.11.1"`, `version = "` + v + `"`}
}

// marker is a word only the pack's content has.
const marker = "zorglubium"

var withMarker = [3]string{"definitions.toml", "Une action volontaire contre", "Une action volontaire (" + marker + ") contre"}

func (w *packWorld) mustRun(args ...string) string {
	w.t.Helper()
	out, errs, code := w.run(args...)
	if code != 0 {
		w.t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
	}
	return out
}

func (w *packWorld) keygen(name string) pack.Key {
	w.t.Helper()
	w.mustRun("pack", "keygen", name)
	data, err := os.ReadFile(name + ".pub")
	if err != nil {
		w.t.Fatal(err)
	}
	k, err := pack.ParsePublic(data)
	if err != nil {
		w.t.Fatal(err)
	}
	return k
}

func TestPackLifecycle(t *testing.T) {
	w := newPackWorld(t)
	key := w.keygen("essai")
	if st, err := os.Stat("essai.key"); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("essai.key: %v %v", st, err)
	}
	w.keygen("inconnu") // signs a pack this build does not trust
	t.Cleanup(cli.SetTrustedKeys([]pack.Key{key}))

	good := w.content("v2", version("2026.12.2"), withMarker)
	w.mustRun("pack", "build", "--key", "essai.key", "--content", good, "-o", "v2.rcpack")
	w.mustRun("pack", "build", "--key", "essai.key", "--content", w.content("v1", version("2026.12.1")), "-o", "v1.rcpack")
	w.mustRun("pack", "build", "--key", "inconnu.key", "--content", good, "-o", "stranger.rcpack")
	w.mustRun("pack", "build", "--key", "essai.key", "--content", w.content("v3", version("2026.12.3")), "--min-app", "9.0.0", "-o", "newapp.rcpack")

	if out, _, _ := w.run("search", marker); strings.Contains(out, "Cyberattaque") {
		t.Fatalf("embedded content already has the marker:\n%s", out)
	}
	out := w.mustRun("pack", "install", "v2.rcpack")
	checkRun(t, out, "", 0, 0, []string{"Contenu installé : version 2026.12.2", "« essai »"}, nil)
	checkRun(t, w.mustRun("search", marker), "", 0, 0, []string{"Cyberattaque"}, nil)
	checkRun(t, w.mustRun("pack", "status"), "", 0, 0, []string{"version 2026.12.2", "paquet signé par « essai »"}, nil)
	checkRun(t, w.mustRun("version"), "", 0, 0, []string{"Contenu : version 2026.12.2", "« essai »"}, nil)

	v2, err := os.ReadFile("v2.rcpack")
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(v2)
	flipped[len(flipped)/2] ^= 0xff
	if err := os.WriteFile("tampered.rcpack", flipped, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("truncated.rcpack", v2[:len(v2)-200], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, file, want string }{
		{"tampered byte", "tampered.rcpack", "Paquet refusé"},
		{"unknown key", "stranger.rcpack", "« inconnu »"},
		{"older version", "v1.rcpack", "pas plus récent"},
		{"same version again", "v2.rcpack", "pas plus récent"},
		{"pack for a newer app", "newapp.rcpack", "Repère Cyber 9.0.0"},
		{"truncated file", "truncated.rcpack", "incomplet"},
		{"missing file", "absent.rcpack", "impossible d'ouvrir"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := dirSnapshot(t, filepath.Dir(w.paths.User))
			out, errs, code := w.run("pack", "install", tt.file)
			checkRun(t, out, errs, code, 2, nil, []string{tt.want})
			if after := dirSnapshot(t, filepath.Dir(w.paths.User)); after != before {
				t.Errorf("the data folder changed")
			}
		})
	}

	t.Run("survives a restart", func(t *testing.T) {
		if sel := w.restart(); sel.Status.Origin != pack.FromPack || sel.Warning != "" {
			t.Fatalf("after restart: %+v %q", sel.Status, sel.Warning)
		}
		checkRun(t, w.mustRun("search", marker), "", 0, 0, []string{"Cyberattaque"}, nil)
	})
	t.Run("changed on disk, ignored at restart", func(t *testing.T) {
		installed := filepath.Join(filepath.Dir(w.paths.User), pack.InstalledName)
		if err := os.WriteFile(installed, flipped, 0o600); err != nil {
			t.Fatal(err)
		}
		sel := w.restart()
		if sel.Status.Origin != pack.FromEmbedded || !strings.Contains(sel.Warning, "ignoré") {
			t.Fatalf("tampered pack: %+v %q", sel.Status, sel.Warning)
		}
		if out, _, _ := w.run("search", marker); strings.Contains(out, "Cyberattaque") {
			t.Errorf("tampered pack still served:\n%s", out)
		}
		checkRun(t, w.mustRun("pack", "status"), "", 0, 0, []string{"intégré", "ignoré"}, nil)
	})
	t.Run("remove returns to the embedded content", func(t *testing.T) {
		checkRun(t, w.mustRun("pack", "remove"), "", 0, 0, []string{"Paquet retiré"}, nil)
		checkRun(t, w.mustRun("pack", "status"), "", 0, 0, []string{"version 2026.11.1", "intégré"}, nil)
		out, errs, code := w.run("pack", "install", "v1.rcpack")
		checkRun(t, out, errs, code, 2, nil, []string{"déjà été installé"})
	})
}

func TestPackBuildRefusesInvalidContent(t *testing.T) {
	w := newPackWorld(t)
	w.keygen("essai")
	bad := w.content("bad", [3]string{"meta.toml", `version = "2026.11.1"`, `version = ""`})
	out, errs, code := w.run("pack", "build", "--key", "essai.key", "--content", bad, "-o", "bad.rcpack")
	checkRun(t, out, errs, code, 1, nil, []string{"[meta] version", "rien n'a été signé"})
	if _, err := os.Stat("bad.rcpack"); err == nil {
		t.Error("an invalid pack was written")
	}
}

func TestPackUsage(t *testing.T) {
	w := newPackWorld(t)
	for _, tt := range []struct {
		name     string
		args     []string
		wantCode int
		stdout   []string
		stderr   []string
	}{
		{"no subcommand", []string{"pack"}, 2, nil, []string{"Usage : reperecyber pack"}},
		{"help", []string{"pack", "-h"}, 0, []string{"pack install"}, nil},
		{"unknown", []string{"pack", "frobnicate"}, 2, nil, []string{"Commande inconnue"}},
		{"install -h", []string{"pack", "install", "-h"}, 0, []string{"Usage : reperecyber pack install"}, nil},
		{"build -h", []string{"pack", "build", "-h"}, 0, []string{"--content"}, nil},
		{"build without key", []string{"pack", "build", "--content", "x", "-o", "y"}, 2, nil, []string{"Usage"}},
		{"build bad flag", []string{"pack", "build", "--nope"}, 2, nil, []string{"nope"}},
		{"keygen -h", []string{"pack", "keygen", "-h"}, 0, []string{"NOM.key"}, nil},
		{"keygen bad name", []string{"pack", "keygen", "Mon Nom"}, 2, nil, []string{"Nom de clé invalide"}},
		{"status -h", []string{"pack", "status", "-h"}, 0, []string{"Usage"}, nil},
		{"remove with nothing", []string{"pack", "remove"}, 0, []string{"Aucun paquet"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := w.run(tt.args...)
			checkRun(t, out, errs, code, tt.wantCode, tt.stdout, tt.stderr)
		})
	}
}

// dirSnapshot is the names, sizes and bytes of the files in dir, except
// SQLite's own files, which reads may touch.
func dirSnapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".db") || e.IsDir() {
			continue // the databases and the backups folder have their own rules
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(e.Name() + "\x00" + string(data) + "\x00")
	}
	return b.String()
}

// TestPackWithCommunesData: a pack that carries the communes data serves
// it (here the embedded files with one commune renamed).
func TestPackWithCommunesData(t *testing.T) {
	dataSrc, err := filepath.Abs("../assets/data")
	if err != nil {
		t.Fatal(err)
	}
	w := newPackWorld(t)
	t.Cleanup(cli.SetTrustedKeys([]pack.Key{w.keygen("essai")}))
	data := filepath.Join(w.pub, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range pack.DataFiles {
		b, err := os.ReadFile(filepath.Join(dataSrc, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "communes.tsv" {
			b = bytes.Replace(b, []byte("\tBrest\t"), []byte("\tBrest-Zorglub\t"), 1)
		}
		if err := os.WriteFile(filepath.Join(data, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w.mustRun("pack", "build", "--key", "essai.key", "--content", w.content("c", version("2026.12.5")), "--data", data, "-o", "d.rcpack")
	w.mustRun("pack", "install", "d.rcpack")
	checkRun(t, w.mustRun("commune", "29019"), "", 0, 0, []string{"Brest-Zorglub"}, nil)
	w.restart()
	checkRun(t, w.mustRun("commune", "29019"), "", 0, 0, []string{"Brest-Zorglub"}, nil)
}
