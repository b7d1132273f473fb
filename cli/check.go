package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
)

func runCheck(ctx context.Context, env Env, args []string) int {
	verbose := len(args) == 1 && (args[0] == "--verbose" || args[0] == "-v")
	if len(args) > 0 && !verbose {
		fmt.Fprintf(env.Stderr, "La commande check ne prend pas d'argument, sauf --verbose (reçu : « %s »).\nUsage : reperecyber check [--verbose]   (--verbose : chaque fait « à vérifier » avec la note des éditeurs)\n", printable(strings.Join(args, " ")))
		return ExitUsage
	}
	b, err := assets.Bundle()
	if err != nil {
		fmt.Fprintf(env.Stderr, "Contenu illisible : %v\n", err)
		return ExitFailure
	}
	a, err := assets.Atlas()
	if err != nil {
		fmt.Fprintf(env.Stderr, "Communes illisibles : %v\n", err)
		return ExitFailure
	}
	problems := content.Validate(b, a.Territories(), time.Now())
	problems = append(problems, triageProblems(b)...)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, p)
		}
		fmt.Fprintf(env.Stderr, "%d problème(s) dans le contenu.\n", len(problems))
		return ExitFailure
	}
	counts := map[content.Kind]int{}
	toCheck := 0
	for _, e := range b.Entries {
		counts[e.Kind]++
		if e.NeedsCheck() {
			toCheck++
		}
	}
	fmt.Fprintf(env.Stdout, "Contenu valide : %d services, %d définitions, %d fiches du pack élus, %s communes ; %d fiches « à vérifier ».\n",
		counts[content.KindService], counts[content.KindDefinition], counts[content.KindElus], content.FormatInt(a.Communes.Len()), toCheck)
	fmt.Fprintln(env.Stdout, triageSummary())
	if verbose {
		writeDoubts(env.Stdout, b.Entries)
	}
	return checkServed(ctx, env)
}

// checkServed checks the reference database the app serves from, not
// only the embedded content: an edited or damaged file is rebuilt when
// opened, and said so here.
func checkServed(ctx context.Context, env Env) int {
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	ref := c.Reference()
	if err := ref.Repaired(); err != nil {
		fmt.Fprintf(env.Stdout, "Base de référence abîmée ou modifiée : reconstruite à partir du contenu (%s).\n", printable(ref.Path()))
	}
	if err := ref.Verify(ctx); err != nil {
		return failed(env, "La base de référence ne correspond pas au contenu servi. Supprimez-la ("+printable(ref.Path())+") puis relancez.", err)
	}
	fmt.Fprintln(env.Stdout, "Base de référence vérifiée : elle sert exactement ce contenu.")
	return ExitOK
}

// writeDoubts lists, for editors, every fact « à vérifier » with the note
// that says how its sources disagree: the notes users are spared.
func writeDoubts(w io.Writer, entries []content.Entry) {
	fmt.Fprintln(w, "\nFaits « à vérifier » :")
	for _, e := range entries {
		if e.Status == content.StatusToCheck {
			writeWrapped(w, fmt.Sprintf("  %s (fiche) : %s", e.ID, e.Note), "      ")
		}
		for _, c := range e.Contacts {
			if c.Status == content.StatusToCheck {
				writeWrapped(w, fmt.Sprintf("  %s, %s %s : %s", e.ID, strings.ToLower(c.Type.Label()), c.Value, c.Note), "      ")
			}
		}
	}
}
