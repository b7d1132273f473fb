package ui

import (
	"errors"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heading is a large bold title that wraps.
func heading(text string) *widget.RichText {
	r := widget.NewRichText(&widget.TextSegment{
		Text:  text,
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}},
	})
	r.Wrapping = fyne.TextWrapWord // a long title must not widen the window
	return r
}

// subheading is a bold section title.
func subheading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// paragraph is a label that wraps at word boundaries.
func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// note is a small wrapped label for sources and dates. It keeps the
// normal text colour: the theme's low-importance grey is too faint to
// read on a laptop screen in daylight.
func note(text string) *widget.Label {
	l := paragraph(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// badge is a short coloured label: « à vérifier », « historique ».
func badge(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel("⚠ " + text)
	l.Importance = imp
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

var errNotWeb = errors.New("not a web address")

// parseWebURL accepts only http(s) addresses: contacts never open
// anything else.
func parseWebURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return nil, errNotWeb
	}
	return u, nil
}

// button is Fyne's button that Entrée activates too, not only the space
// bar: people who move with Tab expect Entrée to press what is focused.
type button struct {
	widget.Button
}

func newButton(label string, tapped func()) *button {
	return newButtonWithIcon(label, nil, tapped)
}

func newButtonWithIcon(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Entrée as on the space bar.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

// tapLabel is a wrapping label that does something when tapped: the text
// of a checklist row, so that the whole row ticks, not only its box.
type tapLabel struct {
	widget.Label
	onTapped func()
}

func newTapLabel(text string, tapped func()) *tapLabel {
	l := &tapLabel{onTapped: tapped}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the label's action.
func (l *tapLabel) Tapped(*fyne.PointEvent) { l.onTapped() }
