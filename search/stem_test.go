package search

import "testing"

func TestStemMeetsItsForms(t *testing.T) {
	for _, group := range [][]string{
		{"pirater", "piratee", "pirate"},
		{"menacer", "menaces", "menace"},
		{"illegal", "illegaux"},
		{"journal", "journaux"},
		{"local", "locaux"},
	} {
		want := stem(group[0])
		for _, w := range group[1:] {
			if got := stem(w); got != want {
				t.Errorf("stem(%q) = %q, stem(%q) = %q: they should meet", w, got, group[0], want)
			}
		}
	}
	if stem("vol") != "vol" || stem("site") != "site" {
		t.Error("short words are stemmed")
	}
}
