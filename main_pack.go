package main

import (
	"fmt"
	"io"
	"log"
	"strings"
	"time"

	"reperecyber/appinfo"
	"reperecyber/cli"
	"reperecyber/pack"
	"reperecyber/store"
)

// selectContent serves an installed content pack that verifies again, or
// the embedded content (issue 17), and returns what the person must be
// told about it (a refused pack, numbers to check): written once to w for
// a command, shown once by the window.
func selectContent(paths store.Paths, info appinfo.Info, w io.Writer) string {
	sel, err := cli.SelectContent(paths, info)
	if err != nil {
		log.Printf("content: %v", err) // the embedded content is served
	}
	var out []string
	for _, s := range []string{sel.Warning, pack.FreshnessNotice(sel.Status, time.Now())} {
		if s != "" {
			out = append(out, s)
		}
	}
	msg := strings.Join(out, "\n\n")
	if msg != "" && w != nil {
		fmt.Fprintln(w, msg)
	}
	return msg
}
