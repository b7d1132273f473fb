// Package assets embeds everything Repère Cyber ships: the reference
// content (TOML), the communes data, the icon and the fonts. Nothing is
// read from the user's disk or the network.
package assets

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"

	"reperecyber/content"
)

//go:embed content
var contentFS embed.FS

//go:embed data/dataset.toml data/regions.tsv data/departements.tsv data/epci.tsv data/communes.tsv data/aliases.tsv
var dataFS embed.FS

// Icon is the application icon, a 512×512 PNG drawn by tools/genicon.
//
//go:embed icon.png
var Icon []byte

// ContentFS returns the content files, rooted at assets/content.
func ContentFS() fs.FS {
	sub, err := fs.Sub(contentFS, "content")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return sub
}

// Bundle loads the embedded reference content.
func Bundle() (*content.Bundle, error) {
	b, err := content.Load(ContentFS())
	if err != nil {
		return nil, fmt.Errorf("load bundled content: %w", err)
	}
	return b, nil
}

// Atlas parses the embedded communes data.
func Atlas() (*content.Atlas, error) {
	read := func(name string) []byte {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			panic(err) // embedded by the pattern above
		}
		return b
	}
	a, err := content.ParseAtlas(content.AtlasFiles{
		Dataset:      read("dataset.toml"),
		Regions:      read("regions.tsv"),
		Departements: read("departements.tsv"),
		EPCIs:        read("epci.tsv"),
		Communes:     read("communes.tsv"),
		Aliases:      read("aliases.tsv"),
	})
	if err != nil {
		return nil, fmt.Errorf("load bundled communes: %w", err)
	}
	return a, nil
}

// Fingerprint identifies the exact embedded content and communes data: a
// hash of every embedded file, so that any change rebuilds the reference
// database.
func Fingerprint() string {
	h := sha256.New()
	for _, fsys := range []fs.FS{contentFS, dataFS} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
			h.Write(b)
			return err
		})
		if err != nil {
			panic(err) // embedded files are always readable
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Load parses the embedded content and communes data.
func Load() (*content.Bundle, *content.Atlas, error) {
	b, err := Bundle()
	if err != nil {
		return nil, nil, err
	}
	a, err := Atlas()
	if err != nil {
		return nil, nil, err
	}
	return b, a, nil
}
