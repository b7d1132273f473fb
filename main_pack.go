package main

import (
	"fmt"
	"io"
	"log"
	"time"

	"reperecyber/appinfo"
	"reperecyber/cli"
	"reperecyber/pack"
	"reperecyber/store"
)

// selectContent serves an installed content pack that verifies again, or
// the embedded content (issue 17). Its messages for the person go to w
// once per run; the window's status line is wired by the core (issue 10).
// Temporary wiring, to move into the application core.
func selectContent(paths store.Paths, info appinfo.Info, w io.Writer) pack.Selection {
	sel, err := cli.SelectContent(paths, info)
	if err != nil {
		log.Printf("content: %v", err) // the embedded content is served
	}
	for _, s := range []string{sel.Warning, pack.FreshnessNotice(sel.Status, time.Now())} {
		if s != "" && w != nil {
			fmt.Fprintln(w, s)
		}
	}
	return sel
}
