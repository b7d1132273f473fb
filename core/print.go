package core

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"reperecyber/content"
	"reperecyber/export"
	"reperecyber/pack"
	"reperecyber/store"
	"reperecyber/textfold"
	"reperecyber/triage"
)

// PrintOptions are the options of every PDF: its date (now, or
// SOURCE_DATE_EPOCH for reproducible files), the content version and the
// producer.
func (c *Core) PrintOptions() export.Options {
	opt := export.Options{Date: c.printDate(), ContentVersion: c.info.ContentVersion, Producer: c.cfg.App.Name + " " + c.cfg.App.Version}
	if pack.Stale(c.info.ContentDate, c.cfg.Now()) {
		opt.Freshness = "Contenu du " + content.FormatDate(c.info.ContentDate) + ", il y a plus de 6 mois : vérifiez les numéros auprès des services avant de vous y fier, et mettez le contenu à jour (paquet de contenu ou nouvelle version de Repère Cyber)."
	}
	return opt
}

func (c *Core) printDate() time.Time { return PrintDate(c.cfg.Now()) }

// PrintDate is the date printed on a PDF made now: now, or
// SOURCE_DATE_EPOCH when set, for reproducible files.
func PrintDate(now time.Time) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return now
}

// Sheets gathers what the contact sheet of each commune shows: its
// services and gaps, the pack élus, and the mairie's own contacts. The
// services depend only on the département and région, so they are read
// once per pair. Own contacts are left out (blank lines to fill in) when
// the user database is unavailable.
func (c *Core) Sheets(ctx context.Context, places []content.Place) ([]export.SheetData, error) {
	elus, err := c.ref.EntriesOf(ctx, content.KindElus)
	if err != nil {
		return nil, err
	}
	competent := map[string]store.Competent{}
	out := make([]export.SheetData, 0, len(places))
	for _, p := range places {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key := p.Departement + "/" + p.Region
		comp, ok := competent[key]
		if !ok {
			if comp, err = c.Services(ctx, p); err != nil {
				return nil, err
			}
			competent[key] = comp
		}
		own, err := c.LocalContacts(ctx, p.INSEE)
		if err != nil && c.user != nil {
			return nil, err
		}
		entries := append(append(append([]content.Entry{}, comp.Local...), comp.National...), elus...)
		out = append(out, export.SheetData{Place: p, Entries: entries, Gaps: comp.Gaps, Contacts: own})
	}
	return out, nil
}

// Fiche gathers what the fiche réflexe of an outcome shows for a commune
// (nil: a generic fiche), with the same contacts as on screen.
func (c *Core) Fiche(ctx context.Context, o triage.Outcome, p *content.Place) (export.FicheData, error) {
	calls, err := c.WhomToCall(ctx, o, p)
	if err != nil {
		return export.FicheData{}, err
	}
	var place content.Place
	if p != nil {
		place = *p
	}
	diagnosis, _ := c.Entry(o.Diagnosis)
	return export.FicheFromOutcome(o, calls, diagnosis, place), nil
}

// SheetFileName is « fiche-contacts-29019-brest.pdf ».
func SheetFileName(p content.Place) string {
	return "fiche-contacts-" + p.INSEE + "-" + Slug(p.Name) + ".pdf"
}

// BatchFileName names the PDF of every sheet of a territory by its name:
// « fiches-contacts-cc-du-pays-de-landerneau-daoulas.pdf ».
func BatchFileName(territory string) string {
	return "fiches-contacts-" + Slug(territory) + ".pdf"
}

// FicheFileName is « fiche-reflexe-rancongiciel-mairie-brest.pdf », or
// without the commune for a generic fiche.
func FicheFileName(o triage.Outcome, p *content.Place) string {
	name := "fiche-reflexe-" + o.ID
	if p != nil {
		name += "-" + Slug(p.Name)
	}
	return name + ".pdf"
}

// CardFileName is « fiche-rancongiciel.pdf ».
func CardFileName(id string) string { return "fiche-" + Slug(id) + ".pdf" }

// Slug makes a name safe and readable in a file name on every system:
// ASCII letters and digits, words joined by hyphens.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range textfold.Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// PrintFolderName is the folder, inside the person's Documents, where PDFs
// go unless they choose another.
const PrintFolderName = "Repère Cyber"

// PrintDir is where PDFs are written without asking: the folder chosen
// last time if it still exists, else Documents/Repère Cyber (created),
// else the home folder. A secretary printing in a hurry never sees a
// folder dialog.
func (c *Core) PrintDir(ctx context.Context) (string, error) {
	if u, err := c.User(); err == nil {
		if dir, _ := u.Setting(ctx, settingPrintDir, ""); dir != "" && isDir(dir) {
			return dir, nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	base := home
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		base = docs
	}
	dir := filepath.Join(base, PrintFolderName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return home, nil // the home folder is writable where Documents is not
	}
	return dir, nil
}

// SetPrintDir remembers the folder the person chose for PDFs.
func (c *Core) SetPrintDir(ctx context.Context, dir string) error {
	u, err := c.User()
	if err != nil {
		return err
	}
	return u.SetSetting(ctx, settingPrintDir, dir)
}

// settingPrintDir is the key of the last folder chosen for PDFs (the
// window's « Enregistrer sous… »); it is not one of Settings, which the
// command line lists.
const settingPrintDir = "export_dir"

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
