// Package textfold puts text in the one form every comparison in Repère
// Cyber uses: lower case, no accents, ligatures spelt out, punctuation as
// single spaces. It is a leaf: search, store, cli and ui all fold text the
// same way without depending on each other.
package textfold

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
	for _, r := range s {
		space = foldRune(&b, r, space)
	}
	return strings.TrimSuffix(b.String(), " ")
}

// Map folds s like Fold and also returns, for each byte of the
// result, the index (in runes) of the character of s it comes from, so
// that a match in folded text can be highlighted in the original. Only
// the few results shown need it, so Fold does not pay for it.
func Map(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	from := make([]int, 0, len(s))
	space := true
	i := 0
	for _, r := range s {
		n := b.Len()
		space = foldRune(&b, r, space)
		for ; n < b.Len(); n++ {
			from = append(from, i)
		}
		i++
	}
	out := b.String()
	if strings.HasSuffix(out, " ") {
		out = out[:len(out)-1]
		from = from[:len(from)-1]
	}
	return out, from
}

// foldRune writes the folded form of r and reports whether the output now
// ends with a separator.
func foldRune(b *strings.Builder, r rune, space bool) bool {
	if r < 0x80 { // fast path: ASCII
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			return false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			return false
		}
		if !space {
			b.WriteByte(' ')
		}
		return true
	}
	var f string
	if r < rune(len(latinFolds)) {
		f = latinFolds[r]
	} else {
		f = foldSlow(r)
	}
	if f != "" {
		b.WriteString(f)
		return false
	}
	if unicode.Is(unicode.Mn, r) { // a lone combining mark: ignore it
		return space
	}
	if !space {
		b.WriteByte(' ')
	}
	return true
}

// latinFolds caches the folded form of every Latin-1 and Latin
// Extended-A character (all French letters), computed once: folding runs
// on every keystroke and over every commune name at start-up.
var latinFolds = func() [0x250]string {
	var t [0x250]string
	for r := rune(0x80); r < 0x250; r++ {
		t[r] = foldSlow(r)
	}
	return t
}()

// foldSlow folds one non-ASCII character: ligatures spelt out, marks
// removed, lower case. It returns "" for a separator or a lone mark.
func foldSlow(r rune) string {
	if lig, ok := ligatures[r]; ok {
		return lig
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		switch lig, isLig := ligatures[d]; {
		case isLig: // « ǽ » decomposes to « æ » and an accent
			b.WriteString(lig)
		case !unicode.Is(unicode.Mn, d) && (unicode.IsLetter(d) || unicode.IsDigit(d)):
			lower := unicode.ToLower(d)
			if lig, ok := ligatures[lower]; ok {
				b.WriteString(lig)
			} else {
				b.WriteRune(lower)
			}
		}
	}
	return b.String()
}

// Tokenize folds s and splits it into words.
func Tokenize(s string) []string {
	return strings.Fields(Fold(s))
}
