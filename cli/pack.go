package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/pack"
	"reperecyber/store"
	"reperecyber/triage"
)

const packUsage = `Usage : reperecyber pack COMMANDE
Paquets de contenu (.rcpack) : mettre à jour les numéros et les fiches sans internet.
  reperecyber pack install FICHIER.rcpack   vérifie et installe un paquet (clé USB, fichier reçu)
  reperecyber pack status                   quel contenu est utilisé (intégré ou paquet, version, date)
  reperecyber pack remove                   revient au contenu intégré à l'application
Pour les diffuseurs (équipe Repère Cyber, CDG, OPSN) :
  reperecyber pack keygen NOM               crée NOM.key (privée, à garder hors ligne) et NOM.pub
  reperecyber pack build --key NOM.key --content DOSSIER [--data DOSSIER] [--min-app VERSION] -o FICHIER.rcpack
                                            vérifie le contenu comme « reperecyber check », puis le signe
Un paquet n'est accepté que s'il est signé par une clé connue de cette version de l'application,
intact, prévu pour cette version, et plus récent que le contenu utilisé.`

// trustedKeys is the source of trusted keys; tests replace it with keys
// they generate.
var trustedKeys = assets.TrustedKeys

func runPack(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w, code := env.Stderr, ExitUsage
		if len(args) > 0 {
			w, code = env.Stdout, ExitOK
		}
		fmt.Fprintln(w, packUsage)
		return code
	}
	sub := map[string]func(context.Context, Env, []string) int{
		"keygen": runPackKeygen, "build": runPackBuild, "install": runPackInstall,
		"status": runPackStatus, "remove": runPackRemove,
	}[args[0]]
	if sub == nil {
		fmt.Fprintf(env.Stderr, "Commande inconnue : pack %q.\n%s\n", args[0], packUsage)
		return ExitUsage
	}
	return sub(ctx, env, args[1:])
}

// SelectContent is the start-up step of issue 17: it chooses the content
// to serve (an installed pack that verifies again, or the embedded
// content) and makes package assets serve it. Temporary wiring: the
// application core (issue 10) will keep the Selection instead.
func SelectContent(paths store.Paths, info appinfo.Info) (pack.Selection, error) {
	sel, err := activeContent(paths, info)
	if sel.Status.Origin == pack.FromPack {
		assets.Use(sel.Content, sel.Data)
	} else {
		assets.Use(nil, nil)
	}
	return sel, err
}

// activeContent runs pack.Active with this build's keys and content.
func activeContent(paths store.Paths, info appinfo.Info) (pack.Selection, error) {
	emb, err := embedded()
	if err != nil {
		return pack.Selection{Content: assets.EmbeddedContentFS()}, err
	}
	keys, err := trustedKeys()
	if err != nil {
		return pack.Selection{Content: emb.Content, Status: pack.Status{Origin: pack.FromEmbedded, Version: emb.Meta.Version, Date: emb.Meta.Date}}, err
	}
	return pack.Active(dataFolder(paths), keys, emb, info.Version)
}

func embedded() (pack.Embedded, error) {
	meta, err := assets.EmbeddedMeta()
	return pack.Embedded{Content: assets.EmbeddedContentFS(), Meta: meta}, err
}

// dataFolder is where packs are installed: the user database's folder.
func dataFolder(paths store.Paths) string { return filepath.Dir(paths.User) }

// packFlags is a FlagSet that prints its usage and errors, for -h.
func packFlags(env Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("pack "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), usage) }
	return fs
}

// parseFlags parses args; it returns the exit code to stop with, or -1.
func parseFlags(env Env, fs *flag.FlagSet, args []string) int {
	fs.SetOutput(env.Stderr)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(env.Stdout)
		fs.Usage()
		return ExitOK
	case err != nil:
		return ExitUsage
	}
	return -1
}

const keygenUsage = "Usage : reperecyber pack keygen NOM\nCrée NOM.key (clé privée, lisible par vous seul : gardez-la hors ligne) et NOM.pub (clé publique, à ajouter dans assets/keys/ pour qu'une version de l'application lui fasse confiance)."

func runPackKeygen(_ context.Context, env Env, args []string) int {
	fs := packFlags(env, "keygen", keygenUsage)
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, keygenUsage)
		return ExitUsage
	}
	name := fs.Arg(0)
	k, err := pack.GenerateKey(name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Nom de clé invalide : %q. Utilisez des minuscules, chiffres, « . », « _ » ou « - » (64 au plus).\n", name)
		return ExitUsage
	}
	// O_EXCL: never overwrite a key, which would orphan every pack it signed.
	if err := writeNew(name+".key", pack.MarshalPrivate(k), 0o600); err != nil {
		return keyWriteFailed(env, name+".key", err)
	}
	if err := writeNew(name+".pub", pack.MarshalPublic(k.Public()), 0o644); err != nil {
		return keyWriteFailed(env, name+".pub", err)
	}
	fmt.Fprintf(env.Stdout, "Clé « %s » créée (empreinte %s) :\n  %s.key  privée : gardez-la hors ligne et sauvegardée, ne la publiez jamais\n  %s.pub  publique : à ajouter dans assets/keys/\n", name, k.Public().ID(), name, name)
	return ExitOK
}

