package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// urgencyRed is the strip's background: the red of French emergency
// signage, with white text that stays legible in light and dark themes
// (contrast ratio above 5:1).
var urgencyRed = color.NRGBA{R: 0xb3, G: 0x14, B: 0x1a, A: 0xff}

// urgencyStrip is always visible: the numbers for immediate danger.
type urgencyStrip struct {
	text *canvas.Text
	obj  fyne.CanvasObject
}

func newUrgencyStrip() *urgencyStrip {
	t := canvas.NewText("Danger immédiat : appelez le 17 ou le 112 · SMS au 114 (sourds et malentendants)", color.White)
	t.TextStyle = fyne.TextStyle{Bold: true}
	t.Alignment = fyne.TextAlignCenter
	t.TextSize = theme.TextSize() * 1.1
	return &urgencyStrip{text: t, obj: container.NewStack(canvas.NewRectangle(urgencyRed), container.NewPadded(t))}
}

func (u *urgencyStrip) object() fyne.CanvasObject { return u.obj }

// resize follows the text size setting; canvas text does not read the
// theme by itself.
func (u *urgencyStrip) resize(t fyne.Theme) {
	u.text.TextSize = t.Size(theme.SizeNameText) * 1.1
	u.text.Refresh()
}
