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

func runCheck(_ context.Context, env Env, args []string) int {
	verbose := len(args) == 1 && (args[0] == "--verbose" || args[0] == "-v")
	if len(args) > 0 && !verbose {
		fmt.Fprintln(env.Stderr, "Usage : reperecyber check [--verbose]   (--verbose : chaque fait « à vérifier » avec la note des éditeurs)")
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
		counts[content.KindService], counts[content.KindDefinition], counts[content.KindElus], content.FormatInt(len(a.Communes)), toCheck)
	fmt.Fprintln(env.Stdout, triageSummary())
	if verbose {
		writeDoubts(env.Stdout, b.Entries)
	}
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
