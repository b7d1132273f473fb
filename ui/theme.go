package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// textSize is a step of the text size setting.
type textSize struct {
	key   string
	label string
	scale float32
}

// textSizes are the steps offered in the settings, smallest first.
var textSizes = []textSize{
	{"small", "Petit", 0.9},
	{"normal", "Normal", 1},
	{"large", "Grand", 1.25},
	{"xlarge", "Très grand", 1.5},
}

func textSizeFor(key string) textSize {
	for _, t := range textSizes {
		if t.key == key {
			return t
		}
	}
	return textSizes[1]
}

// themeMode is the light/dark setting.
type themeMode struct {
	key, label string
}

var themeModes = []themeMode{{"system", "Comme le système"}, {"light", "Clair"}, {"dark", "Sombre"}}

// appTheme is Fyne's default theme with the person's text size and, if
// they chose one, a fixed light or dark variant.
type appTheme struct {
	scale   float32
	variant fyne.ThemeVariant
	fixed   bool
}

func newAppTheme(size, mode string) *appTheme {
	t := &appTheme{scale: textSizeFor(size).scale}
	switch mode {
	case "light":
		t.variant, t.fixed = theme.VariantLight, true
	case "dark":
		t.variant, t.fixed = theme.VariantDark, true
	}
	return t
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	}
	if n == colorNameOnUrgency {
		return color.White
	}
	if c, ok := readableColors[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// readableColors replace the default colours that are too pale to read:
// the warning orange of « à vérifier » is 2.2:1 on white in Fyne's light
// theme (this brown is 6.2:1); the focus ring, a translucent blue, and
// the outline of entries and check boxes are hard to see on both
// backgrounds (these are above 3:1, the contrast asked of controls).
var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameWarning:     color.NRGBA{R: 0x8a, G: 0x4b, B: 0x00, A: 0xff},
		theme.ColorNameFocus:       color.NRGBA{R: 0x1a, G: 0x56, B: 0xc4, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff},
		theme.ColorNameSuccess:     color.NRGBA{R: 0x1e, G: 0x6b, B: 0x2f, A: 0xff}, // « Ouvert maintenant », 6.5:1
	},
	theme.VariantDark: {
		theme.ColorNameFocus:       color.NRGBA{R: 0x8a, G: 0xb4, B: 0xff, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff},
	},
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size scales every text size and the icons beside text, so that « Très
// grand » enlarges the whole reading surface, not just the body text.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}
