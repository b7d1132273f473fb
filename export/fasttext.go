package export

import (
	"strconv"
	"unicode/utf8"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf's Text builds each run of text through five strings (UTF-16,
// escaped, formatted, coloured, plus the line it appends): in a batch
// of 900 sheets, 180 runs a page, a fifth of everything allocated. fastText
// writes the very same bytes into one buffer it reuses, and records the
// characters drawn in the document's own usedRunes maps (fontshare.go),
// as Text does, so the font subsets hold them.
//
// It covers what the pen draws: a UTF-8 font without underline,
// strike-out or right-to-left text, a grey text colour. Anything else
// (or a document whose fonts were not shared) goes through fpdf's Text.
// TestFastTextSameBytes checks both write the same document.

// useFastText turns the fast path off when false (tests compare both).
var useFastText = true

type fastText struct {
	pdf  *fpdf.Fpdf
	used *runeSets
	buf  []byte
}

func newFastText(pdf *fpdf.Fpdf, used *runeSets) *fastText {
	return &fastText{pdf: pdf, used: used}
}

// text draws s at (x, y) in the current font, bold or not, whose text
// colour is the grey the pen set.
func (t *fastText) text(x, y float64, s string, bold bool, grey int) {
	tr, tg, tb := t.pdf.GetTextColor()
	if !useFastText || t.used == nil || tr != grey || tg != grey || tb != grey || !oneUnitEach(s) {
		t.pdf.Text(x, y, s)
		return
	}
	used := t.used[0]
	if bold {
		used = t.used[1]
	}
	fr, fg, fb := t.pdf.GetFillColor()
	// As Text: « q <colour> BT … ET Q » when the fill colour differs,
	// since fpdf sets the fill colour with g, the text one with it too.
	coloured := fr != tr || fg != tg || fb != tb
	k := t.pdf.GetConversionRatio()
	_, h := t.pdf.GetPageSize()
	b := t.buf[:0]
	if coloured {
		b = append(b, "q "...)
		b = strconv.AppendFloat(b, float64(grey)/255, 'f', 3, 64)
		b = append(b, " g "...)
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s {
		used[int(r)] = int(r)
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
	}
	b = append(b, ") Tj ET"...)
	if coloured {
		b = append(b, " Q"...)
	}
	t.buf = b
	// RawWriteStr copies the string into the page: b may be reused.
	t.pdf.RawWriteStr(unsafe.String(unsafe.SliceData(b), len(b)))
}

// appendEscaped appends one byte of a PDF literal string, escaped as
// fpdf's escape does.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// oneUnitEach reports whether s is valid UTF-8 with every character in the
// Basic Multilingual Plane: one UTF-16 unit each, as fpdf encodes it.
func oneUnitEach(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r > 0xFFFF {
			return false
		}
	}
	return true
}
