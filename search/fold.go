// Package search finds reference entries and communes from what people
// type: without accents, with typos, synonyms, postcodes, in any order.
// It works on plain domain types and knows nothing of SQL or Fyne.
package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ligatures are letters of their own in Unicode, not a base letter plus a
// mark, so removing marks does not fold them.
var ligatures = map[rune]string{'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss"}

// Fold returns s in the form used for matching: lower case, no accents,
// ligatures spelt out, and every run of characters that are neither
// letters nor digits turned into one space (so hyphens and apostrophes
// separate words). The result has no leading or trailing space.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // at the start, swallow separators
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if lig, ok := ligatures[r]; ok {
				b.WriteString(lig)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := b.String()
	return strings.TrimSuffix(out, " ")
}
