package search

// withinDistance reports whether a and b are at most k edits apart, an
// edit being one substituted, missing, extra or swapped (adjacent) letter:
// the optimal string alignment variant of the Damerau–Levenshtein
// distance. It works on bytes (folded text is ASCII for French) and gives
// up as soon as a row of the table exceeds k, which keeps the typo search
// cheap. Written here rather than taken from a library because the common
// Go packages compute plain Levenshtein (no swapped letters) without an
// early exit.
func withinDistance(a, b string, k int) bool {
	if d := len(a) - len(b); d > k || -d > k {
		return false
	}
	if a == b {
		return true
	}
	// Three rows of the dynamic-programming table: two back for swaps.
	var buf [3][40]int
	if len(b)+1 > len(buf[0]) {
		return false // far longer than any French word
	}
	prev2, prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1], buf[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > k {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] <= k
}

// maxTypos is how many typing errors a word of n letters may carry and
// still match: none under five letters (too many false friends), one from
// five, two from nine.
func maxTypos(n int) int {
	switch {
	case n >= 9:
		return maxTypoEdits
	case n >= minTypoLen:
		return 1
	}
	return 0
}

// The bounds of typo tolerance.
const (
	minTypoLen   = 5
	maxTypoEdits = 2
)
