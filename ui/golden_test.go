package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestGoldenScreens compares key screens with the markup files under
// testdata/. After an intended change of a screen, review the files that
// the test writes to testdata/failed/ and copy them over the masters.
func TestGoldenScreens(t *testing.T) {
	tests := []struct {
		name string
		open func(s *shell)
	}{
		{"home", func(s *shell) {}},
		{"results", func(s *shell) { test.Type(s.search, "bouton d'appel") }},
		{"card", func(s *shell) { s.onOpenEntry("alarme-elu") }},
		{"nothing-found", func(s *shell) { test.Type(s.search, "zorglubienne") }},
		{"help", func(s *shell) { s.navigate(page{name: pageHelp}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestShell(t, t.TempDir())
			tt.open(s)
			test.AssertRendersToMarkup(t, tt.name+".xml", s.win.Canvas())
		})
	}
}
