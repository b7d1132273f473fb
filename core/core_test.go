package core_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"reperecyber/appinfo"
	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/pack"
	"reperecyber/store"
)

// shared is one core opened for the whole package: opening builds the
// reference database, which each test only reads. Tests that write user
// data open their own with openCore.
var shared *core.Core

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "core-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared, err = core.Open(context.Background(), core.Config{Paths: store.PathsIn(dir), App: appinfo.Info{Name: "Repère Cyber", Version: "test"}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	shared.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// openCore opens a core with a fresh user database beside the shared
// reference one (already built, so this is quick).
func openCore(tb testing.TB) *core.Core {
	tb.Helper()
	paths := shared.Paths()
	paths.User = tb.TempDir() + "/user.db"
	c, err := core.Open(context.Background(), core.Config{Paths: paths})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

func TestResolveCommune(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    string // INSEE of the commune found; "" when none or several
		reading core.Reading
		others  bool // other communes of the postcode follow
	}{
		// INSEE codes that are also another commune's postcode.
		{"Lille by INSEE, also a postcode", "59350", "59350", core.ReadINSEE, true},
		{"Rouen by INSEE", "76540", "76540", core.ReadINSEE, true},
		{"Saint-Denis de La Réunion by INSEE", "97411", "97411", core.ReadINSEE, true},
		{"Nouméa by INSEE", "98818", "98818", core.ReadINSEE, true},
		{"La Rochelle by INSEE", "17300", "17300", core.ReadINSEE, true},
		{"Moulins by INSEE", "03190", "03190", core.ReadINSEE, true},
		{"Corsican INSEE code in lower case", "2a004", "2A004", core.ReadINSEE, false},
		{"spaces inside a code", "29 019", "29019", core.ReadINSEE, false},
		// Postcodes.
		{"postcode of one commune", "29200", "29019", core.ReadPostcode, false},
		{"postcode of several communes", "29860", "", core.ReadPostcode, false},
		{"INSEE code of one commune, postcode of others", "01410", "01410", core.ReadINSEE, true},
		{"forced postcode reading of an INSEE code", "cp:59350", "59527", core.ReadPostcode, false},
		{"forced postcode reading, several communes", "cp:01410", "", core.ReadPostcode, false},
		{"forced postcode, words", "code postal 29200", "29019", core.ReadPostcode, false},
		{"forced INSEE reading", "insee:29019", "29019", core.ReadINSEE, false},
		{"forced INSEE reading, unknown", "insee 99999", "", core.ReadINSEE, false},
		// Names.
		{"exact name", "Brest", "29019", core.ReadName, false},
		{"name without accents", "orleans", "45234", core.ReadName, false},
		{"name with a typo", "bordaux", "33063", core.ReadName, false},
		{"saint abbreviated", "st malo", "35288", core.ReadName, false},
		{"article left out", "mans", "72181", core.ReadName, false},
		{"a name many communes share", "Saint-Denis", "", core.ReadName, false},
		{"unknown name", "zzqxw", "", core.ReadName, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := shared.ResolveCommune(tt.query)
			got := ""
			if res.Place != nil {
				got = res.Place.INSEE
			}
			if got != tt.want || res.Reading != tt.reading {
				t.Fatalf("ResolveCommune(%q) = %q read as %s (%d candidates), want %q read as %s", tt.query, got, res.Reading, len(res.Candidates), tt.want, tt.reading)
			}
			if (len(res.Others) > 0) != tt.others {
				t.Errorf("others: %d", len(res.Others))
			}
		})
	}
}

// TestResolveCommuneCandidatesAcrossRegions: a postcode shared by
// communes of two régions lists both, so the right CSIRT can be picked.
func TestResolveCommuneCandidatesAcrossRegions(t *testing.T) {
	for _, pc := range []string{"01410", "37160"} {
		res := shared.ResolveCommune("cp:" + pc)
		regions := map[string]bool{}
		for _, p := range res.Candidates {
			regions[p.RegionName] = true
			if p.RegionName == "" || p.DepartementName == "" {
				t.Errorf("%s: candidate %s without its territories", pc, p.INSEE)
			}
		}
		if len(regions) < 2 {
			t.Errorf("%s: candidates from %v, want two régions", pc, regions)
		}
	}
}

