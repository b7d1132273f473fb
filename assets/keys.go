package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"reperecyber/pack"
)

// keys holds the public keys trusted to sign content packs, and the
// README that keeps the folder (and this embed) alive when it has none.
//
//go:embed keys
var keysFS embed.FS

// TrustedKeys returns the content-pack keys this build trusts: one per
// assets/keys/*.pub file, whose name must match the key's name.
func TrustedKeys() ([]pack.Key, error) {
	return trustedKeys(keysFS, "keys")
}

func trustedKeys(fsys fs.FS, dir string) ([]pack.Key, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("list trusted keys: %w", err)
	}
	var keys []pack.Key
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".pub" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read trusted key %s: %w", e.Name(), err)
		}
		k, err := pack.ParsePublic(data)
		if err != nil {
			return nil, fmt.Errorf("trusted key %s: %w", e.Name(), err)
		}
		if want := strings.TrimSuffix(e.Name(), ".pub"); k.Name != want {
			return nil, fmt.Errorf("trusted key %s names itself %q", e.Name(), k.Name)
		}
		keys = append(keys, k)
	}
	return keys, nil
}
