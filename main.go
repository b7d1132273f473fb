// Command reperecyber is Repère Cyber, an offline reference for French
// communes facing cyber threats and attacks on their élus. With no
// argument it opens the window; with one it runs a sub-command (see
// `reperecyber help`).
package main

import (
	"context"
	_ "embed"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	_ "frlocale" // first: sets the locale before Fyne reads it

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/cli"
	"reperecyber/store"
	"reperecyber/triage"
	"reperecyber/ui"
)

//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	info, err := appinfo.Parse(fyneAppTOML)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(cli.ExitFailure)
	}
	paths, err := store.DefaultPaths()
	if err != nil {
		fmt.Fprintf(os.Stderr, "Impossible de trouver le dossier de configuration de l'utilisateur.\nDéfinissez %s avec un dossier accessible en écriture.\nDétail : %v\n", store.DirEnv, err)
		os.Exit(cli.ExitFailure)
	}
	source := store.Source{Fingerprint: assets.Fingerprint(), Load: assets.Load}

	if len(os.Args) > 1 {
		attachConsole()
		// SIGTERM (kill, shutdown) and SIGHUP (terminal closed) stop an
		// export cleanly, like Ctrl+C: its temporary file is removed.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		code := cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, Info: info, Paths: paths, Source: source})
		stop()
		os.Exit(code)
	}
	tree, err := triage.Load(assets.ContentFS())
	if err != nil {
		log.Printf("triage tree: %v", err) // the window offers the rest
	}
	env := ui.Env{Info: info, Paths: paths, Source: source, Icon: assets.Icon, Triage: tree, OpenAt: os.Getenv("REPERECYBER_OPEN")}
	if err := ui.Run(env); err != nil {
		fmt.Fprintln(os.Stderr, "La fenêtre ne peut pas s'ouvrir : aucun écran graphique n'est disponible.\nLancez Repère Cyber depuis une session de bureau, ou utilisez une commande (reperecyber help).")
		os.Exit(cli.ExitFailure)
	}
}
