package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/store"
)

// newTestShell builds the real window content over the bundled content,
// in a temporary data folder, and loads it.
func newTestShell(t *testing.T) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	env := Env{
		Info:   appinfo.Info{ID: "fr.reperecyber.test", Name: "Repère Cyber", Version: "test"},
		Paths:  store.PathsIn(t.TempDir()),
		Source: store.Source{Fingerprint: assets.Fingerprint(), Load: assets.Load},
		Icon:   assets.Icon,
	}
	w := test.NewTempWindow(t, nil)
	s := newShell(a, w, env)
	w.SetContent(s.content())
	w.Resize(fyne.NewSize(1000, 700))
	s.load(context.Background())
	t.Cleanup(s.close)
	return s
}

func TestBrowseListsEveryKind(t *testing.T) {
	s := newTestShell(t)
	if s.lib == nil {
		t.Fatalf("content not loaded: %s", s.status.Text)
	}
	for _, k := range content.Kinds {
		rows := s.browse.rows[k]
		if len(rows) < 10 || !rows[0].heading {
			t.Errorf("%s: %d rows, first %+v", k, len(rows), rows[0])
		}
	}
	if !strings.Contains(s.status.Text, "fiches prêtes") {
		t.Errorf("status = %q", s.status.Text)
	}
}

func TestSelectingAnEntryShowsItsCard(t *testing.T) {
	s := newTestShell(t)
	list := s.browse.lists[content.KindDefinition]
	for i, r := range s.browse.rows[content.KindDefinition] {
		if r.id == "rancongiciel" {
			list.Select(i)
			break
		}
	}
	if s.card.current != "rancongiciel" {
		t.Fatalf("card shows %q", s.card.current)
	}
	if got := cardText(s.card); !strings.Contains(got, "Rançongiciel") {
		t.Errorf("card text lacks the title:\n%s", got)
	}
}

func TestRelatedLinkOpensTheOtherCardAndFollowsInTheList(t *testing.T) {
	s := newTestShell(t)
	s.onOpenEntry("rancongiciel")
	target := s.lib.entries["rancongiciel"].Related[0]
	var link *widget.Button
	for _, o := range s.card.box.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == s.lib.entries[target].Title {
			link = b
		}
	}
	if link == nil {
		t.Fatalf("no link button to %s", target)
	}
	test.Tap(link)
	if s.card.current != target {
		t.Errorf("card shows %q, want %q", s.card.current, target)
	}
	kind := s.lib.entries[target].Kind
	if s.browse.tabs.SelectedIndex() != kindIndex(kind) {
		t.Errorf("tab %d selected, want the %s tab", s.browse.tabs.SelectedIndex(), kind)
	}
}

func TestCopyPutsTheValueOnTheClipboard(t *testing.T) {
	s := newTestShell(t)
	s.onCopy("0 800 200 008")
	if got := s.app.Clipboard().Content(); got != "0 800 200 008" {
		t.Errorf("clipboard = %q", got)
	}
}

func TestLoadFailureIsExplainedInFrench(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	dir := t.TempDir()
	env := Env{Paths: store.PathsIn(dir + "/\x00bad"), Source: store.Source{Fingerprint: "x", Load: assets.Load}}
	s := newShell(a, w, env)
	w.SetContent(s.content())
	s.load(context.Background())
	if s.lib != nil || s.status.Text != "Contenu indisponible." {
		t.Errorf("status = %q", s.status.Text)
	}
}

func cardText(c *cardView) string {
	var b strings.Builder
	for _, o := range c.box.Objects {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}
