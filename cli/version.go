package cli

import (
	"context"
	"fmt"

	"reperecyber/assets"
	"reperecyber/content"
)

func runVersion(_ context.Context, env Env, args []string) int {
	if len(args) > 0 {
		return junkArguments(env, "version", args)
	}
	b, err := assets.Bundle()
	if err != nil {
		return failed(env, "Le contenu embarqué est illisible.", err)
	}
	a, err := assets.Atlas()
	if err != nil {
		return failed(env, "Les communes embarquées sont illisibles.", err)
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s %s (build %d)\n", env.Info.Name, env.Info.Version, env.Info.Build)
	fmt.Fprintf(w, "Contenu : version %s du %s\n", b.Meta.Version, content.FormatDate(b.Meta.Date))
	fmt.Fprintf(w, "Communes : %s %s (%s communes)\n", a.Dataset.Name, a.Dataset.Version, content.FormatInt(a.Dataset.Communes))
	fmt.Fprintf(w, "Base de référence : %s\n", env.Paths.Reference)
	fmt.Fprintf(w, "Base utilisateur : %s\n", env.Paths.User)
	return ExitOK
}
