package core_test

import (
	"context"
	"testing"

	"reperecyber/core"
	"reperecyber/store"
)

// BenchmarkOpenFirstStart: what the window waits for on a first start,
// in process: the embedded content and communes parsed, the prebuilt
// index loaded beside them, the reference and user databases created in
// an empty folder (scripts/ratios.sh measures the whole window).
func BenchmarkOpenFirstStart(b *testing.B) {
	for b.Loop() {
		c, err := core.Open(context.Background(), core.Config{Paths: store.PathsIn(b.TempDir()), IndexEarly: true})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

// BenchmarkResolveCommune: the commune picker, per keystroke, once the
// lookups are built.
func BenchmarkResolveCommune(b *testing.B) {
	queries := []string{"29019", "cp:01410", "bordaux", "saint-malo", "paris 8", "st denis"}
	shared.ResolveCommune("brest")
	for b.Loop() {
		for _, q := range queries {
			shared.ResolveCommune(q)
		}
	}
}
