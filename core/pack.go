package core

import (
	"fmt"
	"os"
	"path/filepath"

	"reperecyber/assets"
	"reperecyber/pack"
)

// maxPackSize bounds what is read of a file offered as a content pack.
const maxPackSize = 64 << 20

// InstallPack verifies and installs a content pack file (signature by a
// key this build trusts, file hashes, app version, newer content) into
// the data folder; it is served from the next start. A refused pack
// changes nothing and returns a *pack.Refusal whose Reason is French.
func (c *Core) InstallPack(path string) (*pack.Pack, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read pack %s: %w", path, err)
	}
	if !st.Mode().IsRegular() || st.Size() > maxPackSize {
		return nil, &pack.Refusal{Reason: "ce fichier n'est pas un paquet de contenu (trop gros, ou pas un fichier)"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read pack %s: %w", path, err)
	}
	keys, err := assets.TrustedKeys()
	if err != nil {
		return nil, err
	}
	meta, err := assets.EmbeddedMeta()
	if err != nil {
		return nil, err
	}
	emb := pack.Embedded{Content: assets.EmbeddedContentFS(), Meta: meta}
	return pack.Install(filepath.Dir(c.cfg.Paths.User), data, keys, emb, c.cfg.App.Version)
}
