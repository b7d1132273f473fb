// Package cli runs Repère Cyber's sub-commands in a terminal: version,
// check, show, commune, search and triage. Messages are in French; errors for the log
// carry their English context after a French sentence.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"reperecyber/appinfo"
	"reperecyber/core"
	"reperecyber/store"
)

// Env is what the commands need from the outside world, wired by main.
type Env struct {
	Stdout, Stderr io.Writer
	// Stdin is read line by line by interactive commands (triage).
	Stdin io.Reader
	Info  appinfo.Info
	// Core configures the application core, opened by the commands that
	// need it (help and version do not).
	Core core.Config
}

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
)

type command struct {
	name, args, help string
	run              func(ctx context.Context, env Env, args []string) int
}

var commands []command

func init() {
	// Declared in init because help refers back to the list.
	commands = []command{
		{"version", "", "versions de l'application, du contenu et des communes ; emplacement des bases", runVersion},
		{"check", "", "vérifie tout le contenu embarqué (sources, dates, numéros, liens)", runCheck},
		{"show", "ID", "affiche une fiche (service, définition, pack élus)", runShow},
		{"commune", "RECHERCHE", "une commune (code INSEE, code postal ou nom) et les services compétents", runCommune},
		{"triage", "", "que faire maintenant ? le parcours en questions (--commune RECHERCHE ; --tree --json)", runTriage},
		{"search", "MOTS", "cherche dans les fiches et les communes (--json, --limit N, --kind TYPE)", runSearch},
		{"config", "[NOM [VALEUR]]", "lit ou change un réglage (commune, text_size, theme)", runConfig},
		{"sheet", "--commune RECHERCHE", "fiche contacts PDF d'une commune (--epci SIREN ou --departement CODE : une page par commune ; -o FICHIER, --split DOSSIER)", runSheet},
		{"fiche", "ISSUE", "fiche réflexe PDF d'une issue du parcours (--commune RECHERCHE, -o FICHIER)", runFiche},
		{"pack", "COMMANDE", "paquets de contenu signés : install FICHIER, status, remove (keygen, build pour les diffuseurs)", runPack},
		{"incident", "new|log|evidence|list|show|dossier|close", "journal d'un incident : entrées horodatées, preuves, délais, dossier PDF (incident -h)", runIncident},
		{"import-contacts", "FICHIER", "importe des contacts locaux (CSV ou TOML : insee, role, nom, telephone, courriel, note)", runImportContacts},
		{"restore", "[FICHIER]", "remet vos données dans l'état d'une sauvegarde (la plus récente par défaut ; --list)", runRestore},
		{"export-data", "FICHIER", "enregistre toutes vos données dans un fichier, pour un autre ordinateur", runExportData},
		{"import-data", "FICHIER", "remplace vos données par celles d'un fichier écrit par export-data", runImportData},
		{"help", "", "cette aide", runHelp},
	}
}

// Run runs the sub-command named by args[0] and returns the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	env, finish := guardOutput(env)
	return finish(run(ctx, args, env))
}

func run(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 {
		return runHelp(ctx, env, nil)
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	for _, c := range commands {
		if c.name == name {
			if wantsHelp(args[1:]) && !ownHelp[c.name] {
				return commandHelp(env, c)
			}
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "Commande inconnue : « %s ».\n\n", printable(args[0]))
	usage(env.Stderr, env.Info)
	return ExitUsage
}

func runHelp(_ context.Context, env Env, args []string) int {
	if len(args) == 1 {
		for _, c := range commands {
			if c.name == args[0] {
				return commandHelp(env, c)
			}
		}
	}
	if len(args) > 0 {
		return junkArguments(env, "help", args)
	}
	usage(env.Stdout, env.Info)
	return ExitOK
}

func usage(w io.Writer, info appinfo.Info) {
	fmt.Fprintf(w, "%s %s\n\nSans argument, ouvre la fenêtre. Commandes :\n", info.Name, info.Version)
	for _, c := range commands {
		fmt.Fprintf(w, "  reperecyber %-20s %s\n", c.name+" "+c.args, c.help)
	}
}

// openCore opens the application core, or explains in French why it
// could not and returns false. A damaged user database is said in one
// line: the reference keeps working without it.
func openCore(ctx context.Context, env Env) (*core.Core, bool) {
	c, err := core.Open(ctx, env.Core)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Impossible d'ouvrir la base de référence (%s).\nVérifiez que le dossier est accessible en écriture, puis relancez.\nDétail : %v\n", env.Core.Paths.Reference, err)
		return nil, false
	}
	if uerr := c.UserErr(); uerr != nil {
		fmt.Fprintln(env.Stderr, userDataProblem(env, uerr))
	}
	return c, true
}

// userDataProblem says in French what is wrong with the user database.
func userDataProblem(env Env, err error) string {
	if errors.Is(err, store.ErrCorrupt) {
		return fmt.Sprintf("Attention : le fichier de vos données est endommagé (%s). Vos contacts locaux et réglages ne sont pas utilisés ; déplacez ce fichier ailleurs (ne le supprimez pas) puis relancez.", env.Core.Paths.User)
	}
	return fmt.Sprintf("Attention : vos données (%s) ne peuvent pas être ouvertes ; vos contacts locaux et réglages ne sont pas utilisés. Détail : %v", env.Core.Paths.User, err)
}

// user returns the user database, or prints why it is unavailable.
func user(env Env, c *core.Core) (*store.User, bool) {
	u, err := c.User()
	if err != nil {
		fmt.Fprintln(env.Stderr, "Cette commande a besoin de vos données, qui ne peuvent pas être ouvertes.")
		return nil, false
	}
	return u, true
}

// failed prints a French sentence and the technical detail for an
// unexpected error, and returns the failure exit code.
func failed(env Env, what string, err error) int {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(env.Stderr, "Interrompu.")
		return ExitFailure
	}
	fmt.Fprintf(env.Stderr, "%s\nDétail : %v\n", what, err)
	return ExitFailure
}

// userMessage is an error whose text is a French sentence written for
// the person at the keyboard, printed as it is.
type userMessage string

func (m userMessage) Error() string { return string(m) }
