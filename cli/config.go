package cli

import (
	"context"
	"fmt"
	"strings"

	"reperecyber/core"
)

const configUsage = "Usage : reperecyber config [NOM [VALEUR]]\n  sans argument : affiche les réglages ; NOM : affiche un réglage ; NOM VALEUR : le change.\n  Réglages : commune, text_size, theme (les mêmes que dans la fenêtre)."

// runConfig reads or changes the settings the window's « Réglages » and
// « Ma commune » change, so that a référent can prepare many computers
// with a script.
func runConfig(ctx context.Context, env Env, args []string) int {
	if len(args) > 2 {
		fmt.Fprintln(env.Stderr, configUsage)
		return ExitUsage
	}
	var s core.Setting
	if len(args) > 0 {
		var ok bool
		if s, ok = core.FindSetting(args[0]); !ok {
			fmt.Fprintf(env.Stderr, "Réglage inconnu : %q.\n%s\n", args[0], configUsage)
			return ExitUsage
		}
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	if _, ok := user(env, c); !ok {
		return ExitFailure
	}
	switch len(args) {
	case 0:
		for _, s := range core.Settings {
			fmt.Fprintf(env.Stdout, "%-10s %-8s  (%s)\n", s.Key, c.Setting(ctx, s), s.Help)
		}
		return ExitOK
	case 1:
		fmt.Fprintln(env.Stdout, c.Setting(ctx, s))
		return ExitOK
	}
	return setConfig(ctx, env, c, s, args[1])
}

func setConfig(ctx context.Context, env Env, c *core.Core, s core.Setting, value string) int {
	var err error
	if s.Key == core.SettingCommune.Key {
		res, code := resolveCommune(env, c, value, "reperecyber config commune CODE_INSEE")
		if code != ExitOK {
			return code
		}
		value = res.Place.INSEE
		err = c.SetMyCommune(ctx, value)
	} else {
		if !contains(s.Values, value) {
			fmt.Fprintf(env.Stderr, "Valeur %q impossible pour %s. Valeurs possibles : %s.\n", value, s.Key, strings.Join(s.Values, ", "))
			return ExitUsage
		}
		err = c.SetSetting(ctx, s, value)
	}
	if err != nil {
		return failed(env, "Le réglage n'a pas pu être enregistré.", err)
	}
	fmt.Fprintf(env.Stdout, "%s = %s\n", s.Key, value)
	return ExitOK
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
