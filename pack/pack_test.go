package pack

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"testing/fstest"
	"time"

	"reperecyber/content"
)

const testApp = "0.2.0"

func mustKey(t testing.TB, name string) PrivateKey {
	t.Helper()
	k, err := GenerateKey(name)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// testInput is a small pack input: the pack package never parses content.
func testInput(version string) BuildInput {
	return BuildInput{ContentVersion: version, ContentDate: "2026-12-01", MinAppVersion: "0.1.0", Files: map[string][]byte{
		"content/meta.toml":         []byte("[meta]\nversion = \"" + version + "\"\ndate = \"2026-12-01\"\n"),
		"content/services/a.toml":   []byte("# a service file\n"),
		"content/triage.toml":       []byte("# tree\n"),
		"content/definitions.toml":  bytes.Repeat([]byte("rançongiciel "), 200),
		"content/search.toml":       []byte(""),
		"content/categories.toml":   []byte("x = 1\n"),
		"content/elus.toml":         []byte("y = 2\n"),
		"content/services/b.toml":   []byte("z = 3\n"),
		"content/services/c.toml":   []byte("w = 4\n"),
		"content/services/d.toml":   []byte("v = 5\n"),
		"content/services/e-f.toml": []byte("u = 6\n"),
	}}
}

func mustBuild(t testing.TB, in BuildInput, k PrivateKey) []byte {
	t.Helper()
	data, err := Build(in, k)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
		wantErr    bool
	}{
		{"equal", "2026.11.1", "2026.11.1", 0, false},
		{"numeric not lexical", "2026.11.10", "2026.11.9", 1, false},
		{"older", "0.1.0", "0.2.0", -1, false},
		{"missing part is zero", "1.2", "1.2.0", 0, false},
		{"longer is newer", "1.2.0.1", "1.2", 1, false},
		{"empty", "", "1", 0, true},
		{"letters", "1.a", "1", 0, true},
		{"leading zero", "1.01", "1.1", 0, true},
		{"negative", "-1", "1", 0, true},
		{"empty part", "1..2", "1", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CompareVersions(tt.a, tt.b)
			if (err != nil) != tt.wantErr || (err == nil && got != tt.want) {
				t.Errorf("CompareVersions(%q, %q) = %d, %v; want %d, error %v", tt.a, tt.b, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestKeyFilesRoundTrip(t *testing.T) {
	k := mustKey(t, "cdg-35")
	priv, err := ParsePrivate(MarshalPrivate(k))
	if err != nil || priv.Name != k.Name || !bytes.Equal(priv.Seed, k.Seed) {
		t.Fatalf("private: %v %+v", err, priv)
	}
	pub, err := ParsePublic(MarshalPublic(k.Public()))
	if err != nil || pub.Name != k.Name || !bytes.Equal(pub.Public, k.Public().Public) || pub.ID() != k.Public().ID() {
		t.Fatalf("public: %v %+v", err, pub)
	}
	for name, bad := range map[string]string{
		"empty":             "",
		"private as public": string(MarshalPrivate(k)),
		"bad name":          publicHeader + " Bad/Name AAAA\n",
		"short key":         publicHeader + " x AAAA\n",
		"two keys":          string(MarshalPublic(k.Public())) + string(MarshalPublic(k.Public())),
	} {
		if _, err := ParsePublic([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := GenerateKey("Pas un nom"); err == nil {
		t.Error("GenerateKey accepted an invalid name")
	}
}

func TestReadAcceptsAGoodPack(t *testing.T) {
	k := mustKey(t, "maintainers")
	in := testInput("2026.12.1")
	p, err := Read(mustBuild(t, in, k), []Key{mustKey(t, "other").Public(), k.Public()})
	if err != nil {
		t.Fatal(err)
	}
	if p.Manifest.ContentVersion != "2026.12.1" || p.Key.Name != "maintainers" || p.DataFS() != nil {
		t.Errorf("manifest %+v, key %s", p.Manifest, p.Key.Name)
	}
	got, err := fs.ReadFile(p.ContentFS(), "services/a.toml")
	if err != nil || string(got) != "# a service file\n" {
		t.Errorf("services/a.toml = %q, %v", got, err)
	}
	if !bytes.Equal(mustBuild(t, in, k), mustBuild(t, in, k)) {
		t.Error("the same input gives different packs")
	}
}

// rezip rewrites a pack with change applied to its entries, keeping the
// original manifest and signature: what someone altering a pack does.
func rezip(t *testing.T, data []byte, change func(map[string][]byte)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = b
		names = append(names, f.Name)
	}
	change(files)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name := range files {
		if !contains(names, name) {
			names = append(names, name)
		}
	}
	for _, name := range names {
		if b, ok := files[name]; ok {
			w, _ := zw.Create(name)
			w.Write(b)
		}
	}
	zw.Close()
	return buf.Bytes()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestReadRefuses(t *testing.T) {
	k := mustKey(t, "maintainers")
	trusted := []Key{k.Public()}
	good := mustBuild(t, testInput("2026.12.1"), k)
	otherKeyNamedLikeOurs := mustKey(t, "maintainers")
	tests := []struct {
		name string
		data []byte
	}{
		{"empty file", nil},
		{"not a zip", []byte("bonjour")},
		{"truncated", good[:len(good)/2]},
		{"truncated by one byte", good[:len(good)-1]},
		{"unknown key", mustBuild(t, testInput("2026.12.1"), mustKey(t, "stranger"))},
		{"same name, other key", mustBuild(t, testInput("2026.12.1"), otherKeyNamedLikeOurs)},
		{"changed content file", rezip(t, good, func(f map[string][]byte) { f["content/services/a.toml"][0] ^= 1 })},
		{"changed manifest", rezip(t, good, func(f map[string][]byte) {
			f[ManifestName] = bytes.Replace(f[ManifestName], []byte("2026.12.1"), []byte("2026.12.9"), 1)
		})},
		{"extra unsigned file", rezip(t, good, func(f map[string][]byte) { f["content/extra.toml"] = []byte("x") })},
		{"missing file", rezip(t, good, func(f map[string][]byte) { delete(f, "content/elus.toml") })},
		{"no signature", rezip(t, good, func(f map[string][]byte) { delete(f, SignatureName) })},
		{"no manifest", rezip(t, good, func(f map[string][]byte) { delete(f, ManifestName) })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data, trusted)
			var r *Refusal
			if !errors.As(err, &r) || r.Reason == "" {
				t.Fatalf("Read = %v, want a Refusal", err)
			}
		})
	}
}

// TestEveryFlippedByte flips each byte of a pack in turn: the pack is
// refused, or (a byte the zip format does not use, such as a local date)
// what it serves is exactly the signed files.
func TestEveryFlippedByte(t *testing.T) {
	k := mustKey(t, "maintainers")
	in := testInput("2026.12.1")
	in.Files = map[string][]byte{"content/meta.toml": in.Files["content/meta.toml"], "content/a.toml": []byte("a = 1\n")}
	good := mustBuild(t, in, k)
	for i := range good {
		bad := bytes.Clone(good)
		bad[i] ^= 0x20
		p, err := Read(bad, []Key{k.Public()})
		if err != nil {
			continue
		}
		for name, want := range in.Files {
			if !bytes.Equal(p.files[name], want) {
				t.Fatalf("byte %d flipped: %s served changed", i, name)
			}
		}
	}
}

func TestBuildRefusesBadInput(t *testing.T) {
	k := mustKey(t, "maintainers")
	tests := []struct {
		name   string
		change func(*BuildInput)
	}{
		{"bad version", func(in *BuildInput) { in.ContentVersion = "v2" }},
		{"bad date", func(in *BuildInput) { in.ContentDate = "1er décembre" }},
		{"bad app version", func(in *BuildInput) { in.MinAppVersion = "" }},
		{"file outside content", func(in *BuildInput) { in.Files["../evil.toml"] = nil }},
		{"not toml", func(in *BuildInput) { in.Files["content/run.sh"] = nil }},
		{"part of the data", func(in *BuildInput) { in.Files["data/communes.tsv"] = nil }},
		{"no content", func(in *BuildInput) { in.Files = map[string][]byte{"data/communes.tsv": nil} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := testInput("2026.12.1")
			tt.change(&in)
			if _, err := Build(in, k); err == nil {
				t.Error("built")
			}
		})
	}
}

func TestDataFiles(t *testing.T) {
	k := mustKey(t, "maintainers")
	in := testInput("2026.12.1")
	for _, name := range DataFiles {
		in.Files["data/"+name] = []byte(name)
	}
	p, err := Read(mustBuild(t, in, k), []Key{k.Public()})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(p.DataFS(), "communes.tsv")
	if err != nil || string(got) != "communes.tsv" {
		t.Errorf("communes.tsv = %q, %v", got, err)
	}
}

func TestStale(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(15 * time.Hour)
	}
	tests := []struct {
		name, date, today string
		want              bool
	}{
		{"same day", "2026-11-22", "2026-11-22", false},
		{"five months", "2026-11-22", "2027-04-22", false},
		{"six months to the day", "2026-11-22", "2027-05-22", false},
		{"six months and a day", "2026-11-22", "2027-05-23", true},
		{"end of month", "2026-08-31", "2027-03-03", false},
		{"a year", "2025-11-22", "2026-11-22", true},
		{"unreadable date", "bientôt", "2026-11-22", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stale(tt.date, day(tt.today)); got != tt.want {
				t.Errorf("Stale(%s, %s) = %v", tt.date, tt.today, got)
			}
			notice := FreshnessNotice(Status{Date: tt.date}, day(tt.today))
			if (notice != "") != tt.want {
				t.Errorf("FreshnessNotice = %q", notice)
			}
		})
	}
}

// snapshot is every file in dir with its bytes, to show nothing changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = string(b)
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	var changed []string
	for p := range before {
		if before[p] != after[p] {
			changed = append(changed, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	if len(changed) > 0 {
		t.Errorf("files changed by a refused pack: %v", changed)
	}
}

func embedded(version string) Embedded {
	return Embedded{Content: fstest.MapFS{"meta.toml": {Data: []byte("embedded")}}, Meta: content.Meta{Version: version, Date: "2026-11-22"}}
}

func TestInstall(t *testing.T) {
	k := mustKey(t, "maintainers")
	trusted := []Key{k.Public()}
	emb := embedded("2026.11.1")
	v2 := mustBuild(t, testInput("2026.12.2"), k)
	v1 := mustBuild(t, testInput("2026.12.1"), k)
	forNewerApp := testInput("2026.12.3")
	forNewerApp.MinAppVersion = "9.0.0"
	tests := []struct {
		name    string
		prepare func(dir string) // what is installed before
		data    []byte
	}{
		{"tampered byte", nil, rezip(t, v2, func(f map[string][]byte) { f["content/elus.toml"][0] ^= 1 })},
		{"unknown key", nil, mustBuild(t, testInput("2026.12.2"), mustKey(t, "stranger"))},
		{"truncated file", nil, v2[:len(v2)-100]},
		{"pack for a newer app", nil, mustBuild(t, forNewerApp, k)},
		{"not newer than embedded", nil, mustBuild(t, testInput("2026.11.1"), k)},
		{"older than embedded", nil, mustBuild(t, testInput("2025.1.1"), k)},
		{"older than installed", func(dir string) { mustInstall(t, dir, v2, trusted, emb) }, v1},
		{"same as installed", func(dir string) { mustInstall(t, dir, v2, trusted, emb) }, v2},
		{"older than a removed pack", func(dir string) {
			mustInstall(t, dir, v2, trusted, emb)
			if _, err := Remove(dir); err != nil {
				t.Fatal(err)
			}
		}, v1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.prepare != nil {
				tt.prepare(dir)
			}
			before := snapshot(t, dir)
			_, err := Install(dir, tt.data, trusted, emb, testApp)
			var r *Refusal
			if !errors.As(err, &r) {
				t.Fatalf("Install = %v, want a Refusal", err)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
}

func mustInstall(t *testing.T, dir string, data []byte, trusted []Key, emb Embedded) {
	t.Helper()
	if _, err := Install(dir, data, trusted, emb, testApp); err != nil {
		t.Fatal(err)
	}
}

func TestActiveAfterRestart(t *testing.T) {
	k := mustKey(t, "maintainers")
	trusted := []Key{k.Public()}
	dir := t.TempDir()
	emb := embedded("2026.11.1")
	mustInstall(t, dir, mustBuild(t, testInput("2026.12.1"), k), trusted, emb)

	sel, err := Active(dir, trusted, emb, testApp)
	if err != nil || sel.Status.Origin != FromPack || sel.Status.Version != "2026.12.1" || sel.Status.Signer != "maintainers" || sel.Warning != "" {
		t.Fatalf("after install: %+v, %v", sel.Status, err)
	}
	if _, err := fs.ReadFile(sel.Content, "services/a.toml"); err != nil {
		t.Errorf("pack content not served: %v", err)
	}

	tests := []struct {
		name        string
		trusted     []Key
		emb         Embedded
		app         string
		tamper      bool
		wantOrigin  Origin
		wantWarning bool
	}{
		{"verified again", trusted, emb, testApp, false, FromPack, false},
		{"key no longer trusted", []Key{mustKey(t, "other").Public()}, emb, testApp, false, FromEmbedded, true},
		{"older app", trusted, emb, "0.0.9", false, FromEmbedded, true},
		{"embedded content is newer", trusted, embedded("2027.1.1"), testApp, false, FromEmbedded, false},
		{"file changed on disk", trusted, emb, testApp, true, FromEmbedded, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.tamper {
				tamperOnDisk(t, filepath.Join(dir, InstalledName))
			}
			sel, err := Active(dir, tt.trusted, tt.emb, tt.app)
			if sel.Status.Origin != tt.wantOrigin || (sel.Warning != "") != tt.wantWarning || (err != nil) != tt.wantWarning {
				t.Errorf("Active = %+v, warning %q, error %v", sel.Status, sel.Warning, err)
			}
			if b, _ := fs.ReadFile(sel.Content, "meta.toml"); tt.wantOrigin == FromEmbedded && string(b) != "embedded" {
				t.Errorf("embedded content not served: meta.toml = %q", b)
			}
		})
	}
}

// tamperOnDisk changes one content file of the installed pack and zips
// it again with the original signature.
func tamperOnDisk(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = rezip(t, data, func(f map[string][]byte) { f["content/meta.toml"] = []byte("[meta]\nversion = \"2099.1.1\"\n") })
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRemove(t *testing.T) {
	k := mustKey(t, "maintainers")
	dir := t.TempDir()
	emb := embedded("2026.11.1")
	if removed, err := Remove(dir); removed || err != nil {
		t.Fatalf("Remove with nothing installed = %v, %v", removed, err)
	}
	mustInstall(t, dir, mustBuild(t, testInput("2026.12.1"), k), []Key{k.Public()}, emb)
	if removed, err := Remove(dir); !removed || err != nil {
		t.Fatalf("Remove = %v, %v", removed, err)
	}
	sel, err := Active(dir, []Key{k.Public()}, emb, testApp)
	if err != nil || sel.Status.Origin != FromEmbedded {
		t.Errorf("after remove: %+v, %v", sel.Status, err)
	}
	mustInstall(t, dir, mustBuild(t, testInput("2026.12.1"), k), []Key{k.Public()}, emb) // the same version again is no rollback
}

func FuzzRead(f *testing.F) {
	k, err := GenerateKey("fuzz")
	if err != nil {
		f.Fatal(err)
	}
	in := testInput("2026.12.1")
	in.Files = map[string][]byte{"content/meta.toml": []byte("a"), "content/b.toml": []byte("b")}
	good := mustBuild(f, in, k)
	for _, seed := range [][]byte{good, good[:len(good)/2], good[:30], nil, []byte("PK\x05\x06"), bytes.Repeat([]byte("PK"), 40)} {
		f.Add(seed)
	}
	trusted := []Key{k.Public()}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data, trusted)
		if err != nil {
			var r *Refusal
			if !errors.As(err, &r) || r.Reason == "" {
				t.Fatalf("error is not a Refusal: %v", err)
			}
			return
		}
		if p.Manifest.Signer != "fuzz" {
			t.Fatalf("accepted a pack signed by %q", p.Manifest.Signer)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	k := mustKey(b, "bench")
	in := testInput("2026.12.1")
	in.Files["data/communes.tsv"] = bytes.Repeat([]byte("29019\tBrest\t29200\n"), 35000)
	for _, name := range DataFiles[:4] {
		in.Files["data/"+name] = []byte(name)
	}
	data := mustBuild(b, in, k)
	trusted := []Key{k.Public()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, trusted); err != nil {
			b.Fatal(err)
		}
	}
}
