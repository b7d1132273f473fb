package pack

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"reperecyber/content"
)

// Files in the data folder (the folder of the user database). The pack
// is kept exactly as published, so that every start can verify it again.
const (
	InstalledName = "contenu.rcpack"
	stateName     = "contenu-pack-etat.json"
)

// Embedded is the content built into the app.
type Embedded struct {
	Content fs.FS
	Meta    content.Meta
}

// state is what the data folder remembers across installs and removals.
type state struct {
	// Highest is the highest content version ever installed from a pack:
	// no pack older than it installs again, even after `pack remove`.
	Highest string `json:"highest_version"`
}

// Install verifies data as a pack and, if it is accepted, installs it in
// dataDir atomically. A pack is accepted when Read accepts it, when
// appVersion is at least its minimum, when its content is newer than the
// content in use (embedded or installed pack), and when it is not older
// than any pack installed before. Refusals are *Refusal and change
// nothing on disk.
func Install(dataDir string, data []byte, trusted []Key, emb Embedded, appVersion string) (*Pack, error) {
	p, err := Read(data, trusted)
	if err != nil {
		return nil, err
	}
	if err := checkApp(p, appVersion); err != nil {
		return nil, err
	}
	cur, _ := Active(dataDir, trusted, emb, appVersion) // a broken installed pack is replaced
	if newer, err := CompareVersions(p.Manifest.ContentVersion, cur.Status.Version); err != nil || newer <= 0 {
		return nil, refuse(err, "Ce paquet apporte le contenu version %s du %s, qui n'est pas plus récent que celui utilisé (version %s du %s). Rien n'a été changé.",
			p.Manifest.ContentVersion, content.FormatDate(p.Manifest.ContentDate), cur.Status.Version, content.FormatDate(cur.Status.Date))
	}
	st, err := readState(dataDir)
	if err != nil {
		return nil, err
	}
	if st.Highest != "" {
		if c, err := CompareVersions(p.Manifest.ContentVersion, st.Highest); err != nil || c < 0 {
			return nil, refuse(err, "Un paquet plus récent (contenu version %s) a déjà été installé sur cet ordinateur : revenir à un contenu plus ancien n'est pas permis. Rien n'a été changé.", st.Highest)
		}
	}
	if err := writeAtomic(dataDir, InstalledName, data); err != nil {
		return nil, fmt.Errorf("install pack: %w", err)
	}
	if err := writeState(dataDir, state{Highest: p.Manifest.ContentVersion}); err != nil {
		return nil, fmt.Errorf("install pack: %w", err)
	}
	return p, nil
}

func checkApp(p *Pack, appVersion string) error {
	if c, err := CompareVersions(appVersion, p.Manifest.MinAppVersion); err != nil || c < 0 {
		return refuse(err, "Ce paquet demande Repère Cyber %s ou plus récent ; cette application est en version %s. Mettez d'abord l'application à jour.",
			p.Manifest.MinAppVersion, appVersion)
	}
	return nil
}

// Remove uninstalls the pack, so that the embedded content is used. It
// keeps the highest version ever installed. It reports whether a pack was
// installed.
func Remove(dataDir string) (bool, error) {
	err := os.Remove(filepath.Join(dataDir, InstalledName))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("remove pack: %w", err)
	}
	return true, syncDir(dataDir)
}

func readState(dataDir string) (state, error) {
	data, err := os.ReadFile(filepath.Join(dataDir, stateName))
	if errors.Is(err, fs.ErrNotExist) {
		return state{}, nil
	}
	if err != nil {
		return state{}, fmt.Errorf("read pack state: %w", err)
	}
	var st state
	if err := json.Unmarshal(data, &st); err != nil {
		// Refusing every pack forever would be worse than forgetting the
		// rollback floor; the current version still bounds installs.
		return state{}, nil
	}
	return st, nil
}

func writeState(dataDir string, st state) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return writeAtomic(dataDir, stateName, append(data, '\n'))
}

// writeAtomic writes data to dir/name so that a reader sees the old file
// or the new one, never a part: a temporary file, fsync, rename, fsync
// of the folder.
func writeAtomic(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename or removal in dir durable. Windows cannot open a
// folder for syncing, and its renames are durable already.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
