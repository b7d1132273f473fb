package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Bundle is the whole reference content as shipped with the app.
type Bundle struct {
	Meta       Meta
	Entries    []Entry
	Categories []Category
	Gaps       []CoverageGap
	Search     SearchRules
	// Hash identifies the exact bytes of the content files, so that a change
	// of any file (even without a version bump) rebuilds the reference database.
	Hash string
}

// file is the shape of one TOML content file: any of its tables may be absent.
type file struct {
	Meta       *Meta         `toml:"meta"`
	Entries    []Entry       `toml:"entries"`
	Categories []Category    `toml:"categories"`
	Gaps       []CoverageGap `toml:"gaps"`
	Search     *SearchRules  `toml:"search"`
}

// TriageFile is the content file that holds the triage tree. Load skips
// it: package triage reads it, because its types live there and triage
// depends on content, not the reverse.
const TriageFile = "triage.toml"

// Load reads every *.toml file under the root of fsys, in a stable order,
// except TriageFile. It reports syntax errors and unknown fields with the
// file name; it does not validate the content (see Validate).
func Load(fsys fs.FS) (*Bundle, error) {
	names, err := tomlFiles(fsys)
	if err != nil {
		return nil, err
	}
	b := &Bundle{}
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		if err := b.add(name, data); err != nil {
			return nil, err
		}
	}
	b.Hash = hex.EncodeToString(h.Sum(nil))
	b.applyDefaults()
	return b, nil
}

func tomlFiles(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Ext(p) == ".toml" && p != TriageFile {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list content files: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

func (b *Bundle) add(name string, data []byte) error {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return fmt.Errorf("%s: unknown fields: %s", name, strings.Join(keys, ", "))
	}
	if f.Meta != nil {
		if b.Meta.Version != "" {
			return fmt.Errorf("%s: a second [meta] table (only one file may have it)", name)
		}
		b.Meta = *f.Meta
	}
	for i := range f.Entries {
		f.Entries[i].File = name
	}
	if f.Search != nil {
		b.Search.Stopwords = append(b.Search.Stopwords, f.Search.Stopwords...)
		for k, v := range f.Search.Abbreviations {
			if b.Search.Abbreviations == nil {
				b.Search.Abbreviations = map[string]string{}
			}
			b.Search.Abbreviations[k] = v
		}
	}
	b.Entries = append(b.Entries, f.Entries...)
	b.Categories = append(b.Categories, f.Categories...)
	b.Gaps = append(b.Gaps, f.Gaps...)
	return nil
}

// applyDefaults fills what the files may leave implicit: a status of "ok",
// and a contact's source taken from its entry's first source.
func (b *Bundle) applyDefaults() {
	for i := range b.Entries {
		e := &b.Entries[i]
		if e.Status == "" {
			e.Status = StatusOK
		}
		for j := range e.Contacts {
			c := &e.Contacts[j]
			if c.Status == "" {
				c.Status = StatusOK
			}
			if c.Source == "" && len(e.Sources) > 0 {
				c.Source, c.Date, c.Undated = e.Sources[0].URL, e.Sources[0].Date, e.Sources[0].Undated
			}
		}
	}
	sort.SliceStable(b.Categories, func(i, j int) bool { return b.Categories[i].Order < b.Categories[j].Order })
}

// Entry returns the entry with the given id.
func (b *Bundle) Entry(id string) (Entry, bool) {
	for _, e := range b.Entries {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// MetaFile is where content keeps its [meta] table: LoadMeta reads only
// it, where Load parses every file.
const MetaFile = "meta.toml"

// LoadMeta returns the [meta] table of the content under fsys. It reads
// MetaFile alone when the table is there, a few microseconds where Load
// takes some 8 ms that the window's start would wait for (the pack
// selection needs the version before the window opens); content that
// keeps its [meta] elsewhere is read whole.
func LoadMeta(fsys fs.FS) (Meta, error) {
	if data, err := fs.ReadFile(fsys, MetaFile); err == nil {
		var f struct {
			Meta *Meta `toml:"meta"`
		}
		if _, err := toml.Decode(string(data), &f); err == nil && f.Meta != nil && f.Meta.Version != "" {
			return *f.Meta, nil
		}
	}
	b, err := Load(fsys)
	if err != nil {
		return Meta{}, err
	}
	return b.Meta, nil
}
