package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// staleTempAge is how old a leftover temporary file must be before it is
// removed: a younger one may belong to another run writing the same file.
const staleTempAge = time.Minute

// checkTarget is the one rule for every command that writes a file the
// person named (sheet -o and --split, fiche -o, export-data): it refuses
// what is not a regular file (a symbolic link, a folder, a device), asks
// before replacing a file that is not of the kind written (wantMagic, the
// first bytes of such a file, e.g. "%PDF-"), unless force, and removes the
// temporary files a killed earlier run left beside it. The error's text is
// a French sentence for the person.
func checkTarget(env Env, path string, wantMagic string, force bool) error {
	cleanStaleTemps(path)
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return userMessage(fmt.Sprintf("Impossible d'écrire « %s » : %s.", printable(path), describeFileError(err)))
	}
	switch mode := st.Mode(); {
	case mode&fs.ModeSymlink != 0:
		return userMessage(fmt.Sprintf("« %s » est un lien symbolique : il n'est pas remplacé. Indiquez le fichier lui-même, ou un autre nom.", printable(path)))
	case mode.IsDir():
		return userMessage(fmt.Sprintf("« %s » est un dossier : indiquez un nom de fichier (par exemple %s).", printable(path), printable(filepath.Join(path, "fiche.pdf"))))
	case !mode.IsRegular():
		return userMessage(fmt.Sprintf("« %s » n'est pas un fichier ordinaire (un périphérique ?) : il n'est pas remplacé. Indiquez un autre nom.", printable(path)))
	}
	if force || hasMagic(path, wantMagic) {
		return nil
	}
	return confirmReplace(env, path)
}

func hasMagic(path, magic string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(magic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, []byte(magic))
}

// confirmReplace asks on stdin before replacing a file of another kind;
// without an answer (a script, no terminal), nothing is replaced.
func confirmReplace(env Env, path string) error {
	refused := userMessage(fmt.Sprintf("« %s » existe et n'est pas un fichier de ce type : il n'a pas été remplacé. Choisissez un autre nom, ou ajoutez --force pour le remplacer.", printable(path)))
	if env.Stdin == nil {
		return refused
	}
	fmt.Fprintf(env.Stderr, "« %s » existe et n'est pas un fichier de ce type. Le remplacer ? [o/N] ", printable(path))
	answer, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && answer == "" {
		fmt.Fprintln(env.Stderr)
		return refused
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "o", "oui", "y", "yes":
		return nil
	}
	return refused
}

// cleanStaleTemps removes the « .NAME.*.tmp » files that an export killed
// before it could rename them (SIGKILL, a power cut) left beside path.
func cleanStaleTemps(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".tmp") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTempAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// pdfMagic starts every PDF file.
const pdfMagic = "%PDF-"

// splitFailed reports a --split stopped part way: the files already
// written are complete and stay, which the person must know.
func splitFailed(env Env, dir, path string, written, total int, err error) int {
	var msg userMessage
	if errors.As(err, &msg) {
		fmt.Fprintln(env.Stderr, msg)
		fmt.Fprintf(env.Stderr, "%d fiche%s sur %d écrite%s dans %s avant cet arrêt.\n", written, plural(written, "", "s"), total, plural(written, "", "s"), printable(dir))
		return ExitUsage
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(env.Stderr, "Interrompu : %d fiche%s sur %d écrite%s dans %s ; les autres ne l'ont pas été.\n", written, plural(written, "", "s"), total, plural(written, "", "s"), printable(dir))
		return ExitFailure
	}
	return failed(env, fmt.Sprintf("Impossible d'écrire « %s ». Vérifiez le dossier et l'espace disque. %d fiche%s sur %d écrite%s dans %s avant cet arrêt.",
		printable(path), written, plural(written, "", "s"), total, plural(written, "", "s"), printable(dir)), err)
}
