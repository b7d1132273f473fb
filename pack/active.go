package pack

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"reperecyber/content"
)

// Origin says where the content in use comes from.
type Origin string

// Origins of the content in use.
const (
	FromEmbedded Origin = "embedded"
	FromPack     Origin = "pack"
)

// Status describes the content in use.
type Status struct {
	Origin  Origin
	Version string
	// Date is the day the content was last reviewed, AAAA-MM-JJ.
	Date string
	// Signer is the name of the key that signed the pack ("" for the
	// embedded content), SignerID its short fingerprint.
	Signer, SignerID string
}

// Selection is the content the app serves.
type Selection struct {
	// Content has the layout of assets.ContentFS().
	Content fs.FS
	// Data holds the communes data files (dataset.toml, …); nil means the
	// embedded ones.
	Data   fs.FS
	Status Status
	// Warning is a French sentence for the person when an installed pack
	// was ignored because it failed verification; "" otherwise.
	Warning string
	// Note is a French sentence, not a warning, when an installed pack is
	// valid but not used because the embedded content is newer.
	Note string
}

// Active chooses the content to serve at start-up: the pack installed in
// dataDir if it verifies again (trusted key, every file hash, this app
// version) and is newer than the embedded content, else the embedded
// content. The returned Selection is always usable: when an installed
// pack is ignored, Warning says so to the person and the error, for the
// log, says why.
func Active(dataDir string, trusted []Key, emb Embedded, appVersion string) (Selection, error) {
	sel := Selection{Content: emb.Content, Status: Status{Origin: FromEmbedded, Version: emb.Meta.Version, Date: emb.Meta.Date}}
	data, err := os.ReadFile(filepath.Join(dataDir, InstalledName))
	if errors.Is(err, fs.ErrNotExist) {
		return sel, nil
	}
	if err == nil && len(data) > MaxSize {
		err = fmt.Errorf("%d bytes", len(data))
	}
	var p *Pack
	if err == nil {
		p, err = Read(data, trusted)
	}
	if err == nil {
		err = checkApp(p, appVersion)
	}
	if err != nil {
		sel.Warning = ignoredWarning(err)
		return sel, fmt.Errorf("installed content pack ignored: %w", err)
	}
	if c, err := CompareVersions(emb.Meta.Version, p.Manifest.ContentVersion); err != nil || c >= 0 {
		sel.Note = fmt.Sprintf("Le contenu intégré à l'application (version %s) est aussi récent ou plus récent que le paquet installé (version %s) : c'est lui qui est utilisé.",
			emb.Meta.Version, p.Manifest.ContentVersion)
		return sel, err
	}
	return Selection{
		Content: p.ContentFS(),
		Data:    p.DataFS(),
		Status: Status{Origin: FromPack, Version: p.Manifest.ContentVersion, Date: p.Manifest.ContentDate,
			Signer: p.Key.Name, SignerID: p.Key.ID()},
	}, nil
}

func ignoredWarning(err error) string {
	var r *Refusal
	reason := "Il est illisible."
	if errors.As(err, &r) {
		reason = r.Reason
	}
	return "Le paquet de contenu installé a été ignoré et le contenu intégré à l'application est utilisé. " + reason +
		" Pour revenir au contenu intégré sans ce message : reperecyber pack remove."
}

// Describe is a one-line French description of the content in use.
func (s Status) Describe() string {
	if s.Origin == FromPack {
		return fmt.Sprintf("version %s du %s, paquet signé par « %s » (clé %s)", s.Version, content.FormatDate(s.Date), s.Signer, s.SignerID)
	}
	return fmt.Sprintf("version %s du %s, intégré à l'application", s.Version, content.FormatDate(s.Date))
}
