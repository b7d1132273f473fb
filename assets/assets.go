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

// ContentFS returns the content files in use, rooted at assets/content:
// the embedded ones, or an installed content pack's (see Use).
func ContentFS() fs.FS {
	if override.content != nil {
		return override.content
	}
	return EmbeddedContentFS()
}

// EmbeddedContentFS returns the content files built into the app.
func EmbeddedContentFS() fs.FS {
	sub, err := fs.Sub(contentFS, "content")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return sub
}

// EmbeddedDataFS returns the communes data files built into the app,
// rooted at assets/data.
func EmbeddedDataFS() fs.FS {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return dataFiles{sub}
}

// dataInUse returns the communes data files in use, rooted at assets/data.
func dataInUse() fs.FS {
	if override.data != nil {
		return override.data
	}
	return EmbeddedDataFS()
}

// Bundle loads the reference content in use.
func Bundle() (*content.Bundle, error) {
	b, err := content.Load(ContentFS())
	if err != nil {
		return nil, fmt.Errorf("load bundled content: %w", err)
	}
	return b, nil
}

// Atlas parses the communes data in use (embedded unless a content pack
// brings its own).
func Atlas() (*content.Atlas, error) {
	a, err := content.LoadAtlas(dataInUse())
	if err != nil {
		return nil, fmt.Errorf("load communes: %w", err)
	}
	return a, nil
}

// Fingerprint identifies the exact content and communes data in use: a
// hash of every file, so that any change (a new build, a content pack
// installed or removed) rebuilds the reference database.
func Fingerprint() string {
	h := sha256.New()
	for _, root := range []struct {
		prefix string
		fsys   fs.FS
	}{{"content/", ContentFS()}, {"data/", dataInUse()}} {
		err := fs.WalkDir(root.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(root.fsys, p)
			fmt.Fprintf(h, "%s%s\x00%d\x00", root.prefix, p, len(b))
			h.Write(b)
			return err
		})
		if err != nil {
			panic(err) // embedded and verified pack files are in memory
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Load parses the content and communes data in use.
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

// --- Content pack wiring (issue 17) ---------------------------------
// Temporary: the application core (issue 10) will hold the selection
// (pack.Active) and pass its file systems down instead of this state.

var override struct{ content, data fs.FS }

// Use makes ContentFS, Bundle, Atlas, Load and Fingerprint serve the given
// content files (layout of assets/content) and communes data files
// (layout of assets/data; nil keeps the embedded ones) instead of the
// embedded files. main calls it once, before anything reads the content;
// Use(nil, nil) returns to the embedded files.
func Use(content, data fs.FS) {
	override.content, override.data = content, data
}

// EmbeddedMeta returns the version and date of the content built into
// the app.
func EmbeddedMeta() (content.Meta, error) {
	m, err := content.LoadMeta(EmbeddedContentFS())
	if err != nil {
		return content.Meta{}, fmt.Errorf("load bundled content: %w", err)
	}
	return m, nil
}
