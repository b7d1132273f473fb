package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"reperecyber/store"
)

func runShow(ctx context.Context, env Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, "Usage : reperecyber show ID   (par exemple : reperecyber show rancongiciel)")
		return ExitUsage
	}
	ref, ok := openReference(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer ref.Close()
	id := strings.ToLower(strings.TrimSpace(args[0]))
	e, err := ref.Entry(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(env.Stderr, "Aucune fiche ne porte l'identifiant %q.\nPour chercher une fiche par son nom : reperecyber search MOTS\n", args[0])
		return ExitUsage
	}
	if err != nil {
		return failed(env, "Lecture de la fiche impossible.", err)
	}
	writeEntry(env.Stdout, e, categoryTitle(ctx, ref, e.Kind, e.Category))
	return ExitOK
}
