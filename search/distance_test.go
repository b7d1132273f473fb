package search

import "testing"

func TestWithinDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		k    int
		want bool
	}{
		{"hameconnage", "hameconnage", 0, true},
		{"hameconage", "hameconnage", 1, true},   // missing letter
		{"hameconnnage", "hameconnage", 1, true}, // extra letter
		{"hamecinnage", "hameconnage", 1, true},  // substituted letter
		{"hmaeconnage", "hameconnage", 1, true},  // swapped letters
		{"hmaeconage", "hameconnage", 1, false},  // two errors
		{"hmaeconage", "hameconnage", 2, true},
		{"brest", "paris", 1, false},
		{"", "ab", 2, true},
		{"abc", "", 2, false},
	} {
		if got := withinDistance(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("withinDistance(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}
