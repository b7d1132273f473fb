package export

import (
	"regexp"
	"strings"
)

const (
	nbsp       = "\u00a0" // espace insécable
	narrowNbsp = "\u202f" // espace fine insécable
)

// French typography for print. Lines only break at ASCII spaces (ours and
// fpdf's), so the spaces that must not break become no-break spaces:
// before « : » and inside guillemets (espace insécable), before ; ! ?
// (espace fine), and between a number and what it counts (« 72 h »,
// « 3 mois », « 0 800 200 008 »).
var (
	typoReplacer = strings.NewReplacer(
		" :", nbsp+":",
		"« ", "«"+nbsp,
		" »", nbsp+"»",
		" ;", narrowNbsp+";",
		" !", narrowNbsp+"!",
		" ?", narrowNbsp+"?",
		" €", nbsp+"€",
		" %", nbsp+"%",
	)
	numberUnit = regexp.MustCompile(`(\d) (\d|h\b|j\b|mois\b|heures\b|jours\b|ans\b|000\b)`)
)

// french applies French no-break rules to s and drops what the embedded
// font cannot draw (runes outside the Basic Multilingual Plane: emoji).
func french(s string) string {
	// A line feed (a note typed on two lines) is a space on paper.
	s = typoReplacer.Replace(strings.ReplaceAll(s, "\n", " "))
	for i := 0; i < 2; i++ { // twice: « 0 800 200 008 » overlaps
		s = numberUnit.ReplaceAllString(s, "$1"+nbsp+"$2")
	}
	return bmpOnly(s)
}

func bmpOnly(s string) string {
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return -1
				}
				return r
			}, s)
		}
	}
	return s
}

// displayURL is a web address as printed: without its scheme or final
// slash (the QR code carries the full address).
func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}
