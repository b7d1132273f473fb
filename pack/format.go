package pack

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing/fstest"
	"time"
)

// Names inside a pack, and limits that keep a malformed or hostile file
// from exhausting memory.
const (
	ManifestName  = "manifest.json"
	SignatureName = "manifest.sig"
	// FormatVersion is the manifest format this build reads and writes.
	FormatVersion = 1
	// MaxSize bounds a pack file: the whole content and communes data
	// take about 2 MB today.
	MaxSize      = 64 << 20
	maxFiles     = 512
	maxManifest  = 1 << 20
	contentDir   = "content/"
	dataDir      = "data/"
	signedPrefix = "reperecyber rcpack v1\x00"
)

// DataFiles are the communes data files (assets/data): a pack carries all
// of them or none.
var DataFiles = []string{"dataset.toml", "regions.tsv", "departements.tsv", "epci.tsv", "communes.tsv"}

// Manifest is the signed description of a pack.
type Manifest struct {
	Format         int    `json:"format"`
	ContentVersion string `json:"content_version"`
	// ContentDate is the day the content was last reviewed, AAAA-MM-JJ.
	ContentDate   string `json:"content_date"`
	MinAppVersion string `json:"min_app_version"`
	// Signer is the name of the key that signed the manifest.
	Signer string `json:"signer"`
	Files  []File `json:"files"`
}

// File is one file of a pack, by its path inside the pack.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Pack is a pack whose signature and files have been verified.
type Pack struct {
	Manifest Manifest
	Key      Key
	files    map[string][]byte
}

// BuildInput is what a publisher puts in a pack. Files are keyed by
// their path in the pack: "content/…" for the TOML content (the layout
// of assets/content), "data/…" for the communes data files.
type BuildInput struct {
	ContentVersion, ContentDate, MinAppVersion string
	Files                                      map[string][]byte
}

// Build writes a pack signed by key. It checks the shape of the input,
// not the content itself (the caller validates it as `check` does).
func Build(in BuildInput, key PrivateKey) ([]byte, error) {
	m := Manifest{Format: FormatVersion, ContentVersion: in.ContentVersion, ContentDate: in.ContentDate,
		MinAppVersion: in.MinAppVersion, Signer: key.Name}
	names := make([]string, 0, len(in.Files))
	for name := range in.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		sum := sha256.Sum256(in.Files[name])
		m.Files = append(m.Files, File{Path: name, Size: int64(len(in.Files[name])), SHA256: hex.EncodeToString(sum[:])})
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	sig := ed25519.Sign(ed25519.NewKeyFromSeed(key.Seed), signed(manifest))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		// A fixed date keeps the same input giving the same bytes.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	}
	err = add(ManifestName, manifest)
	if err == nil {
		err = add(SignatureName, sig)
	}
	for _, name := range names {
		if err == nil {
			err = add(name, in.Files[name])
		}
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("write pack: %w", err)
	}
	return buf.Bytes(), nil
}

func signed(manifest []byte) []byte {
	return append([]byte(signedPrefix), manifest...)
}