func writeNew(name string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func keyWriteFailed(env Env, name string, err error) int {
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(env.Stderr, "%s existe déjà : rien n'a été écrit. Choisissez un autre nom, ou déplacez l'ancien fichier.\n", name)
		return ExitUsage
	}
	return failed(env, fmt.Sprintf("Impossible d'écrire %s.", name), err)
}

const buildUsage = "Usage : reperecyber pack build --key NOM.key --content DOSSIER [--data DOSSIER] [--min-app VERSION] -o FICHIER.rcpack\n" +
	"  --content  dossier du contenu, même organisation que assets/content (fichiers .toml)\n" +
	"  --data     dossier des données des communes, même organisation que assets/data (facultatif)\n" +
	"  --min-app  plus ancienne version de l'application qui peut lire ce contenu (par défaut : celle-ci)\n" +
	"Le contenu est vérifié comme par « reperecyber check » ; un contenu invalide n'est pas signé."

func runPackBuild(_ context.Context, env Env, args []string) int {
	fs := packFlags(env, "build", buildUsage)
	keyPath := fs.String("key", "", "")
	contentDir := fs.String("content", "", "")
	dataDir := fs.String("data", "", "")
	minApp := fs.String("min-app", env.Info.Version, "")
	out := fs.String("o", "", "")
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	if *keyPath == "" || *contentDir == "" || *out == "" || fs.NArg() != 0 {
		fmt.Fprintln(env.Stderr, buildUsage)
		return ExitUsage
	}
	if _, err := pack.CompareVersions(*minApp, *minApp); err != nil {
		fmt.Fprintf(env.Stderr, "--min-app %q n'est pas une version (exemple : 0.1.0).\n", *minApp)
		return ExitUsage
	}
	keyData, err := os.ReadFile(*keyPath)
	if err != nil {
		return failed(env, fmt.Sprintf("Impossible de lire la clé %s.", *keyPath), err)
	}
	key, err := pack.ParsePrivate(keyData)
	if err != nil {
		return failed(env, fmt.Sprintf("%s n'est pas une clé privée créée par « reperecyber pack keygen ».", *keyPath), err)
	}
	in, code := buildInput(env, *contentDir, *dataDir)
	if code != ExitOK {
		return code
	}
	in.MinAppVersion = *minApp
	data, err := pack.Build(in, key)
	if err != nil {
		return failed(env, "Le paquet ne peut pas être construit.", err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return failed(env, fmt.Sprintf("Impossible d'écrire %s.", *out), err)
	}
	fmt.Fprintf(env.Stdout, "Paquet écrit : %s (contenu version %s du %s, %d fichiers, signé par « %s », empreinte %s).\n",
		*out, in.ContentVersion, content.FormatDate(in.ContentDate), len(in.Files), key.Name, key.Public().ID())
	return ExitOK
}

// buildInput reads and validates the content (and data) folders as
// `reperecyber check` does, and lists the files to sign.
func buildInput(env Env, contentDir, dataDir string) (pack.BuildInput, int) {
	contentFS := os.DirFS(contentDir)
	b, err := content.Load(contentFS)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Contenu illisible : %v\nRien n'a été signé.\n", err)
		return pack.BuildInput{}, ExitFailure
	}
	dataFS := assets.EmbeddedDataFS()
	if dataDir != "" {
		dataFS = os.DirFS(dataDir)
	}
	a, err := content.LoadAtlas(dataFS)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Communes illisibles : %v\nRien n'a été signé.\n", err)
		return pack.BuildInput{}, ExitFailure
	}
	if problems := contentProblems(contentFS, b, a, time.Now()); len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, p)
		}
		fmt.Fprintf(env.Stderr, "%d problème(s) dans le contenu : rien n'a été signé.\n", len(problems))
		return pack.BuildInput{}, ExitFailure
	}
	files := map[string][]byte{}
	if err := collect(files, contentFS, "content/", func(p string) bool { return path.Ext(p) == ".toml" }); err != nil {
		return pack.BuildInput{}, failed(env, "Lecture du contenu impossible.", err)
	}
	if dataDir != "" {
		for _, name := range pack.DataFiles {
			data, err := fs.ReadFile(dataFS, name)
			if err != nil {
				return pack.BuildInput{}, failed(env, "Lecture des communes impossible.", err)
			}
			files["data/"+name] = data
		}
	}
	return pack.BuildInput{ContentVersion: b.Meta.Version, ContentDate: b.Meta.Date, Files: files}, ExitOK
}

// contentProblems validates content exactly as `reperecyber check` does
// (cli/check.go): the entries against the communes, then the triage tree
// against the entries.
func contentProblems(fsys fs.FS, b *content.Bundle, a *content.Atlas, today time.Time) []content.Problem {
	problems := content.Validate(b, a.Territories(), today)
	t, err := triage.Load(fsys)
	if err != nil {
		return append(problems, content.Problem{File: triage.FileName, Msg: err.Error()})
	}
	return append(problems, triage.Validate(t, triage.Known(b))...)
}

