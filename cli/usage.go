package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// wantsHelp reports whether a sub-command's arguments ask for its usage.
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return false
}

// ownHelp are the commands with sub-commands of their own, which print
// the usage of the one asked (« incident log -h »).
var ownHelp = map[string]bool{"pack": true, "incident": true}

// commandHelp prints one sub-command's usage line and what it does.
func commandHelp(env Env, c command) int {
	fmt.Fprintf(env.Stdout, "Usage : reperecyber %s\n%s\n", strings.TrimSpace(c.name+" "+c.args), c.help)
	if long, ok := longUsage[c.name]; ok {
		fmt.Fprintln(env.Stdout, long)
	}
	return ExitOK
}

// longUsage holds the detailed usage of the commands that have one.
var longUsage = map[string]string{
	"sheet":           sheetUsage,
	"fiche":           ficheUsage,
	"import-contacts": importUsage,
	"restore":         restoreUsage,
	"export-data":     exportDataUsage,
	"import-data":     importDataUsage,
}

// junkArguments refuses arguments to a command that takes none.
func junkArguments(env Env, name string, args []string) int {
	fmt.Fprintf(env.Stderr, "La commande %s ne prend pas d'argument (reçu : « %s »).\nUsage : reperecyber %s\n", name, printable(strings.Join(args, " ")), name)
	return ExitUsage
}

// flagProblem says in French what was wrong with an option, naming it.
func flagProblem(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, flag.ErrHelp):
		return ""
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "Option inconnue : « --" + printable(strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")) + " »."
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "L'option « --" + printable(strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")) + " » attend une valeur."
	}
	return "Option invalide : " + printable(msg) + "."
}

// sayFlagProblem names, before the usage, the option that was wrong: an
// unknown one, or one missing its value. A nil error says nothing.
func sayFlagProblem(env Env, err error) {
	if err == nil {
		return
	}
	if msg := flagProblem(err); msg != "" {
		fmt.Fprintln(env.Stderr, msg)
	}
}