// Read verifies a pack: the signature of its manifest by one of trusted,
// then every file against the manifest, with nothing missing or extra.
// Every failure is a *Refusal. It does not compare versions (see Install).
func Read(data []byte, trusted []Key) (*Pack, error) {
	if len(data) > MaxSize {
		return nil, refuse(nil, "Ce fichier est trop gros pour être un paquet de contenu Repère Cyber (%d Mo au plus).", MaxSize>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse(err, "Ce fichier n'est pas un paquet de contenu Repère Cyber, ou il est incomplet (copie interrompue ?). Recopiez-le depuis sa source.")
	}
	entries, err := index(zr)
	if err != nil {
		return nil, err
	}
	manifest, err := readEntry(entries[ManifestName], maxManifest)
	if err != nil {
		return nil, refuse(err, "Ce fichier n'a pas de description lisible (manifest.json) : ce n'est pas un paquet de contenu Repère Cyber valide.")
	}
	sig, err := readEntry(entries[SignatureName], ed25519.SignatureSize)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, refuse(err, "Ce paquet n'est pas signé : il ne peut pas être installé.")
	}
	key, err := verify(manifest, sig, trusted)
	if err != nil {
		return nil, err
	}
	m, err := decodeManifest(manifest)
	if err != nil {
		return nil, refuse(err, "La description de ce paquet est signée mais illisible par cette version de Repère Cyber. Mettez l'application à jour.")
	}
	if m.Signer != key.Name {
		return nil, refuse(nil, "Ce paquet annonce la clé « %s » mais il est signé par « %s » : il n'est pas installé.", m.Signer, key.Name)
	}
	files, err := readFiles(m, entries)
	if err != nil {
		return nil, err
	}
	return &Pack{Manifest: m, Key: key, files: files}, nil
}

// index maps entry names to entries, refusing duplicates.
func index(zr *zip.Reader) (map[string]*zip.File, error) {
	if len(zr.File) > maxFiles+2 {
		return nil, refuse(nil, "Ce paquet contient trop de fichiers (%d) : il n'est pas valide.", len(zr.File))
	}
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		if _, dup := entries[f.Name]; dup {
			return nil, refuse(nil, "Ce paquet contient deux fois le fichier %q : il n'est pas valide.", f.Name)
		}
		entries[f.Name] = f
	}
	return entries, nil
}

// readEntry reads f, refusing more than limit bytes.
func readEntry(f *zip.File, limit int64) ([]byte, error) {
	if f == nil {
		return nil, fs.ErrNotExist
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s: %d bytes, more than %d", f.Name, f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: more than %d bytes", f.Name, limit)
	}
	return data, nil
}

// verify finds the trusted key that signed manifest. The manifest is
// parsed only after its signature checks, except to name the unknown
// signer in the refusal.
func verify(manifest, sig []byte, trusted []Key) (Key, error) {
	msg := signed(manifest)
	for _, k := range trusted {
		if len(k.Public) == ed25519.PublicKeySize && ed25519.Verify(k.Public, msg, sig) {
			return k, nil
		}
	}
	var claim struct {
		Signer string `json:"signer"`
	}
	if json.Unmarshal(manifest, &claim) == nil && ValidKeyName(claim.Signer) && !knows(trusted, claim.Signer) {
		return Key{}, refuse(nil, "Ce paquet est signé par la clé « %s », que cette version de Repère Cyber ne reconnaît pas : il n'est pas installé. Demandez le paquet à l'équipe Repère Cyber ou à votre diffuseur habituel (CDG, OPSN).", claim.Signer)
	}
	return Key{}, refuse(nil, "La signature de ce paquet ne correspond pas à son contenu : il a été modifié ou abîmé depuis sa publication. Il n'est pas installé ; recopiez-le depuis sa source.")
}

func knows(trusted []Key, name string) bool {
	for _, k := range trusted {
		if k.Name == name {
			return true
		}
	}
	return false
}

func decodeManifest(data []byte) (Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("manifest: %w", err)
	}
	if dec.More() {
		return Manifest{}, errors.New("manifest: data after the JSON object")
	}
	if err := m.check(); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// check validates the manifest's fields and file list.
func (m Manifest) check() error {
	if m.Format != FormatVersion {
		return fmt.Errorf("manifest format %d, this build reads %d", m.Format, FormatVersion)
	}
	if _, err := versionParts(m.ContentVersion); err != nil {
		return fmt.Errorf("content_version: %w", err)
	}
	if _, err := versionParts(m.MinAppVersion); err != nil {
		return fmt.Errorf("min_app_version: %w", err)
	}
	if _, err := time.Parse(time.DateOnly, m.ContentDate); err != nil {
		return fmt.Errorf("content_date %q: %w", m.ContentDate, err)
	}
	if !ValidKeyName(m.Signer) {
		return fmt.Errorf("signer %q: not a key name", m.Signer)
	}
	return checkFiles(m.Files)
}

