package assets

import _ "embed" // the fonts below are embedded

// The PDF exports' typeface: DejaVu Sans covers every French character
// (œ, « », €, the narrow no-break space U+202F) and prints clearly at small
// sizes. It ships with its licence, fonts/LICENSE-DejaVu.txt (Bitstream
// Vera licence; DejaVu changes are in the public domain).
var (
	// FontRegular is DejaVu Sans (TrueType).
	//
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte

	// FontBold is DejaVu Sans Bold (TrueType).
	//
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
)
