package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"reperecyber/core"
	"reperecyber/export"
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
		sayFlagProblem(env, err)
		fmt.Fprintln(env.Stderr, ficheUsage)
		return ExitUsage
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	o, found := c.Outcome(id)
	if !found {
		fmt.Fprintf(env.Stderr, "Aucune issue du parcours ne s'appelle %q.\n%s\n", id, ficheUsage)
		return ExitUsage
	}
	where, code := optionalCommune(env, c, *commune)
	if code != ExitOK {
		return code
	}
	data, err := c.Fiche(ctx, *o, where)
	if err != nil {
		return failed(env, "Lecture des services impossible.", err)
	}
	opt := c.PrintOptions()
	path := *out
	if path == "" {
		path = core.FicheFileName(*o, where)
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
