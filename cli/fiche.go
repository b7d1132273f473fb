package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"reperecyber/content"
	"reperecyber/export"
	"reperecyber/triage"
)

const ficheUsage = "Usage : reperecyber fiche ISSUE [--commune RECHERCHE] [-o FICHIER.pdf] [--force]\nLes issues : reperecyber triage --tree --json, ou reperecyber search --kind triage MOTS"

// runFiche writes the fiche réflexe of a triage outcome, with the
// contacts of a commune when one is given.
func runFiche(ctx context.Context, env Env, args []string) int {
	fs := flag.NewFlagSet("fiche", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	commune := fs.String("commune", "", "")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	id, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, rest = args[0], args[1:]
	}
	if err := fs.Parse(rest); err != nil || id == "" || fs.NArg() > 0 {
		fmt.Fprintln(env.Stderr, ficheUsage)
		return ExitUsage
	}
	b, tree, ok := loadTriage(env)
	if !ok {
		return ExitFailure
	}
	o, found := tree.Outcome(id)
	if !found {
		fmt.Fprintf(env.Stderr, "Aucune issue du parcours ne s'appelle %q.\n%s\n", id, ficheUsage)
		return ExitUsage
	}
	ref, ok := openReference(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer ref.Close()
	var place content.Place
	var here triage.Place
	if *commune != "" {
		p, code := oneCommune(ctx, env, ref, *commune)
		if code != ExitOK {
			return code
		}
		c, err := ref.CompetentFor(ctx, p)
		if err != nil {
			return failed(env, "Lecture des services impossible.", err)
		}
		place, here = p, triage.Place{Known: true, Local: c.Local, Gaps: c.Gaps}
	}
	diagnosis, _ := b.Entry(o.Diagnosis)
	data := export.FicheFromOutcome(*o, triage.Resolve(*o, here, b.Entry), diagnosis, place)
	info, err := ref.Info(ctx)
	if err != nil {
		return failed(env, "Lecture du contenu impossible.", err)
	}
	opt := export.Options{Date: exportDate(), ContentVersion: info.ContentVersion, Producer: env.Info.Name + " " + env.Info.Version}
	path := *out
	if path == "" {
		path = "fiche-reflexe-" + o.ID
		if place.INSEE != "" {
			path += "-" + place.INSEE
		}
		path += ".pdf"
	}
	if err := checkTarget(env, path, pdfMagic, *force); err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	if err := export.WriteFileAtomic(path, func(w io.Writer) error { return export.Fiche(w, data, opt) }); err != nil {
		return exportFailed(env, path, err)
	}
	fmt.Fprintf(env.Stdout, "Fiche réflexe enregistrée : %s\n", path)
	return ExitOK
}
