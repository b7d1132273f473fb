package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/store"
)

func runCommune(ctx context.Context, env Env, args []string) int {
	query := strings.TrimSpace(strings.Join(args, " "))
	if query == "" {
		fmt.Fprintln(env.Stderr, "Usage : reperecyber commune RECHERCHE   (code INSEE, code postal ou nom : 29019, 29200, Brest ; insee:59350 ou cp:59350 pour forcer la lecture)")
		return ExitUsage
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	res, code := resolveCommune(env, c, query, "")
	if code != ExitOK {
		return code
	}
	comp, err := c.Services(ctx, *res.Place)
	if err != nil {
		return failed(env, "Lecture des services impossible.", err)
	}
	writeCompetent(env.Stdout, comp)
	if len(res.Others) > 0 {
		fmt.Fprintf(env.Stdout, "\n%s est aussi un code postal. Autres communes du code postal %s :\n", res.Query, res.Query)
		writePlaces(env.Stdout, res.Others)
		fmt.Fprintf(env.Stdout, "  Pour l'une d'elles : reperecyber commune CODE_INSEE (ou cp:%s pour la liste seule).\n", res.Query)
	}
	return ExitOK
}

// resolveCommune is the one way every command reads « which commune? »:
// found, it returns the resolution and ExitOK; unknown or ambiguous, it
// prints why on stderr (with the candidates, their département and
// région) and returns ExitUsage. retry tells how to give the code again
// (« --commune CODE_INSEE »).
func resolveCommune(env Env, c *core.Core, query, retry string) (core.Resolution, int) {
	res := c.ResolveCommune(query)
	if res.Found() {
		return res, ExitOK
	}
	if retry == "" {
		retry = "reperecyber commune CODE_INSEE"
	}
	if len(res.Candidates) == 0 {
		fmt.Fprintf(env.Stderr, "Aucune commune ne correspond à « %s ».\nEssayez le code postal, le code INSEE ou le nom complet (par exemple : 29200, 29019 ou Brest).\n", query)
		return res, ExitUsage
	}
	fmt.Fprintf(env.Stderr, "Plusieurs communes correspondent à « %s ». Relancez avec son code INSEE (%s) :\n", query, retry)
	writePlaces(env.Stderr, res.Candidates)
	if res.More {
		fmt.Fprintln(env.Stderr, "  … et d'autres : précisez le nom ou donnez le code postal.")
	}
	return res, ExitUsage
}

// writePlaces lists communes one a line with what tells them apart.
func writePlaces(w io.Writer, places []content.Place) {
	for _, p := range places {
		fmt.Fprintf(w, "  %s  %s (%s) — %s\n", p.INSEE, p.Name, strings.Join(p.Postcodes, ", "), core.Where(p))
	}
}

func writeCompetent(w io.Writer, c store.Competent) {
	p := c.Place
	fmt.Fprintf(w, "%s (code INSEE %s)\n", p.Name, p.INSEE)
	if len(p.Postcodes) > 0 {
		fmt.Fprintf(w, "Code(s) postal(aux) : %s\n", strings.Join(p.Postcodes, ", "))
	}
	fmt.Fprintf(w, "Département : %s (%s)\n", p.DepartementName, p.Departement)
	fmt.Fprintf(w, "Région : %s (%s)\n", p.RegionName, p.Region)
	if p.EPCI != "" {
		fmt.Fprintf(w, "Intercommunalité : %s (SIREN %s)\n", p.EPCIName, p.EPCI)
	} else {
		fmt.Fprintln(w, "Intercommunalité : aucune")
	}
	fmt.Fprintf(w, "Population : %s habitants\n", content.FormatInt(p.Population))

	fmt.Fprintln(w, "\nPour cette commune")
	for _, e := range c.Local {
		writeServiceLine(w, e)
	}
	for _, g := range c.Gaps {
		writeWrapped(w, "  Attention : "+g.Note, "    ")
		if len(g.Fallback) > 0 {
			fmt.Fprintf(w, "    À la place : %s\n", strings.Join(g.Fallback, ", "))
		}
	}
	fmt.Fprintln(w, "\nServices nationaux")
	for _, e := range c.National {
		writeServiceLine(w, e)
	}
	fmt.Fprintln(w, "\nPour le détail d'un service : reperecyber show ID")
}

// writeServiceLine prints a service on one line with its first phone (or
// first contact), then its id for `show`.
func writeServiceLine(w io.Writer, e content.Entry) {
	line := "  " + e.Title
	if c, ok := e.MainContact(); ok {
		line += " : " + c.Value
	}
	for _, b := range e.Badges() {
		line += " [" + b + "]"
	}
	fmt.Fprintf(w, "%s  (%s)\n", line, e.ID)
}

func categoryTitle(ctx context.Context, ref *store.Reference, kind content.Kind, id string) string {
	cats, err := ref.Categories(ctx, kind)
	if err != nil {
		return id
	}
	for _, c := range cats {
		if c.ID == id {
			return c.Title
		}
	}
	return id
}
