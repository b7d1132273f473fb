package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is the always-visible search box. Besides typing, it turns
// ↑/↓ into moves in the results, Entrée into opening one, Échap into
// clearing then going back, and F1 into the help.
type searchEntry struct {
	widget.Entry
	shell *shell
	quiet bool // set while the text is changed by code, not typed
}

func newSearchEntry(s *shell) *searchEntry {
	e := &searchEntry{shell: s}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Rechercher : rançongiciel, CSIRT, bouton d'appel, code postal…")
	e.OnChanged = e.onChanged
	e.OnSubmitted = e.onSubmitted
	return e
}

func (e *searchEntry) onChanged(q string) {
	if !e.quiet {
		e.shell.onQuery(q)
	}
}

func (e *searchEntry) onSubmitted(string) { e.shell.results.openSelected() }

// setTextQuietly changes the text without running a search.
func (e *searchEntry) setTextQuietly(t string) {
	e.quiet = true
	e.SetText(t)
	e.quiet = false
}

// TypedKey handles the keys that act on the results and the navigation;
// everything else is ordinary typing.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.shell.results.move(1)
	case fyne.KeyUp:
		e.shell.results.move(-1)
	case fyne.KeyEscape:
		e.onEscape()
	case fyne.KeyF1:
		e.shell.navigate(page{name: pageHelp})
	case fyne.KeyPageDown, fyne.KeyPageUp:
		e.shell.scrollKey(k)
	default:
		e.Entry.TypedKey(k)
	}
}

// onEscape clears the query if there is one, otherwise goes back.
func (e *searchEntry) onEscape() {
	if e.Text != "" {
		e.SetText("")
		return
	}
	e.shell.onBack()
}

// keyEntry is an entry whose ↑ and ↓ move a cursor in a list beside it
// (the commune picker), and where Échap and F1 keep the meaning they
// have everywhere else in the window; the rest is ordinary typing.
type keyEntry struct {
	widget.Entry
	shell  *shell
	onMove func(delta int)
}

func newKeyEntry(s *shell, onMove func(int)) *keyEntry {
	e := &keyEntry{shell: s, onMove: onMove}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey turns ↑ and ↓ into cursor moves; Échap clears, then goes back.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.onMove(1)
	case fyne.KeyUp:
		e.onMove(-1)
	case fyne.KeyEscape:
		if e.Text != "" {
			e.SetText("")
		} else {
			e.shell.onBack()
		}
	case fyne.KeyF1:
		e.shell.navigate(page{name: pageHelp})
	default:
		e.Entry.TypedKey(k)
	}
}
