package search

// stem reduces a folded French word to a stem shared by its inflected and
// derived forms: « pirater », « piraté », « piratage » → « pirat »;
// « escroquer », « escroquerie » → « escroqu »; « menacer », « menaces »
// → « menac ».
//
// It is a light suffix stripper written for folded text (no accents),
// not the Snowball French algorithm: Snowball
// (github.com/kljensen/snowball, measured at v0.10.0) needs the accents
// that folding has removed (folded « piratee » stays « pirate »), keeps
// derivations apart (« piratag », « escroquer » against « pirat »,
// « escroqu »), and takes about 4 µs a word against well under 1 µs
// here. Only words of the reference content are stemmed, never commune
// names, so a stem that is too eager costs a weak extra match, not a
// wrong place.
func stem(w string) string {
	if len(w) < minStemWord || !isLetters(w) {
		return w
	}
	// Plural first: « menaces » → « menace »; « -aux » is the plural of
	// « -al » (« illégaux », « journaux », « locaux »).
	if n := len(w); w[n-3:] == "aux" {
		w = w[:n-3] + "al"
	} else if w[n-1] == 's' || w[n-1] == 'x' {
		w = w[:n-1]
	}
	for _, suf := range stemSuffixes {
		if len(w)-len(suf) >= minStem && w[len(w)-len(suf):] == suf {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	// « harceler » / « harcèlement » already meet; « appelle » and
	// « appel » meet once the doubled consonant is undone.
	if n := len(w); n > minStem && w[n-1] == w[n-2] && !isVowel(w[n-1]) {
		w = w[:n-1]
	}
	return w
}

// The bounds of stemming: shorter words are left alone (« vol », « site »
// stay themselves), and a stem keeps at least minStem letters.
const (
	minStemWord = 5
	minStem     = 4
)

// stemSuffixes are tried in order, longest first within a family, after
// the plural mark is removed. Verb endings come with the nouns and
// adjectives they derive (« -ement », « -age », « -erie », « -ation »).
var stemSuffixes = []string{
	"issement", "ications", "ication", "atrice", "ateur", "ation", "ition",
	"ement", "ments", "ment", "erie", "euse", "eur",
	"ance", "ence", "isme", "iste", "able", "ible",
	"erions", "eriez", "eraient", "erait", "erai", "erons", "eront", "erez",
	"aient", "ions", "iez", "ait", "ant", "ante",
	"age", "ees", "ee", "er", "ez", "ent", "ie", "ir", "ue", "e",
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
