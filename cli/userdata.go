package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"reperecyber/content"
	"reperecyber/store"
)

const (
	restoreUsage = `Usage : reperecyber restore [FICHIER]
Sans FICHIER, remet vos données (favoris, historique, contacts locaux, réglages) dans l'état de la
sauvegarde la plus récente ; --list affiche les sauvegardes. Fermez d'abord la fenêtre de Repère Cyber.
Le fichier actuel n'est pas effacé : il est mis de côté, et son nom est affiché.`
	exportDataUsage = `Usage : reperecyber export-data FICHIER.zip [--force]
Écrit toutes vos données dans un seul fichier, à copier sur un autre ordinateur (import-data).`
	importDataUsage = `Usage : reperecyber import-data FICHIER.zip
Remplace vos données par celles d'un fichier écrit par export-data. Fermez d'abord la fenêtre.
Vos données actuelles ne sont pas effacées : elles sont mises de côté, et leur nom est affiché.`
)

// zipMagic starts every ZIP file, and so every data file.
const zipMagic = "PK\x03\x04"

func runRestore(_ context.Context, env Env, args []string) int {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	list := fs.Bool("list", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 1 {
		return usageError(env, err, restoreUsage)
	}
	backups, err := store.ListBackups(env.Core.Paths.User)
	if err != nil {
		return failed(env, "Impossible de lire le dossier des sauvegardes.", err)
	}
	if *list {
		return listBackups(env, backups)
	}
	from := fs.Arg(0)
	if from == "" {
		if len(backups) == 0 {
			fmt.Fprintf(env.Stderr, "Aucune sauvegarde pour l'instant (elles sont faites chaque jour d'utilisation, dans %s).\n", printable(backupDir(env)))
			return ExitFailure
		}
		from = backups[0].Path
	}
	kept, err := store.Restore(env.Core.Paths.User, from)
	if err != nil {
		return userDataFailed(env, from, err)
	}
	fmt.Fprintf(env.Stdout, "Vos données ont été restaurées depuis %s.\n", printable(from))
	if kept != "" {
		fmt.Fprintf(env.Stdout, "Les données d'avant sont conservées dans %s.\n", printable(kept))
	}
	return ExitOK
}

func listBackups(env Env, backups []store.Backup) int {
	if len(backups) == 0 {
		fmt.Fprintf(env.Stdout, "Aucune sauvegarde pour l'instant (dossier %s).\n", printable(backupDir(env)))
		return ExitOK
	}
	for _, b := range backups {
		fmt.Fprintf(env.Stdout, "%s à %s  %s\n", content.FormatDate(b.Time.Format("2006-01-02")), b.Time.Format("15:04"), printable(b.Path))
	}
	return ExitOK
}

func backupDir(env Env) string {
	return strings.TrimSuffix(env.Core.Paths.User, "user.db") + store.BackupDir
}

func runExportData(ctx context.Context, env Env, args []string) int {
	fs := flag.NewFlagSet("export-data", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	force := fs.Bool("force", false, "")
	path, rest := firstArg(args)
	if err := fs.Parse(rest); err != nil || path == "" || fs.NArg() > 0 {
		return usageError(env, err, exportDataUsage)
	}
	if err := checkTarget(env, path, zipMagic, *force); err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	u, err := store.OpenUser(env.Core.Paths.User)
	if err != nil {
		return userDataFailed(env, env.Core.Paths.User, err)
	}
	defer u.Close()
	if err := u.ExportData(ctx, path); err != nil {
		return failed(env, "Impossible d'écrire « "+printable(path)+" ». Vérifiez le dossier et l'espace disque.", err)
	}
	fmt.Fprintf(env.Stdout, "Vos données sont enregistrées dans %s.\nSur l'autre ordinateur : reperecyber import-data %s\n", printable(path), printable(path))
	return ExitOK
}

func runImportData(_ context.Context, env Env, args []string) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, importDataUsage)
		return ExitUsage
	}
	kept, err := store.ImportData(env.Core.Paths.User, args[0])
	if err != nil {
		return userDataFailed(env, args[0], err)
	}
	fmt.Fprintf(env.Stdout, "Données importées depuis %s.\n", printable(args[0]))
	for _, k := range kept {
		fmt.Fprintf(env.Stdout, "Les données d'avant sont conservées dans %s.\n", printable(k))
	}
	return ExitOK
}

// firstArg splits a leading non-option argument from the options after it.
func firstArg(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

// usageError prints what was wrong with the options, then the usage.
func usageError(env Env, err error, usage string) int {
	if err != nil {
		if msg := flagProblem(err); msg != "" {
			fmt.Fprintln(env.Stderr, msg)
		}
	}
	fmt.Fprintln(env.Stderr, usage)
	return ExitUsage
}

// userDataFailed says in French what went wrong with the user data, for
// the errors the store types: read-only folder, damaged file, newer
// version, not a data file.
func userDataFailed(env Env, path string, err error) int {
	var fe *store.FileError
	switch {
	case errors.Is(err, store.ErrReadOnly):
		fmt.Fprintln(env.Stderr, readOnlyNotice)
	case errors.Is(err, store.ErrTooNew):
		fmt.Fprintf(env.Stderr, "« %s » vient d'une version plus récente de Repère Cyber : installez cette version pour l'ouvrir. Le fichier n'a pas été modifié.\n", printable(path))
	case errors.As(err, &fe) && errors.Is(err, store.ErrCorrupt):
		fmt.Fprintf(env.Stderr, "Le fichier de vos données est endommagé : %s\nRemettez la dernière sauvegarde : reperecyber restore (le fichier endommagé est conservé à côté).\n", printable(fe.Path))
	case errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrNotDataFile):
		fmt.Fprintf(env.Stderr, "« %s » n'est pas un fichier de données de Repère Cyber, ou il est endommagé : rien n'a été modifié.\n", printable(path))
	default:
		return failed(env, "Opération impossible sur vos données ; rien n'a été modifié.", err)
	}
	return ExitFailure
}

// readOnlyNotice is the one line the front-ends show when the data folder
// cannot be written.
const readOnlyNotice = "Le dossier des données est en lecture seule (clé USB protégée ?) : la consultation fonctionne, mais favoris, historique, réglages et contacts locaux ne peuvent pas être enregistrés."
