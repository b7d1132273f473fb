package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/export"
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

func parseSheetArgs(env Env, args []string) (sheetArgs, bool) {
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
		sayFlagProblem(env, err)
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
	a, ok := parseSheetArgs(env, args)
	if !ok {
		fmt.Fprintln(env.Stderr, sheetUsage)
		return ExitUsage
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	places, name, code := sheetPlaces(env, c, a)
	if code != ExitOK {
		return code
	}
	list, err := c.Sheets(ctx, places)
	if err != nil {
		return failed(env, "Lecture des services impossible.", err)
	}
	opt := c.PrintOptions()
	if a.split != "" {
		return writeSplit(ctx, env, a.split, list, opt, a.force)
	}
	if a.out == "" {
		a.out = name
	}
	return writeBatch(ctx, env, a.out, list, opt, a.force)
}

// sheetPlaces resolves the communes asked for, and the default file name:
// the commune's, or the territory's name.
func sheetPlaces(env Env, c *core.Core, a sheetArgs) ([]content.Place, string, int) {
	switch {
	case a.commune != "":
		res, code := resolveCommune(env, c, a.commune, "--commune CODE_INSEE")
		if code != ExitOK {
			return nil, "", code
		}
		return []content.Place{*res.Place}, core.SheetFileName(*res.Place), ExitOK
	case a.epci != "":
		ps := c.PlacesOfEPCI(a.epci)
		name, _ := c.EPCIName(a.epci)
		return batchPlaces(env, ps, "Aucune intercommunalité n'a le SIREN « "+a.epci+" » (9 chiffres, voir reperecyber commune).", core.BatchFileName(name))
	default:
		ps := c.PlacesOfDepartement(a.dep)
		name := a.dep
		if len(ps) > 0 {
			name = ps[0].DepartementName
		}
		return batchPlaces(env, ps, "Aucun département n'a le code « "+a.dep+" » (par exemple 29, 2A, 974).", core.BatchFileName(name))
	}
}

func batchPlaces(env Env, ps []content.Place, unknown, name string) ([]content.Place, string, int) {
	if len(ps) == 0 {
		fmt.Fprintln(env.Stderr, unknown)
		return nil, "", ExitUsage
	}
	return ps, name, ExitOK
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
		path := filepath.Join(dir, core.SheetFileName(d.Place))
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
	if msg, ok := export.UserMessage(err); ok {
		fmt.Fprintf(env.Stderr, "%s\nAucun fichier n'a été écrit.\n", msg)
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
