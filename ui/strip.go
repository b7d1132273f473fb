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

// urgencyStrip is always visible: the numbers for immediate danger. It is
// a wrapping label, so at the largest text size it takes two lines
// instead of being cut or widening the window.
type urgencyStrip struct {
	text *widget.Label
	obj  fyne.CanvasObject
}

func newUrgencyStrip() *urgencyStrip {
	l := widget.NewLabel("Danger immédiat : appelez le 17 ou le 112 · SMS au 114 (sourds et malentendants)")
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameSubHeadingText
	white := container.NewThemeOverride(l, whiteText{})
	return &urgencyStrip{text: l, obj: container.NewStack(canvas.NewRectangle(urgencyRed), white)}
}

func (u *urgencyStrip) object() fyne.CanvasObject { return u.obj }

// resize follows the text size setting.
func (u *urgencyStrip) resize(fyne.Theme) { u.text.Refresh() }

// whiteText is the app's theme with white text, for the red strip.
type whiteText struct{}

func (whiteText) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return color.White
	}
	return fyne.CurrentApp().Settings().Theme().Color(n, v)
}

func (whiteText) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}

func (whiteText) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}

// Size keeps the strip thin: every pixel of height counts on a 768-pixel
// laptop screen.
func (whiteText) Size(n fyne.ThemeSizeName) float32 {
	s := fyne.CurrentApp().Settings().Theme().Size(n)
	if n == theme.SizeNameInnerPadding {
		return s / 2
	}
	return s
}
