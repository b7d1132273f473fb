package cli

import (
	"context"
	"fmt"
	"strings"
)

func runShow(ctx context.Context, env Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, "Usage : reperecyber show ID   (par exemple : reperecyber show rancongiciel)")
		return ExitUsage
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	id := strings.ToLower(strings.TrimSpace(args[0]))
	if e, found := c.Entry(id); found {
		writeEntry(env.Stdout, e, categoryTitle(ctx, c.Reference(), e.Kind, e.Category))
		return ExitOK
	}
	if o, found := c.Outcome(id); found {
		calls, err := c.WhomToCall(ctx, *o, nil)
		if err != nil {
			return failed(env, "Lecture des services impossible.", err)
		}
		writeOutcome(env.Stdout, *o, calls, nil, c.Entry)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "Aucune fiche ni issue du parcours ne porte l'identifiant %q.\nPour chercher par le nom : reperecyber search MOTS\n", args[0])
	return ExitUsage
}
