package hours

import (
	"strings"
	"unicode"
)

// kind is the class of a token.
type kind int

const (
	tWord   kind = iota // letters, with inner hyphens and apostrophes: « week-end », « jusqu'a »
	tNumber             // digits
	tDash               // « – », « — », « - » between numbers or spaced
	tPunct              // one of , ; / ( ) and any other symbol
)

type token struct {
	kind kind
	text string // folded: lower case, no accents
	num  int    // value of a tNumber, capped so it never overflows
}

// fold lowers a text and removes the French accents, so that « Fériés »,
// « feries » and « FÉRIÉS » read the same. It is not textfold.Fold, which
// turns punctuation into spaces: here « ; », « , », « / » and the dashes
// carry the meaning.
var fold = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "œ", "oe", "’", "'", "ʼ", "'",
	"\u00a0", " ", "\u202f", " ", "\u2009", " ", "\t", " ", "\n", " ", "\r", " ",
	"–", " – ", "—", " – ", "‑", "-", "‐", "-",
)

// lex splits a text into tokens. It never fails: a symbol it does not
// know becomes a tPunct token, which the parser refuses.
func lex(text string) []token {
	rs := []rune(fold.Replace(strings.ToLower(text)))
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == ' ':
			i++
		case isDigit(r):
			j, n := i, 0
			for j < len(rs) && isDigit(rs[j]) {
				if n < 1e6 {
					n = n*10 + int(rs[j]-'0')
				}
				j++
			}
			toks = append(toks, token{kind: tNumber, text: string(rs[i:j]), num: n})
			i = j
		case unicode.IsLetter(r):
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || joiner(rs, j)) {
				j++
			}
			toks = append(toks, token{kind: tWord, text: string(rs[i:j])})
			i = j
		case r == '-' || r == '–':
			toks = append(toks, token{kind: tDash, text: "–"})
			i++
		default:
			toks = append(toks, token{kind: tPunct, text: string(r)})
			i++
		}
	}
	return toks
}

// joiner reports whether rs[j] is a hyphen or apostrophe inside a word,
// as in « après-midi » or « jusqu'à ».
func joiner(rs []rune, j int) bool {
	return (rs[j] == '-' || rs[j] == '\'') && j+1 < len(rs) && unicode.IsLetter(rs[j+1])
}

// isDigit accepts only ASCII digits: other scripts' digits are refused as
// symbols rather than misread.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }
