// Command genindex writes the prebuilt search index embedded in Repère
// Cyber (assets/search.idx), from the embedded content, triage outcomes
// and communes, exactly as the app would build it at start. Run by
// `make index` after any change to assets/content or assets/data; the
// search package's tests fail while the file is stale.
//
// Usage: genindex -out assets/search.idx
package main

import (
	"flag"
	"fmt"
	"os"

	"reperecyber/assets"
	"reperecyber/search"
	"reperecyber/triage"
)

func main() {
	out := flag.String("out", "assets/search.idx", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genindex:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	b, a, err := assets.Load()
	if err != nil {
		return err
	}
	tree, err := triage.Load(assets.ContentFS())
	if err != nil {
		return err
	}
	data, err := search.Build(b.Entries, a.Places(), b.Search, triage.SearchDocs(tree)...).MarshalBinary()
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}
