package store

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// DataFolders are the folders beside user.db that belong to the person's
// data and move with it (the incident journal's evidence): export-data
// includes them when present, import-data restores them.
var DataFolders = []string{"incidents"}

// ErrNotDataFile is returned by ImportData for a file that is not a
// Repère Cyber data file (or a damaged one).
var ErrNotDataFile = errors.New("not a Repère Cyber data file")

// dataFileFormat is the version of the data file's layout.
const dataFileFormat = 1

const (
	manifestName = "reperecyber-donnees.json"
	userDBName   = "user.db"
	// Limits on what ImportData extracts: a data file is the person's
	// database and evidence, not gigabytes of unknown files.
	maxDataFileBytes = 4 << 30
	maxDataFileFiles = 100_000
)

type manifest struct {
	Format     int    `json:"format"`
	Created    string `json:"created"`
	UserSchema int    `json:"user_schema"`
}

// ExportData writes the person's data to one consistent file at to (a
// ZIP): a snapshot of the user database (VACUUM INTO, so what is still in
// the -wal and every table is included) and the DataFolders beside it.
// Copying user.db by hand instead can miss the last writes, still in the
// -wal. The file is written through a temporary file renamed at the end.
func (u *User) ExportData(ctx context.Context, to string) error {
	tmpDir, err := os.MkdirTemp("", "reperecyber-export-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	snap := filepath.Join(tmpDir, userDBName)
	if _, err := u.db.ExecContext(ctx, `VACUUM INTO ?`, snap); err != nil {
		return fmt.Errorf("snapshot user database: %w", err)
	}
	schema, err := u.SchemaVersion()
	if err != nil {
		return err
	}
	m := manifest{Format: dataFileFormat, Created: u.now().UTC().Format(time.RFC3339), UserSchema: schema}
	return writeAtomic(to, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		if err := writeManifest(zw, m); err != nil {
			return err
		}
		if err := zipFile(zw, snap, userDBName); err != nil {
			return err
		}
		for _, folder := range DataFolders {
			if err := zipFolder(zw, filepath.Join(filepath.Dir(u.path), folder), folder); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}

func writeManifest(zw *zip.Writer, m manifest) error {
	w, err := zw.Create(manifestName)
	if err != nil {
		return err
	}
	return json.NewEncoder(w).Encode(m)
}

func zipFile(zw *zip.Writer, from, name string) error {
	f, err := os.Open(from)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	hdr, err := zip.FileInfoHeader(st)
	if err != nil {
		return err
	}
	hdr.Name, hdr.Method = name, zip.Deflate
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// zipFolder adds the regular files under dir, named under prefix; links
// and special files are left out.
func zipFolder(zw *zip.Writer, dir, prefix string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		return zipFile(zw, p, path.Join(prefix, filepath.ToSlash(rel)))
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// ImportData replaces the person's data (user.db and DataFolders beside
// userPath) with those of a file written by ExportData, after checking it
// whole. What was there is never deleted: user.db and each folder are
// moved aside (keptAs lists where). No connection to userPath may be open.
func ImportData(userPath, from string) (keptAs []string, err error) {
	zr, err := zip.OpenReader(from)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", from, ErrNotDataFile, err)
	}
	defer zr.Close()
	if err := checkDataFile(&zr.Reader); err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	dir := filepath.Dir(userPath)
	staging, err := os.MkdirTemp(dir, ".import-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(staging)
	if err := extractAll(&zr.Reader, staging); err != nil {
		return nil, err
	}
	if err := CheckUserFile(filepath.Join(staging, userDBName)); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", from, ErrNotDataFile, err)
	}
	return installStaged(userPath, staging)
}

// checkDataFile checks the manifest, names and sizes before anything is
// extracted: no path leaves the data folder, no zip bomb.
func checkDataFile(zr *zip.Reader) error {
	var total uint64
	seen := map[string]bool{}
	for _, f := range zr.File {
		if !allowedName(f.Name) {
			return fmt.Errorf("unexpected entry %q: %w", f.Name, ErrNotDataFile)
		}
		seen[f.Name] = true
		total += f.UncompressedSize64
	}
	if len(zr.File) > maxDataFileFiles || total > maxDataFileBytes {
		return fmt.Errorf("%d entries, %d bytes: too large: %w", len(zr.File), total, ErrNotDataFile)
	}
	if !seen[manifestName] || !seen[userDBName] {
		return fmt.Errorf("no %s or %s: %w", manifestName, userDBName, ErrNotDataFile)
	}
	m, err := readManifest(zr)
	if err != nil {
		return err
	}
	if m.Format > dataFileFormat {
		return fmt.Errorf("data file format %d: %w", m.Format, ErrTooNew)
	}
	return nil
}

func allowedName(name string) bool {
	if name == manifestName || name == userDBName {
		return true
	}
	if strings.Contains(name, `\`) || path.Clean(name) != name || path.IsAbs(name) || strings.HasPrefix(name, "../") {
		return false
	}
	for _, folder := range DataFolders {
		if strings.HasPrefix(name, folder+"/") && !strings.HasSuffix(name, "/") {
			return true
		}
	}
	return false
}

func readManifest(zr *zip.Reader) (manifest, error) {
	var m manifest
	f, err := zr.Open(manifestName)
	if err != nil {
		return m, fmt.Errorf("%w: %w", ErrNotDataFile, err)
	}
	defer f.Close()
	if err := json.NewDecoder(io.LimitReader(f, 1<<16)).Decode(&m); err != nil || m.Format < 1 {
		return m, fmt.Errorf("manifest: %w", ErrNotDataFile)
	}
	return m, nil
}

func extractAll(zr *zip.Reader, to string) error {
	for _, f := range zr.File {
		if f.Name == manifestName {
			continue
		}
		if err := extractOne(f, filepath.Join(to, filepath.FromSlash(f.Name))); err != nil {
			return fmt.Errorf("extract %s: %w", f.Name, err)
		}
	}
	return nil
}

func extractOne(f *zip.File, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	in, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNotDataFile, err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	// The declared size was checked; the copy is capped by it too, in
	// case the entry lies about it.
	n, err := io.Copy(out, io.LimitReader(in, int64(f.UncompressedSize64)+1))
	if err == nil && uint64(n) != f.UncompressedSize64 {
		err = fmt.Errorf("size differs from declared: %w", ErrNotDataFile)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// installStaged moves the current data aside and the staged data in.
func installStaged(userPath, staging string) ([]string, error) {
	var kept []string
	aside, err := moveAside(userPath, "avant-import")
	if err != nil {
		return nil, err
	}
	if aside != "" {
		kept = append(kept, aside)
	}
	if err := os.Rename(filepath.Join(staging, userDBName), userPath); err != nil {
		return kept, fmt.Errorf("install %s: %w", userPath, err)
	}
	dir := filepath.Dir(userPath)
	stamp := time.Now().Format("2006-01-02-150405")
	for _, folder := range DataFolders {
		cur, staged := filepath.Join(dir, folder), filepath.Join(staging, folder)
		if _, err := os.Stat(staged); errors.Is(err, fs.ErrNotExist) {
			continue // the file has none: what is here stays
		}
		if _, err := os.Stat(cur); err == nil {
			old := cur + ".avant-import-" + stamp
			if err := os.Rename(cur, old); err != nil {
				return kept, fmt.Errorf("move %s aside: %w", cur, err)
			}
			kept = append(kept, old)
		}
		if err := os.Rename(staged, cur); err != nil {
			return kept, fmt.Errorf("install %s: %w", cur, err)
		}
	}
	return kept, nil
}
