package export

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"reperecyber/assets"
)

// Options are the settings shared by every page of a document.
type Options struct {
	// Date is printed on the pages (« édité le … ») and recorded as the
	// PDF's creation and modification dates. Zero means now; fix it to get
	// the same bytes twice.
	Date time.Time
	// ContentVersion is the version of the reference content, printed in
	// the footer so a reader knows how recent the numbers are.
	ContentVersion string
	// Freshness, when set, is printed at the foot of every page: the
	// content is old enough that the numbers should be checked.
	Freshness string
	// Producer names the application in the PDF's properties.
	Producer string
}

func (o Options) date() time.Time {
	if o.Date.IsZero() {
		return time.Now()
	}
	return o.Date
}

const (
	family   = "dejavu"
	pageW    = 210.0 // A4, mm
	pageH    = 297.0
	margin   = 10.0
	contentW = pageW - 2*margin
)

// newDoc starts an A4 document with the embedded fonts, no automatic page
// breaks (every layout here places its own text) and deterministic output:
// fixed dates and sorted catalog entries. used is what fastText needs of
// the fonts, nil when they were not shared.
func newDoc(opt Options, title string) (pdf *fpdf.Fpdf, used *runeSets) {
	pdf = fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	d := opt.date()
	pdf.SetCreationDate(d)
	pdf.SetModificationDate(d)
	pdf.SetLang("fr-FR")
	pdf.SetTitle(title, true)
	pdf.SetCreator("Repère Cyber", true)
	pdf.SetProducer(producer(opt), true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(false) // finish compresses, with reused writers
	pdf.SetMargins(margin, margin, margin)
	return pdf, addFonts(pdf)
}

type fontPair struct{ regular, bold []byte }

// fonts cuts the embedded fonts down, once per process, to the scripts a
// French document may meet: parsing DejaVu's 6 000 glyphs for every
// document cost more than drawing the page. Characters outside these
// ranges print as blanks.
var fonts = sync.OnceValue(func() fontPair {
	var set strings.Builder
	for _, r := range fontRanges {
		for c := r[0]; c <= r[1]; c++ {
			set.WriteRune(c)
		}
	}
	return fontPair{
		regular: fpdf.UTF8CutFont(assets.FontRegular, set.String()),
		bold:    fpdf.UTF8CutFont(assets.FontBold, set.String()),
	}
})

// fontRanges are the Unicode blocks kept in the fonts: every Latin
// script (French, the regional languages, European names), accents to
// combine, punctuation and spaces, currency signs, bullets. Fewer glyphs
// parse faster; each document still embeds only the characters it uses.
var fontRanges = [][2]rune{
	{0x0020, 0x024F}, // ASCII, Latin-1, Latin Extended-A and B
	{0x0300, 0x036F}, // combining accents
	{0x1E00, 0x1EFF}, // Latin Extended Additional
	{0x2000, 0x206F}, // punctuation and spaces (U+202F); U+00A0 is in Latin-1
	{0x20A0, 0x20CF}, // currency signs
	{0x2100, 0x215F}, // letterlike symbols (№, ℡), fractions
	{0x25A0, 0x25FF}, // geometric shapes (bullets)
}

func producer(opt Options) string {
	if opt.Producer != "" {
		return opt.Producer
	}
	return "Repère Cyber"
}

// finish writes the document to w, reporting the first error met while
// building it: fpdf errors are sticky and would otherwise go unnoticed.
func finish(pdf *fpdf.Fpdf, w io.Writer) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("build pdf: %w", err)
	}
	fonts := swapFonts(pdf)
	var doc captured
	if err := pdf.Output(&doc); err != nil {
		return fmt.Errorf("build pdf: %w", err)
	}
	if err := writeSpliced(doc.b, w, fonts); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// captured keeps what fpdf's Output writes, in one Write of its whole
// buffer, without copying it: fpdf no longer touches that buffer.
type captured struct{ b []byte }

func (c *captured) Write(p []byte) (int, error) {
	if c.b == nil {
		c.b = p
	} else {
		c.b = append(c.b, p...)
	}
	return len(p), nil
}
