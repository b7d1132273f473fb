package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"reperecyber/content"
	"reperecyber/export"
	"reperecyber/store"
	"reperecyber/textfold"
)

const sheetUsage = `Usage :
  reperecyber sheet --commune RECHERCHE [-o FICHIER.pdf]
  reperecyber sheet --epci SIREN | --departement CODE [-o FICHIER.pdf | --split DOSSIER]
Exemples : reperecyber sheet --commune 29019 ; reperecyber sheet --departement 62 --split fiches/
Un fichier existant qui n'est pas un PDF n'est remplacé qu'après confirmation (--force : sans question).`

// sheetArgs are the parsed arguments of `sheet`.
type sheetArgs struct {
	commune, epci, dep, out, split string
	force                          bool
}

func parseSheetArgs(args []string) (sheetArgs, bool) {
	var a sheetArgs
	fs := flag.NewFlagSet("sheet", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.commune, "commune", "", "")
	fs.StringVar(&a.epci, "epci", "", "")
	fs.StringVar(&a.dep, "departement", "", "")
	fs.StringVar(&a.out, "o", "", "")
	fs.StringVar(&a.split, "split", "", "")
	fs.BoolVar(&a.force, "force", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return a, false
	}
	chosen := 0
	for _, s := range []string{a.commune, a.epci, a.dep} {
		if strings.TrimSpace(s) != "" {
			chosen++
		}
	}
	batch := a.commune == ""
	return a, chosen == 1 && !(a.out != "" && a.split != "") && (batch || a.split == "")
}

func runSheet(ctx context.Context, env Env, args []string) int {
	a, ok := parseSheetArgs(args)
	if !ok {
		fmt.Fprintln(env.Stderr, sheetUsage)
		return ExitUsage
	}
	ref, ok := openReference(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer ref.Close()
	places, name, code := sheetPlaces(ctx, env, ref, a)
	if code != ExitOK {
		return code
	}
	user, err := store.OpenUser(env.Paths.User)
	if err != nil {
		return failed(env, "Impossible d'ouvrir vos données (contacts locaux).", err)
	}
	defer user.Close()
	list, opt, err := sheetInputs(ctx, ref, user, places, env)
	if err != nil {
		return failed(env, "Lecture des services impossible.", err)
	}
	if a.split != "" {
		return writeSplit(ctx, env, a.split, list, opt, a.force)
	}
	if a.out == "" {
		a.out = name
	}
	return writeBatch(ctx, env, a.out, list, opt, a.force)
}

// sheetPlaces resolves the communes asked for, and the default file name.
func sheetPlaces(ctx context.Context, env Env, ref *store.Reference, a sheetArgs) ([]content.Place, string, int) {
	switch {
	case a.commune != "":
		p, code := oneCommune(ctx, env, ref, a.commune)
		return []content.Place{p}, sheetFileName(p), code
	case a.epci != "":
		ps, err := ref.PlacesOfEPCI(ctx, strings.TrimSpace(a.epci))
		return batchPlaces(env, ps, err, "Aucune intercommunalité n'a le SIREN « "+a.epci+" » (9 chiffres, voir reperecyber commune).", "fiches-contacts-epci-"+a.epci+".pdf")
	default:
		ps, err := ref.PlacesOfDepartement(ctx, strings.TrimSpace(a.dep))
		return batchPlaces(env, ps, err, "Aucun département n'a le code « "+a.dep+" » (par exemple 29, 2A, 974).", "fiches-contacts-departement-"+strings.ToUpper(a.dep)+".pdf")
	}
}

func batchPlaces(env Env, ps []content.Place, err error, unknown, name string) ([]content.Place, string, int) {
	if err != nil {
		return nil, "", failed(env, "Recherche des communes impossible.", err)
	}
	if len(ps) == 0 {
		fmt.Fprintln(env.Stderr, unknown)
		return nil, "", ExitUsage
	}
	return ps, name, ExitOK
}

// oneCommune finds the commune a person typed, or explains in French why
// not (none, or several: the candidates are listed) with exit code 2.
func oneCommune(ctx context.Context, env Env, ref *store.Reference, query string) (content.Place, int) {
	places, err := ref.FindPlaces(ctx, query, maxCandidates+1)
	if err != nil {
		return content.Place{}, failed(env, "Recherche de la commune impossible.", err)
	}
	switch len(places) {
	case 0:
		fmt.Fprintf(env.Stderr, "Aucune commune ne correspond à « %s ».\nEssayez le code postal, le code INSEE ou le nom complet.\n", query)
		return content.Place{}, ExitUsage
	case 1:
		return places[0], ExitOK
	}
	writeCandidates(env.Stderr, query, places)
	return content.Place{}, ExitUsage
}

// sheetInputs gathers what each sheet shows. The services of a commune
// depend only on its département and région, so they are read once per
// pair, not once per commune.
func sheetInputs(ctx context.Context, ref *store.Reference, user *store.User, places []content.Place, env Env) ([]export.SheetData, export.Options, error) {
	info, err := ref.Info(ctx)
	if err != nil {
		return nil, export.Options{}, err
	}
	elus, err := ref.EntriesOf(ctx, content.KindElus)
	if err != nil {
		return nil, export.Options{}, err
	}
	competent := map[string]store.Competent{}
	list := make([]export.SheetData, 0, len(places))
	for _, p := range places {
		key := p.Departement + "/" + p.Region
		c, ok := competent[key]
		if !ok {
			if c, err = ref.CompetentFor(ctx, p); err != nil {
				return nil, export.Options{}, err
			}
			competent[key] = c
		}
		local, err := user.LocalContacts(ctx, p.INSEE)
		if err != nil {
			return nil, export.Options{}, err
		}
		entries := append(append(append([]content.Entry{}, c.Local...), c.National...), elus...)
		list = append(list, export.SheetData{Place: p, Entries: entries, Gaps: c.Gaps, Contacts: local})
	}
	opt := export.Options{Date: exportDate(), ContentVersion: info.ContentVersion, Producer: env.Info.Name + " " + env.Info.Version}
	return list, opt, nil
}

// exportDate is now, or SOURCE_DATE_EPOCH when set, for reproducible files.
func exportDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}

