package content

import (
	"errors"
	"fmt"
	"io/fs"
)

// LoadAtlas parses the communes data files (dataset.toml, regions.tsv,
// departements.tsv, epci.tsv, communes.tsv) at the root of fsys: the
// layout of assets/data, or of a content pack's data folder.
func LoadAtlas(fsys fs.FS) (*Atlas, error) {
	var f AtlasFiles
	for _, file := range []struct {
		name string
		dst  *[]byte
	}{
		{"dataset.toml", &f.Dataset}, {"regions.tsv", &f.Regions}, {"departements.tsv", &f.Departements},
		{"epci.tsv", &f.EPCIs}, {"communes.tsv", &f.Communes},
	} {
		data, err := fs.ReadFile(fsys, file.name)
		if err != nil {
			return nil, fmt.Errorf("read communes data: %w", err)
		}
		*file.dst = data
	}
	// Arrondissements and former communes are optional: a content pack
	// made before they existed carries none, and search does without.
	if data, err := fs.ReadFile(fsys, "aliases.tsv"); err == nil {
		f.Aliases = data
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read communes data: %w", err)
	}
	return ParseAtlas(f)
}
