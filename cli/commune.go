package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"reperecyber/content"
	"reperecyber/store"
)

// maxCandidates is how many communes an ambiguous query lists.
const maxCandidates = 30

func runCommune(ctx context.Context, env Env, args []string) int {
	query := strings.TrimSpace(strings.Join(args, " "))
	if query == "" {
		fmt.Fprintln(env.Stderr, "Usage : reperecyber commune RECHERCHE   (code INSEE, code postal ou nom : 29019, 29200, Brest)")
		return ExitUsage
	}
	ref, ok := openReference(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer ref.Close()
	places, err := ref.FindPlaces(ctx, query, maxCandidates+1)
	if err != nil {
		return failed(env, "Recherche de la commune impossible.", err)
	}
	switch len(places) {
	case 0:
		fmt.Fprintf(env.Stderr, "Aucune commune ne correspond à « %s ».\nEssayez le code postal, le code INSEE ou le nom complet (par exemple : reperecyber commune 29200).\n", query)
		return ExitUsage
	case 1:
		c, err := ref.CompetentFor(ctx, places[0])
		if err != nil {
			return failed(env, "Lecture des services impossible.", err)
		}
		writeCompetent(env.Stdout, c)
		return ExitOK
	}
	writeCandidates(env.Stdout, query, places)
	return ExitOK
}

func writeCandidates(w io.Writer, query string, places []content.Place) {
	more := len(places) > maxCandidates
	if more {
		places = places[:maxCandidates]
	}
	fmt.Fprintf(w, "Plusieurs communes correspondent à « %s ». Précisez avec le code INSEE :\n", query)
	for _, p := range places {
		fmt.Fprintf(w, "  %s  %s (%s, %s)\n", p.INSEE, p.Name, strings.Join(p.Postcodes, ", "), p.DepartementName)
	}
	if more {
		fmt.Fprintf(w, "  … et d'autres : précisez le nom ou donnez le code postal.\n")
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
	if c, ok := mainContact(e); ok {
		line += " : " + c.Value
	}
	for _, b := range e.Badges() {
		line += " [" + b + "]"
	}
	fmt.Fprintf(w, "%s  (%s)\n", line, e.ID)
}

// mainContact picks the contact to show first: a phone, else an SMS
// number, else a website, else an email.
func mainContact(e content.Entry) (content.Contact, bool) {
	for _, t := range []content.ContactType{content.ContactPhone, content.ContactSMS, content.ContactURL, content.ContactEmail} {
		for _, c := range e.Contacts {
			if c.Type == t {
				return c, true
			}
		}
	}
	return content.Contact{}, false
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
