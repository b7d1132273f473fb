package cli

import (
	"context"
	"fmt"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
)

func runCheck(_ context.Context, env Env, _ []string) int {
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
	return ExitOK
}
