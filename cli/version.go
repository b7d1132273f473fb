package cli

import (
	"context"
	"fmt"
	"time"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/pack"
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
	status := pack.Status{Origin: pack.FromEmbedded, Version: b.Meta.Version, Date: b.Meta.Date}
	if sel, _ := activeContent(env.Core.Paths, env.Info); sel.Status.Version == b.Meta.Version {
		status = sel.Status // a pack in use (issue 17)
	}
	fmt.Fprintf(w, "Contenu : %s", status.Describe())
	if pack.Stale(status.Date, time.Now()) {
		fmt.Fprintf(w, " (plus de %d mois : numéros à vérifier)", pack.StaleAfter)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Communes : %s %s (%s communes)\n", a.Dataset.Name, a.Dataset.Version, content.FormatInt(a.Dataset.Communes))
	fmt.Fprintf(w, "Base de référence : %s\n", env.Core.Paths.Reference)
	fmt.Fprintf(w, "Base utilisateur : %s\n", env.Core.Paths.User)
	return ExitOK
}