// TestPrepareCommunesWhileResolving: the window prepares the commune
// lookups in the background while the person may already be typing a
// postcode; both build them once and answer alike (run with -race).
func TestPrepareCommunesWhileResolving(t *testing.T) {
	c, err := core.Open(context.Background(), core.Config{Paths: store.PathsIn(t.TempDir()), App: appinfo.Info{Name: "Repère Cyber", Version: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	want := shared.ResolveCommune("cp:29860")
	c.PrepareCommunes()
	done := make(chan core.Resolution, 4)
	for range cap(done) {
		go func() { done <- c.ResolveCommune("cp:29860") }()
	}
	for range cap(done) {
		got := <-done
		if len(got.Candidates) != len(want.Candidates) || len(got.Candidates) == 0 || got.Candidates[0].INSEE != want.Candidates[0].INSEE {
			t.Fatalf("candidates %+v, want %+v", got.Candidates, want.Candidates)
		}
	}
}

// TestCandidatesLargestFirst: the communes of a postcode or of a name are
// listed largest first, each once, all of them serving that postcode or
// bearing that name.
func TestCandidatesLargestFirst(t *testing.T) {
	for _, q := range []string{"cp:29860", "cp:01410", "cp:37160", "Saint-Denis", "Sainte-Marie"} {
		res := shared.ResolveCommune(q)
		if len(res.Candidates) < 2 {
			t.Errorf("%s: %d candidates, want several", q, len(res.Candidates))
			continue
		}
		seen := map[string]bool{}
		for i, p := range res.Candidates {
			if seen[p.INSEE] {
				t.Errorf("%s: %s listed twice", q, p.INSEE)
			}
			seen[p.INSEE] = true
			if i > 0 && p.Population > res.Candidates[i-1].Population {
				t.Errorf("%s: %s (%d inhabitants) after %s (%d)", q, p.INSEE, p.Population, res.Candidates[i-1].INSEE, res.Candidates[i-1].Population)
			}
			if code, ok := strings.CutPrefix(q, "cp:"); ok && !slices.Contains(p.Postcodes, code) {
				t.Errorf("%s: %s does not serve it (%v)", q, p.INSEE, p.Postcodes)
			}
		}
	}
}

// TestEveryCommuneOpensByItsINSEECode is the rule behind the 3,000
// communes that could not be opened: an existing INSEE code always wins.
func TestEveryCommuneOpensByItsINSEECode(t *testing.T) {
	for _, p := range shared.Places() {
		res := shared.ResolveCommune(p.INSEE)
		if res.Place == nil || res.Place.INSEE != p.INSEE {
			t.Fatalf("%s (%s) does not open by its INSEE code", p.INSEE, p.Name)
		}
	}
}

func TestSearchCommunesPutsTheINSEECodeFirst(t *testing.T) {
	got := shared.SearchCommunes("59350", 10)
	if len(got) < 2 || got[0].Name != "Lille" {
		t.Fatalf("got %v", got)
	}
}

func TestWhomToCallIncludesOwnContacts(t *testing.T) {
	ctx := context.Background()
	c := openCore(t)
	brest, _ := c.Commune("29019")
	u, err := c.User()
	if err != nil {
		t.Fatal(err)
	}
	it := content.LocalContact{INSEE: "29019", Role: content.RoleIT, Name: "Infogérance Ouest", Phone: "02 98 11 22 33"}
	ins := content.LocalContact{INSEE: "29019", Role: content.RoleInsurer, Name: "Mutuelle des communes", Phone: "02 98 44 55 66"}
	if err := u.ImportLocalContacts(ctx, []content.LocalContact{it, ins}); err != nil {
		t.Fatal(err)
	}
	o, ok := c.Outcome("rancongiciel-mairie")
	if !ok {
		t.Fatal("no rancongiciel-mairie outcome")
	}
	calls, err := c.WhomToCall(ctx, *o, &brest)
	if err != nil {
		t.Fatal(err)
	}
	found := map[content.Role]string{}
	csirt := ""
	for _, r := range calls {
		if r.Own != nil {
			found[r.Role] = r.Own.Phone
		}
		if r.Ref == "@csirt" && len(r.Entries) > 0 {
			csirt = r.Entries[0].ID
		}
	}
	if found[content.RoleIT] != it.Phone || found[content.RoleInsurer] != ins.Phone {
		t.Errorf("own contacts %v", found)
	}
	if csirt != "csirt-bretagne" {
		t.Errorf("CSIRT %q, want csirt-bretagne", csirt)
	}
}

func TestMyCommune(t *testing.T) {
	ctx := context.Background()
	c := openCore(t)
	if _, ok := c.MyCommune(ctx); ok {
		t.Fatal("a fresh user database has a commune")
	}
	if err := c.SetMyCommune(ctx, "99999"); err == nil {
		t.Error("an unknown INSEE code was accepted")
	}
	if err := c.SetMyCommune(ctx, "29019"); err != nil {
		t.Fatal(err)
	}
	if p, ok := c.MyCommune(ctx); !ok || p.Name != "Brest" {
		t.Errorf("MyCommune = %v %v", p.Name, ok)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Saint-Étienne":            "saint-etienne",
		"L'Haÿ-les-Roses":          "l-hay-les-roses",
		"CC du Pays de Landerneau": "cc-du-pays-de-landerneau",
		"  ":                       "",
		"Œuvre «  test  » / 2 ":    "oeuvre-test-2",
	} {
		if got := core.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestServicesLeaveOutBodiesThatTakeNoCalls: OFAC, UNC, COMCYBER-MI and
// the old RCM addresses say who does what; they are nobody to call.
func TestServicesLeaveOutBodiesThatTakeNoCalls(t *testing.T) {
	brest, _ := shared.Commune("29019")
	comp, err := shared.Services(context.Background(), brest)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(comp.Local, comp.National...) {
		if e.Category == content.CategoryWhoDoesWhat {
			t.Errorf("%s listed as a service to call", e.ID)
		}
	}
}

// TestPrintOptionsSayWhenContentIsOld: past 6 months, every PDF's foot
// says the numbers should be checked; before, it says nothing.
func TestPrintOptionsSayWhenContentIsOld(t *testing.T) {
	date, err := time.Parse(time.DateOnly, shared.Info().ContentDate)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		now   time.Time
		stale bool
	}{{"a month later", date.AddDate(0, 1, 0), false}, {"seven months later", date.AddDate(0, 7, 0), true}} {
		t.Run(tt.name, func(t *testing.T) {
			paths := shared.Paths()
			paths.User = t.TempDir() + "/user.db"
			c, err := core.Open(context.Background(), core.Config{Paths: paths, Now: func() time.Time { return tt.now }})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if got := c.PrintOptions().Freshness != ""; got != tt.stale {
				t.Errorf("freshness notice %v, want %v", got, tt.stale)
			}
		})
	}
}

// TestInstallPackRefusesWhatIsNotAPack: the window's « Mettre à jour le
// contenu » refuses a file that is not a signed pack, with a French
// reason, and installs nothing.
func TestInstallPackRefusesWhatIsNotAPack(t *testing.T) {
	c := openCore(t)
	bad := t.TempDir() + "/contenu.rcpack"
	if err := os.WriteFile(bad, []byte("pas un paquet"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := c.InstallPack(bad)
	var refusal *pack.Refusal
	if !errors.As(err, &refusal) || refusal.Reason == "" {
		t.Fatalf("err = %v, want a refusal with a reason", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(c.Paths().User))
	for _, e := range entries {
		if strings.Contains(e.Name(), "pack") {
			t.Errorf("%s written by a refused pack", e.Name())
		}
	}
}

// FuzzResolveCommune: whatever is typed, the resolver never panics, and
// what it returns is consistent: a commune found is a real one, and it is
// not listed among candidates too.
func FuzzResolveCommune(f *testing.F) {
	for _, q := range []string{"59350", "cp:01410", "insee:2A004", "code postal 29200", "bordaux", "Saint-Denis", "st malo", "mans", "", "  ", "2a", "%_", "\x00", "paris 8"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res := shared.ResolveCommune(q)
		if res.Place != nil {
			if _, ok := shared.Commune(res.Place.INSEE); !ok {
				t.Fatalf("%q resolved to unknown commune %s", q, res.Place.INSEE)
			}
			if len(res.Candidates) > 0 {
				t.Fatalf("%q both resolved and ambiguous", q)
			}
		}
		if len(res.Candidates) > core.MaxCandidates {
			t.Fatalf("%q: %d candidates", q, len(res.Candidates))
		}
	})
}
