package export

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// document is one PDF being built, with what its pages share: the QR code
// templates and the text metrics.
type document struct {
	pdf *fpdf.Fpdf
	qr  *qrCodes
	m   *metrics
	opt Options
}

// newDocument starts a document of pages pages.
func newDocument(opt Options, title string, pages int) *document {
	pdf := newDoc(opt, title)
	return &document{pdf: pdf, qr: newQRCodes(pdf, pages > 1), m: newMetrics(pdf), opt: opt}
}

// metrics measures text without switching the document's current font
// for every word: widths are kept in font units per weight (they scale
// with the size), and typeset words per text. A sheet is measured several
// times before it is drawn, and a batch repeats the same texts on every
// page, so nearly every lookup hits.
type metrics struct {
	pdf    *fpdf.Fpdf
	units  [2]map[string]int
	tokens map[string][]string
	// dirty is set when measuring changed the current font, so the next
	// drawing selects its own again.
	dirty bool
}

func newMetrics(pdf *fpdf.Fpdf) *metrics {
	return &metrics{pdf: pdf, units: [2]map[string]int{{}, {}}, tokens: map[string][]string{}}
}

// width is the width of s in f, in mm.
func (m *metrics) width(f font, s string) float64 {
	w := 0
	if f.bold {
		w = 1
	}
	u, ok := m.units[w][s]
	if !ok {
		style := ""
		if f.bold {
			style = "B"
		}
		m.pdf.SetFont(family, style, 10)
		m.dirty = true
		u = m.pdf.GetStringSymbolWidth(s)
		m.units[w][s] = u
	}
	return float64(u) * f.size * ptToMM / 1000
}

// words typesets text (French no-break spaces) and splits it at the
// spaces where a line may break.
func (m *metrics) words(text string) []string {
	t, ok := m.tokens[text]
	if !ok {
		t = strings.Split(french(text), " ")
		m.tokens[text] = t
	}
	return t
}
