package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// urgencyRed is the strip's background: the red of French emergency
// signage, with white text that stays legible in light and dark themes
// (contrast ratio above 5:1).
var urgencyRed = color.NRGBA{R: 0xb3, G: 0x14, B: 0x1a, A: 0xff}

// colorNameOnUrgency is the colour of the strip's text: white in every
// variant (appTheme.Color).
const colorNameOnUrgency fyne.ThemeColorName = "reperecyber-on-urgency"

// urgencyStrip is always visible: the numbers for immediate danger. It is
// wrapping rich text, so at the largest text size it takes two lines
// instead of being cut or widening the window. Its white comes from a
// colour of the app's theme, not from a theme override: Fyne parses the
// fonts again for every overridden theme (some 3 MB for one bold line).
type urgencyStrip struct {
	text *widget.RichText
	obj  fyne.CanvasObject
}

func newUrgencyStrip() *urgencyStrip {
	t := widget.NewRichText(&widget.TextSegment{
		Text: "Danger immédiat : appelez le 17 ou le 112 · SMS au 114 (sourds et malentendants)",
		Style: widget.RichTextStyle{
			Alignment: fyne.TextAlignCenter,
			ColorName: colorNameOnUrgency,
			SizeName:  theme.SizeNameSubHeadingText,
			TextStyle: fyne.TextStyle{Bold: true},
		},
	})
	t.Wrapping = fyne.TextWrapWord
	return &urgencyStrip{text: t, obj: container.NewStack(canvas.NewRectangle(urgencyRed), container.New(thinLayout{}, t))}
}

func (u *urgencyStrip) object() fyne.CanvasObject { return u.obj }

// resize follows the text size setting.
func (u *urgencyStrip) resize(fyne.Theme) { u.text.Refresh() }

// thinLayout keeps the strip thin, every pixel of height counting on a
// 768-pixel laptop screen: its text keeps half of its padding above and
// below, the rest overlapping the red band's edges, where nothing is
// drawn.
type thinLayout struct{}

func (thinLayout) trim() float32 { return theme.InnerPadding() / 2 }

func (l thinLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	return fyne.NewSize(s.Width, s.Height-2*l.trim())
}

func (l thinLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, -l.trim()))
	objs[0].Resize(fyne.NewSize(size.Width, size.Height+2*l.trim()))
}
