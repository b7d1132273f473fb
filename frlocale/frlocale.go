// Package frlocale makes Repère Cyber French whatever the system locale
// says, before any other package reads it.
//
// Fyne picks its language while its packages initialise, so setting the
// environment in main is too late: under LANG=C.UTF-8 it would already
// have logged « Error parsing user locale C » and chosen English. Go
// initialises packages in import-path order once their own imports are
// ready; this package imports only os and strings, and its path sorts
// before "fyne.io", so its init runs first. That is why it is a module of
// its own (see the replace directive in go.mod) and not under reperecyber/.
package frlocale

import (
	"os"
	"strings"
)

func init() { Apply() }

// Apply removes locale variables that name no language (empty, C, POSIX,
// with or without encoding), sets LANG to French when nothing is left, and
// puts French first in LANGUAGE for message catalogues. Real languages
// chosen by the user are left alone in LANG and LC_*; the app itself is
// French-only, and LANGUAGE makes Fyne's own dialogs French too.
func Apply() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v, ok := os.LookupEnv(key); ok && NoLanguage(v) {
			os.Unsetenv(key)
		}
	}
	if os.Getenv("LC_ALL") == "" && os.Getenv("LC_MESSAGES") == "" && os.Getenv("LANG") == "" {
		os.Setenv("LANG", "fr_FR.UTF-8")
	}
	os.Setenv("LANGUAGE", "fr_FR:fr")
}

// NoLanguage reports whether a locale value names no language.
func NoLanguage(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "" || base == "C" || base == "POSIX"
}
