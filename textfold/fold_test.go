package textfold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var foldCases = []struct{ name, in, want string }{
	{"accents", "Hameçonnage", "hameconnage"},
	{"capitals with accents", "ÉTÉ À L'ÎLE", "ete a l ile"},
	{"oe ligature", "Cœur", "coeur"},
	{"ae ligature", "Lætitia", "laetitia"},
	{"capital ligature", "ŒUVRE", "oeuvre"},
	{"hyphens and apostrophe", "L'Haÿ-les-Roses", "l hay les roses"},
	{"typographic apostrophe", "l’élu", "l elu"},
	{"non-breaking spaces", "116\u00a0006\u202f!", "116 006"},
	{"guillemets", "« atteintes aux élus »", "atteintes aux elus"},
	{"leading and trailing junk", "  --Brest--  ", "brest"},
	{"decomposed input", "e\u0301le\u0300ve", "eleve"},
	{"lone combining mark", "\u0301a", "a"},
	{"digits kept", "SMS 114", "sms 114"},
	{"Corsican code", "2A004", "2a004"},
	{"empty", "", ""},
	{"only punctuation", "!?…", ""},
	{"german sharp s", "Straße", "strasse"},
	{"greek letters kept", "Δέλτα", "δελτα"},
}

func TestFold(t *testing.T) {
	for _, tt := range foldCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldMapPointsBackToTheOriginal(t *testing.T) {
	in := "L'Haÿ-les-Roses"
	folded, from := Map(in)
	if len(from) != len(folded) {
		t.Fatalf("map has %d entries for %d bytes", len(from), len(folded))
	}
	runes := []rune(in)
	// "hay" starts at byte 2 of the folded form and at rune 2 of the original.
	if i := strings.Index(folded, "hay"); from[i] != 2 || runes[from[i+2]] != 'ÿ' {
		t.Errorf("hay maps to runes %d..%d", from[i], from[i+2])
	}
}

// FuzzFold checks, on any input, that folding never panics, is
// idempotent, yields valid UTF-8 without double or edge spaces, and that
// its map back to the original stays in range.
func FuzzFold(f *testing.F) {
	for _, tt := range foldCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded, from := Map(s)
		if !utf8.ValidString(folded) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if again := Fold(folded); again != folded {
			t.Fatalf("not idempotent: %q → %q → %q", s, folded, again)
		}
		if strings.Contains(folded, "  ") || strings.HasPrefix(folded, " ") || strings.HasSuffix(folded, " ") {
			t.Fatalf("bad spacing in %q", folded)
		}
		if len(from) != len(folded) {
			t.Fatalf("map of %d for %d bytes", len(from), len(folded))
		}
		n := utf8.RuneCountInString(s)
		for i, r := range from {
			if r < 0 || r >= n || i > 0 && r < from[i-1] {
				t.Fatalf("map entry %d = %d out of order or range (%d runes)", i, r, n)
			}
		}
		for _, w := range strings.Split(folded, " ") {
			if folded != "" && w == "" {
				t.Fatalf("empty word in %q", folded)
			}
		}
	})
}
