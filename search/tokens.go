package search

// token is a word of folded text with its place in the folded string.
type token struct {
	text       string
	start, end int // byte offsets in the folded string
}

// tokens splits folded text into words.
func tokens(folded string) []token {
	var out []token
	start := 0
	for i := 0; i <= len(folded); i++ {
		if i == len(folded) || folded[i] == ' ' {
			if i > start {
				out = append(out, token{folded[start:i], start, i})
			}
			start = i + 1
		}
	}
	return out
}
