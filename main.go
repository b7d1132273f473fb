// Command reperecyber is Repère Cyber, an offline reference for French
// communes facing cyber threats and attacks on their élus. With no
// argument it opens the window; with one it runs a sub-command (see
// `reperecyber help`).
package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	_ "frlocale" // first: sets the locale before Fyne reads it
	// Time zones inside the binary: on Windows without Go installed there
	// are none, and the CSIRTs' « ouvert maintenant » needs them.
	_ "time/tzdata"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/store"
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
	// Content pack (issue 17): chosen before anything reads the content.
	var notices io.Writer = os.Stderr
	if len(os.Args) > 1 && os.Args[1] == "pack" {
		notices = nil // `pack status` says it all
	}
	notice := selectContent(paths, info, notices)
	cfg := core.Config{Paths: paths, App: info}

	if len(os.Args) > 1 {
		attachConsole()
		// SIGTERM (kill, shutdown) and SIGHUP (terminal closed) stop an
		// export cleanly, like Ctrl+C: its temporary file is removed.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		code := cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, Info: info, Core: cfg})
		stop()
		os.Exit(code)
	}
	cfg.IndexEarly = true
	env := ui.Env{Info: info, Core: cfg, Icon: assets.Icon, OpenAt: os.Getenv("REPERECYBER_OPEN"), Notice: notice}
	if err := ui.Run(env); err != nil {
		fmt.Fprintln(os.Stderr, "La fenêtre ne peut pas s'ouvrir : aucun écran graphique n'est disponible.\nLancez Repère Cyber depuis une session de bureau, ou utilisez une commande (reperecyber help).")
		os.Exit(cli.ExitFailure)
	}
}
