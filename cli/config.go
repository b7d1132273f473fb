package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"reperecyber/store"
)

// configKey is a setting the command line may read or change: the same
// ones the window's « Réglages » and « Ma commune » change, so that a
// référent can prepare many computers with a script.
type configKey struct {
	name, help string
	values     []string // empty: any value, checked by check
	check      func(ctx context.Context, env Env, v string) (string, error)
}

var configKeys = []configKey{
	{name: "commune", help: "commune de l'utilisateur (code INSEE, code postal ou nom)", check: resolveCommune},
	{name: "text_size", help: "taille du texte", values: []string{"small", "normal", "large", "xlarge"}},
	{name: "theme", help: "apparence", values: []string{"system", "light", "dark"}},
}

const configUsage = "Usage : reperecyber config [NOM [VALEUR]]\n  sans argument : affiche les réglages ; NOM : affiche un réglage ; NOM VALEUR : le change."

func runConfig(ctx context.Context, env Env, args []string) int {
	if len(args) > 2 {
		fmt.Fprintln(env.Stderr, configUsage)
		return ExitUsage
	}
	u, err := store.OpenUser(env.Paths.User)
	if err != nil {
		return userDataFailed(env, env.Paths.User, err)
	}
	defer u.Close()
	if len(args) == 0 {
		for _, k := range configKeys {
			v, _ := u.Setting(ctx, k.name, "")
			fmt.Fprintf(env.Stdout, "%-10s %-8s  (%s)\n", k.name, v, k.help)
		}
		return ExitOK
	}
	k, ok := findConfigKey(args[0])
	if !ok {
		fmt.Fprintf(env.Stderr, "Réglage inconnu : %q. Réglages possibles : commune, text_size, theme.\n", args[0])
		return ExitUsage
	}
	if len(args) == 1 {
		v, err := u.Setting(ctx, k.name, "")
		if err != nil {
			return failed(env, "Lecture impossible.", err)
		}
		fmt.Fprintln(env.Stdout, v)
		return ExitOK
	}
	return setConfig(ctx, env, u, k, args[1])
}

func findConfigKey(name string) (configKey, bool) {
	for _, k := range configKeys {
		if k.name == name {
			return k, true
		}
	}
	return configKey{}, false
}

func setConfig(ctx context.Context, env Env, u *store.User, k configKey, value string) int {
	if len(k.values) > 0 && !contains(k.values, value) {
		fmt.Fprintf(env.Stderr, "Valeur %q impossible pour %s. Valeurs possibles : %s.\n", value, k.name, strings.Join(k.values, ", "))
		return ExitUsage
	}
	if k.check != nil {
		v, err := k.check(ctx, env, value)
		if err != nil {
			fmt.Fprintln(env.Stderr, err)
			return ExitUsage
		}
		value = v
	}
	if err := u.SetSetting(ctx, k.name, value); err != nil {
		if errors.Is(err, store.ErrReadOnly) {
			return userDataFailed(env, env.Paths.User, err)
		}
		return failed(env, "Le réglage n'a pas pu être enregistré.", err)
	}
	fmt.Fprintf(env.Stdout, "%s = %s\n", k.name, value)
	return ExitOK
}

// resolveCommune turns what was typed into one INSEE code, or explains.
func resolveCommune(ctx context.Context, env Env, q string) (string, error) {
	ref, ok := openReference(ctx, env)
	if !ok {
		return "", errors.New("base de référence indisponible")
	}
	defer ref.Close()
	places, err := ref.FindPlaces(ctx, q, 6)
	switch {
	case err != nil:
		return "", err
	case len(places) == 0:
		return "", userMessage(fmt.Sprintf("Aucune commune ne correspond à « %s ».", q))
	case len(places) > 1:
		var names []string
		for _, p := range places[:min(5, len(places))] {
			names = append(names, fmt.Sprintf("%s %s (%s)", p.INSEE, p.Name, p.DepartementName))
		}
		return "", userMessage(fmt.Sprintf("Plusieurs communes correspondent à « %s » ; donnez le code INSEE : %s", q, strings.Join(names, " ; ")))
	}
	return places[0].INSEE, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
