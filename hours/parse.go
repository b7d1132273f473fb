package hours

import "strings"

// Parse reads French opening hours as the content writes them:
//
//	Du lundi au vendredi, 9 h – 12 h 30 et 14 h – 17 h 30, sauf jours fériés
//	Du lundi au jeudi, 8 h – 17 h ; le vendredi, 8 h – 16 h ; sauf jours fériés
//	7 jours sur 7, de 9 h à 23 h
//	24 h/24, 7 j/7
//
// Clauses are separated by « ; » and their parts by « , ». A part that
// says nothing about time (« appel gratuit », « en ligne », a remark in
// parentheses) is skipped; a part that speaks of days, hours, holidays,
// months or exceptions in a way the grammar does not read makes the whole
// text unreadable. ok is false whenever the text cannot be read with
// certainty, including when it gives days but no hours (« 7 jours sur 7 »):
// the caller then says nothing rather than something wrong.
func Parse(text string) (Schedule, bool) {
	s, _, ok := parse(text)
	return s, ok
}

// parse is Parse that also returns the parts it skipped as remarks, so
// that tests can check that none of them spoke of time.
func parse(text string) (Schedule, []string, bool) {
	toks, remarks, ok := dropRemarks(lex(text))
	if !ok {
		return Schedule{}, nil, false
	}
	var cs []clause
	for _, part := range split(toks, ";") {
		c, skipped, ok := readClause(part)
		if !ok {
			return Schedule{}, nil, false
		}
		remarks = append(remarks, skipped...)
		cs = append(cs, c)
	}
	s, ok := build(cs)
	return s, remarks, ok
}

// dropRemarks removes the parenthesised remarks, which must say nothing
// about time; nested or unbalanced parentheses are refused.
func dropRemarks(toks []token) ([]token, []string, bool) {
	var kept []token
	var remarks []string
	for i := 0; i < len(toks); i++ {
		switch toks[i].text {
		case ")":
			return nil, nil, false
		case "(":
			j := i + 1
			for j < len(toks) && toks[j].text != ")" {
				if toks[j].text == "(" {
					return nil, nil, false
				}
				j++
			}
			if j == len(toks) || speaksOfTime(toks[i+1:j]) {
				return nil, nil, false
			}
			remarks = append(remarks, join(toks[i+1:j]))
			i = j
		default:
			kept = append(kept, toks[i])
		}
	}
	return kept, remarks, true
}

// split cuts tokens at each symbol sep.
func split(toks []token, sep string) [][]token {
	parts := [][]token{nil}
	for _, t := range toks {
		if t.kind == tPunct && t.text == sep {
			parts = append(parts, nil)
			continue
		}
		parts[len(parts)-1] = append(parts[len(parts)-1], t)
	}
	return parts
}

func join(toks []token) string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
	}
	return strings.Join(words, " ")
}