// collect adds the files of fsys that keep says to files, under prefix;
// hidden files and folders are skipped.
func collect(files map[string][]byte, fsys fs.FS, prefix string, keep func(string) bool) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !keep(p) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		files[prefix+p] = data
		return err
	})
}

const installUsage = "Usage : reperecyber pack install FICHIER.rcpack\nVérifie le paquet (signature, fichiers, version de l'application, contenu plus récent) puis l'installe ; un paquet refusé ne change rien."

func runPackInstall(ctx context.Context, env Env, args []string) int {
	fs := packFlags(env, "install", installUsage)
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, installUsage)
		return ExitUsage
	}
	data, code := readPackFile(env, fs.Arg(0))
	if code != ExitOK {
		return code
	}
	emb, err := embedded()
	if err != nil {
		return failed(env, "Le contenu intégré est illisible.", err)
	}
	keys, err := trustedKeys()
	if err != nil {
		return failed(env, "Les clés de confiance de cette version sont illisibles.", err)
	}
	p, err := pack.Install(dataFolder(env.Core.Paths), data, keys, emb, env.Info.Version)
	var refusal *pack.Refusal
	if errors.As(err, &refusal) {
		fmt.Fprintf(env.Stderr, "Paquet refusé : %s\n", refusal.Reason)
		return ExitUsage
	}
	if err != nil {
		return failed(env, "L'installation du paquet a échoué ; le contenu utilisé n'a pas changé.", err)
	}
	fmt.Fprintf(env.Stdout, "Contenu installé : version %s du %s, signé par « %s » (empreinte %s).\n",
		p.Manifest.ContentVersion, content.FormatDate(p.Manifest.ContentDate), p.Key.Name, p.Key.ID())
	return rebuildReference(ctx, env)
}

// readPackFile reads a pack file, refusing one too big to be a pack
// before reading it.
func readPackFile(env Env, name string) ([]byte, int) {
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Paquet refusé : impossible d'ouvrir %s. Vérifiez le chemin et que la clé USB est branchée.\nDétail : %v\n", name, err)
		return nil, ExitUsage
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, pack.MaxSize+1))
	if err != nil {
		fmt.Fprintf(env.Stderr, "Paquet refusé : lecture de %s impossible (clé USB retirée ?).\nDétail : %v\n", name, err)
		return nil, ExitUsage
	}
	if len(data) > pack.MaxSize {
		fmt.Fprintf(env.Stderr, "Paquet refusé : %s est trop gros pour être un paquet de contenu (%d Mo au plus).\n", name, pack.MaxSize>>20)
		return nil, ExitUsage
	}
	return data, ExitOK
}

// rebuildReference serves the newly installed content and rebuilds the
// reference database from it now, rather than at the next start.
func rebuildReference(ctx context.Context, env Env) int {
	sel, err := SelectContent(env.Core.Paths, env.Info)
	if err != nil {
		return failed(env, "Le paquet installé ne se relit pas.", err)
	}
	c, ok := openCore(ctx, env) // opening rebuilds the reference from the new content
	if !ok {
		return ExitFailure
	}
	c.Close()
	fmt.Fprintf(env.Stdout, "Contenu utilisé : %s.\n", sel.Status.Describe())
	return ExitOK
}

const statusUsage = "Usage : reperecyber pack status\nDit quel contenu est utilisé : intégré à l'application ou paquet installé, version, date, clé de signature."

func runPackStatus(_ context.Context, env Env, args []string) int {
	fs := packFlags(env, "status", statusUsage)
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(env.Stderr, statusUsage)
		return ExitUsage
	}
	sel, err := activeContent(env.Core.Paths, env.Info)
	if sel.Status.Version == "" {
		return failed(env, "Le contenu intégré est illisible.", err)
	}
	w := env.Stdout
	fmt.Fprintf(w, "Contenu utilisé : %s.\n", sel.Status.Describe())
	for _, s := range []string{sel.Warning, sel.Note, pack.FreshnessNotice(sel.Status, time.Now())} {
		if s != "" {
			fmt.Fprintln(w, s)
		}
	}
	fmt.Fprintf(w, "Dossier des paquets : %s\n", dataFolder(env.Core.Paths))
	return ExitOK
}

const removeUsage = "Usage : reperecyber pack remove\nRetire le paquet installé : le contenu intégré à l'application est de nouveau utilisé. Un paquet plus ancien que le dernier installé reste refusé."

func runPackRemove(ctx context.Context, env Env, args []string) int {
	fs := packFlags(env, "remove", removeUsage)
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(env.Stderr, removeUsage)
		return ExitUsage
	}
	removed, err := pack.Remove(dataFolder(env.Core.Paths))
	if err != nil {
		return failed(env, "Le paquet n'a pas pu être retiré.", err)
	}
	if !removed {
		fmt.Fprintln(env.Stdout, "Aucun paquet n'est installé : le contenu intégré à l'application est déjà utilisé.")
		return ExitOK
	}
	fmt.Fprintln(env.Stdout, "Paquet retiré.")
	return rebuildReference(ctx, env)
}
