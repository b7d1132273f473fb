package assets_test

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/triage"
)

// TestContentValid is the same check as `reperecyber check`: the bundled
// content, triage tree included, must have no problem at all.
func TestContentValid(t *testing.T) {
	b, err := assets.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	a, err := assets.Atlas()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range content.Validate(b, a.Territories(), time.Now()) {
		t.Error(p)
	}
	tree, err := triage.Load(assets.ContentFS())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range triage.Validate(tree, triage.Known(b)) {
		t.Error(p)
	}
}

func TestAtlasCounts(t *testing.T) {
	a, err := assets.Atlas()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"communes", a.Communes.Len(), 34969},
		{"dataset communes", a.Dataset.Communes, 34969},
		{"régions", len(a.Regions), 26},
		{"départements", len(a.Departements), 109},
		{"EPCI", len(a.EPCIs), 1255},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	if a.Dataset.Version != "6.0.0" {
		t.Errorf("dataset version %q, want 6.0.0", a.Dataset.Version)
	}
}

// TestEmbeddedMetaIsTheBundles: the version read alone at start is the
// one of the whole content.
func TestEmbeddedMetaIsTheBundles(t *testing.T) {
	m, err := assets.EmbeddedMeta()
	if err != nil {
		t.Fatal(err)
	}
	b, err := content.Load(assets.EmbeddedContentFS())
	if err != nil {
		t.Fatal(err)
	}
	if m != b.Meta || m.Version == "" {
		t.Fatalf("EmbeddedMeta %+v, bundle %+v", m, b.Meta)
	}
}

// TestCommunesServedOnce: communes.tsv read through EmbeddedDataFS is the
// file embedded in the data folder, byte for byte (it comes from its
// second, releasable copy; see communes.go).
func TestCommunesServedOnce(t *testing.T) {
	got, err := fs.ReadFile(assets.EmbeddedDataFS(), "communes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("data/communes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || len(got) == 0 {
		t.Fatalf("communes.tsv served: %d bytes, the file: %d", len(got), len(want))
	}
	assets.ReleaseLoaded() // the pages come back from the file, unchanged
	again, _ := fs.ReadFile(assets.EmbeddedDataFS(), "communes.tsv")
	if !bytes.Equal(again, want) {
		t.Fatal("communes.tsv changed after its pages were released")
	}
}
