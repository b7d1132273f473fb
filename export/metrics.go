package export

import (
	"io"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// document is one PDF being built, with what its pages share: the QR code
// templates and the text metrics.
type document struct {
	pdf  *fpdf.Fpdf
	qr   *qrCodes
	m    *metrics
	opt  Options
	text *fastText
	// joins keeps joined strings across the pages (render.go).
	joins joins
	// sizes sizes fpdf's buffers (pagebuf.go).
	sizes pageSizes
}

// finish writes the document to w.
func (doc *document) finish(w io.Writer) error {
	doc.sizes.finishing(doc.pdf, doc.pdf.PageCount())
	return finish(doc.pdf, w)
}

// newCheckedDocument starts a document once its title and options are
// known to be printable.
func newCheckedDocument(opt Options, title string, pages int) (*document, error) {
	if err := checkPage(Page{Title: title}, opt); err != nil {
		return nil, err
	}
	return newDocument(opt, title, pages), nil
}

// newDocument starts a document of pages pages.
func newDocument(opt Options, title string, pages int) *document {
	pdf, used := newDoc(opt, title)
	return &document{pdf: pdf, qr: newQRCodes(pdf, pages > 1), m: &metrics{}, opt: opt, text: newFastText(pdf, used), joins: joins{}}
}

// metrics measures text. Measures depend only on the embedded fonts, so they
// are kept for the whole process (textCache): a sheet is measured
// several times before it is drawn, a batch repeats the same texts on
// every page, and the next document repeats the last one's.
type metrics struct {
}

// textCache holds what measuring found, for every document. It is
// emptied when it grows past cacheLimit entries, so that a long session
// printing many different communes keeps a bounded memory.
var textCache = struct {
	sync.Mutex
	units  [2]map[string]int // widths in font units per weight
	tokens map[string][]string
	paras  map[paraKey]*laidOut
}{units: [2]map[string]int{{}, {}}, tokens: map[string][]string{}, paras: map[paraKey]*laidOut{}}

const cacheLimit = 50_000

func resetIfFull() {
	c := &textCache
	if len(c.units[0])+len(c.units[1])+len(c.tokens)+len(c.paras) > cacheLimit {
		c.units = [2]map[string]int{{}, {}}
		c.tokens = map[string][]string{}
		c.paras = map[paraKey]*laidOut{}
	}
}

// width is the width of s in f, in mm.
func (m *metrics) width(f font, s string) float64 {
	w := 0
	if f.bold {
		w = 1
	}
	c := &textCache
	c.Lock()
	u, ok := c.units[w][s]
	if !ok {
		u = measure(f.bold, s)
		resetIfFull()
		c.units[w][s] = u
	}
	c.Unlock()
	return float64(u) * f.size * ptToMM / 1000
}

// ruler is a document without pages that only measures: measuring in the
// document being drawn would write a font change into its page, so the
// bytes would depend on what was measured before.
var ruler = sync.OnceValue(func() *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	addFonts(pdf)
	return pdf
})

// measure is the width of s in font units; textCache's lock guards ruler.
func measure(bold bool, s string) int {
	style := ""
	if bold {
		style = "B"
	}
	pdf := ruler()
	pdf.SetFont(family, style, 10)
	return pdf.GetStringSymbolWidth(s)
}

// words typesets text (French no-break spaces) and splits it at the
// spaces where a line may break.
func (m *metrics) words(text string) []string {
	c := &textCache
	c.Lock()
	t, ok := c.tokens[text]
	c.Unlock()
	if !ok {
		t = strings.Split(french(text), " ")
		c.Lock()
		resetIfFull()
		c.tokens[text] = t
		c.Unlock()
	}
	return t
}

// maxKeySpans is the most spans a paragraph can have to be kept in the
// cache: every paragraph of our pages has fewer.
const maxKeySpans = 3

// paraKey names a paragraph laid out at a width and type scale.
type paraKey struct {
	spans    [maxKeySpans]span
	n        int
	w, scale float64
}

// laidOut is a paragraph broken into lines, ready to draw. It is never
// changed once made: documents share it.
type laidOut struct {
	h     float64
	lines []lineRuns
}

// lineRuns is one line: its runs of text in one font, their offsets from
// the line's start, its width and height.
type lineRuns struct {
	runs  []textRun
	width float64
	lh    float64
}

type textRun struct {
	text string
	f    font
	dx   float64
}

func cachedPara(k paraKey) (*laidOut, bool) {
	c := &textCache
	c.Lock()
	defer c.Unlock()
	l, ok := c.paras[k]
	return l, ok
}

func keepPara(k paraKey, l *laidOut) {
	c := &textCache
	c.Lock()
	defer c.Unlock()
	resetIfFull()
	c.paras[k] = l
}