func checkFiles(files []File) error {
	if len(files) == 0 || len(files) > maxFiles {
		return fmt.Errorf("%d files: expected 1 to %d", len(files), maxFiles)
	}
	seen := map[string]bool{}
	contents, data := 0, 0
	for _, f := range files {
		switch {
		case seen[f.Path]:
			return fmt.Errorf("%s: listed twice", f.Path)
		case f.Size < 0 || f.Size > MaxSize:
			return fmt.Errorf("%s: size %d", f.Path, f.Size)
		case len(f.SHA256) != 2*sha256.Size:
			return fmt.Errorf("%s: sha256 %q", f.Path, f.SHA256)
		}
		seen[f.Path] = true
		switch kind(f.Path) {
		case contentDir:
			contents++
		case dataDir:
			data++
		default:
			return fmt.Errorf("%s: not a content file (content/*.toml) nor a communes data file (data/%s)", f.Path, strings.Join(DataFiles, ", "))
		}
	}
	if contents == 0 {
		return errors.New("no content file")
	}
	if data != 0 && data != len(DataFiles) {
		return fmt.Errorf("%d communes data files: a pack carries all %d or none", data, len(DataFiles))
	}
	return nil
}

// kind says whether p is a content file, a data file, or neither ("").
func kind(p string) string {
	if !fs.ValidPath(p) || strings.ContainsAny(p, `\:`) {
		return ""
	}
	if rest, ok := strings.CutPrefix(p, contentDir); ok && rest != "" && path.Ext(rest) == ".toml" {
		return contentDir
	}
	if rest, ok := strings.CutPrefix(p, dataDir); ok {
		for _, name := range DataFiles {
			if rest == name {
				return dataDir
			}
		}
	}
	return ""
}

// readFiles reads and checks every listed file; any other entry refuses
// the pack, so that nothing unsigned can ride along.
func readFiles(m Manifest, entries map[string]*zip.File) (map[string][]byte, error) {
	listed := map[string]bool{ManifestName: true, SignatureName: true}
	files := map[string][]byte{}
	total := int64(0)
	for _, f := range m.Files {
		listed[f.Path] = true
		total += f.Size
		if total > MaxSize {
			return nil, refuse(nil, "Ce paquet annonce plus de %d Mo de fichiers : il n'est pas valide.", MaxSize>>20)
		}
		data, err := readEntry(entries[f.Path], f.Size)
		sum := sha256.Sum256(data)
		if err != nil || int64(len(data)) != f.Size || hex.EncodeToString(sum[:]) != f.SHA256 {
			return nil, refuse(err, "Le fichier %s du paquet ne correspond pas à sa signature : le paquet a été modifié ou abîmé. Il n'est pas installé ; recopiez-le depuis sa source.", f.Path)
		}
		files[f.Path] = data
	}
	for name := range entries {
		if !listed[name] {
			return nil, refuse(nil, "Ce paquet contient un fichier que sa signature ne couvre pas (%s) : il n'est pas installé.", name)
		}
	}
	return files, nil
}

// ContentFS returns the pack's content files, with the layout of
// assets.ContentFS().
func (p *Pack) ContentFS() fs.FS { return p.sub(contentDir) }

// DataFS returns the pack's communes data files (dataset.toml, …), or
// nil when the pack carries none and the embedded ones apply.
func (p *Pack) DataFS() fs.FS {
	if _, ok := p.files[dataDir+DataFiles[0]]; !ok {
		return nil
	}
	return p.sub(dataDir)
}

func (p *Pack) sub(prefix string) fs.FS {
	m := fstest.MapFS{}
	for name, data := range p.files {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			m[rest] = &fstest.MapFile{Data: data, Mode: 0o444}
		}
	}
	return m
}
