package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"strings"

	"reperecyber/core"
	"reperecyber/search"
	"reperecyber/textfold"
)

// searchResult is the JSON form of a result.
type searchResult struct {
	ID         string         `json:"id"`
	Kind       search.Kind    `json:"kind"`
	Title      string         `json:"title"`
	Subtitle   string         `json:"subtitle"`
	Score      float64        `json:"score"`
	Highlights []search.Range `json:"highlights"`
	Why        string         `json:"why"`
	Alias      string         `json:"alias,omitempty"`
	Note       string         `json:"note,omitempty"`
}

const searchUsage = "Usage : reperecyber search [--json] [--limit N] [--kind service|definition|elus|commune|triage] MOTS…\nExemple : reperecyber search rançongiciel"

func runSearch(ctx context.Context, env Env, args []string) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", search.DefaultLimit, "")
	kind := fs.String("kind", "", "")
	if err := fs.Parse(args); err != nil || *limit < 1 {
		sayFlagProblem(env, err)
		fmt.Fprintln(env.Stderr, searchUsage)
		return ExitUsage
	}
	query := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if query == "" || textfold.Fold(query) == "" {
		fmt.Fprintln(env.Stderr, searchUsage)
		return ExitUsage
	}
	opt := search.Options{Limit: *limit}
	if *kind != "" {
		k, ok := parseKind(*kind)
		if !ok {
			fmt.Fprintf(env.Stderr, "Type %q inconnu.\n%s\n", *kind, searchUsage)
			return ExitUsage
		}
		opt.Kinds = []search.Kind{k}
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	if p, ok := c.MyCommune(ctx); ok {
		opt.Here = c.SearchHere(ctx, &p) // the commune chosen with config, as in the window
	}
	results := c.Search(query, opt)
	if len(results) == 0 {
		recordMissed(ctx, c, query)
	}
	if *asJSON {
		return writeJSON(env, results)
	}
	writeResults(env.Stdout, query, results)
	return ExitOK
}

func parseKind(s string) (search.Kind, bool) {
	for _, k := range search.Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// recordMissed notes a search that found nothing in the user database. It
// is a convenience for improving the content: failing to record it is
// logged, never shown as an error.
func recordMissed(ctx context.Context, c *core.Core, query string) {
	u, err := c.User()
	if err == nil {
		err = u.RecordMissedQuery(ctx, query)
	}
	if err != nil {
		log.Printf("record missed query: %v", err)
	}
}

func writeJSON(env Env, results []search.Result) int {
	out := make([]searchResult, len(results))
	for i, r := range results {
		out[i] = searchResult{ID: r.ID, Kind: r.Kind, Title: r.Title, Subtitle: r.Subtitle, Score: r.Score, Highlights: r.Highlights, Why: r.Why, Alias: r.Alias, Note: r.Note}
		if out[i].Highlights == nil {
			out[i].Highlights = []search.Range{}
		}
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return failed(env, "Écriture du résultat impossible.", err)
	}
	return ExitOK
}

func writeResults(w io.Writer, query string, results []search.Result) {
	if len(results) == 0 {
		fmt.Fprintf(w, "Aucun résultat pour « %s ». Essayez un autre mot, un synonyme, ou le code postal de la commune.\n", query)
		return
	}
	if n := results[0].Note; n != "" {
		fmt.Fprintln(w, n)
	}
	for _, r := range results {
		sub := r.Subtitle
		if n := []rune(sub); len(n) > 90 {
			sub = string(n[:89]) + "…"
		}
		fmt.Fprintf(w, "%-18s %s — %s  (%s)\n", r.Kind.Label(), r.Title, sub, r.ID)
	}
}