func writeBatch(ctx context.Context, env Env, path string, list []export.SheetData, opt export.Options, force bool) int {
	if err := checkTarget(env, path, pdfMagic, force); err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	bar := newProgress(env.Stderr, "Fiches")
	err := export.WriteFileAtomic(path, func(w io.Writer) error {
		return export.ContactSheets(ctx, w, list, opt, bar.update)
	})
	bar.done()
	if err != nil {
		return exportFailed(env, path, err)
	}
	fmt.Fprintf(env.Stdout, "Écrit : %s (%d page%s).\n", path, len(list), plural(len(list), "", "s"))
	return ExitOK
}

func writeSplit(ctx context.Context, env Env, dir string, list []export.SheetData, opt export.Options, force bool) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failed(env, "Impossible de créer le dossier « "+dir+" ».", err)
	}
	bar := newProgress(env.Stderr, "Fiches")
	for i, d := range list {
		path := filepath.Join(dir, sheetFileName(d.Place))
		err := checkTarget(env, path, pdfMagic, force)
		if err == nil {
			err = export.WriteFileAtomic(path, func(w io.Writer) error { return export.ContactSheet(w, d, opt) })
		}
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			bar.done()
			return splitFailed(env, dir, path, i, len(list), err)
		}
		bar.update(i+1, len(list))
	}
	bar.done()
	fmt.Fprintf(env.Stdout, "%d fiche%s écrite%s dans %s.\n", len(list), plural(len(list), "", "s"), plural(len(list), "", "s"), dir)
	return ExitOK
}

func exportFailed(env Env, path string, err error) int {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(env.Stderr, "Interrompu : aucun fichier n'a été modifié.")
		return ExitFailure
	}
	return failed(env, "Impossible d'écrire « "+path+" ». Vérifiez le dossier et l'espace disque ; un fichier existant n'a pas été modifié.", err)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sheetFileName is « fiche-contacts-29019-brest.pdf ».
func sheetFileName(p content.Place) string {
	return "fiche-contacts-" + p.INSEE + "-" + slug(p.Name) + ".pdf"
}

func slug(s string) string {
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
