package cli

import (
	"context"
	"fmt"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
)

func runCheck(ctx context.Context, env Env, args []string) int {
	if len(args) > 0 {
		return junkArguments(env, "check", args)
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
	return checkServed(ctx, env)
}

// checkServed checks the reference database the app serves from, not
// only the embedded content: an edited or damaged file is rebuilt when
// opened, and said so here.
func checkServed(ctx context.Context, env Env) int {
	ref, ok := openReference(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer ref.Close()
	if err := ref.Repaired(); err != nil {
		fmt.Fprintf(env.Stdout, "Base de référence abîmée ou modifiée : reconstruite à partir du contenu embarqué (%s).\n", printable(ref.Path()))
	}
	if err := ref.Verify(ctx); err != nil {
		return failed(env, "La base de référence ne correspond pas au contenu embarqué. Supprimez-la ("+printable(ref.Path())+") puis relancez.", err)
	}
	fmt.Fprintln(env.Stdout, "Base de référence vérifiée : elle sert exactement le contenu embarqué.")
	return ExitOK
}
