package export

import (
	"fmt"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// qrCodes draws QR codes as vector squares (crisp at any printer
// resolution, never a JPEG). In a batch each code is drawn once as a
// template and placed by reference, so 900 sheets showing the same
// national websites carry each code once; a single page draws its codes
// inline, which spares a compressed stream per code.
type qrCodes struct {
	pdf    *fpdf.Fpdf
	shared bool
	tpls   map[string]fpdf.Template
}

func newQRCodes(pdf *fpdf.Fpdf, shared bool) *qrCodes {
	return &qrCodes{pdf: pdf, shared: shared, tpls: map[string]fpdf.Template{}}
}

// draw places the QR code of url, size mm wide, with its top left corner
// at (x, y). url must be ASCII: every phone can read a byte-mode code.
func (q *qrCodes) draw(url string, x, y, size float64) error {
	if !q.shared {
		return q.inline(url, x, y, size)
	}
	t, ok := q.tpls[url]
	if !ok {
		var err error
		if t, err = q.template(url); err != nil {
			return err
		}
		q.tpls[url] = t
	}
	q.pdf.UseTemplateScaled(t, fpdf.PointType{X: x, Y: y}, fpdf.SizeType{Wd: size, Ht: size})
	return nil
}

// inline writes the code's runs as one filled path.
func (q *qrCodes) inline(url string, x, y, size float64) error {
	m, err := matrixOf(url)
	if err != nil {
		return err
	}
	k := 72 / 25.4
	mod := size / float64(m.size) * k
	// One matrix places the code: the runs, in modules from the top
	// left corner, are the same text on every page.
	q.pdf.RawWriteStr(fmt.Sprintf("q %.4f 0 0 %.4f %.3f %.3f cm\n%s", mod, -mod, x*k, (pageH-y)*k, m.path))
	return nil
}

func (q *qrCodes) template(url string) (fpdf.Template, error) {
	m, err := matrixOf(url)
	if err != nil {
		return nil, err
	}
	n := float64(m.size)
	return q.pdf.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: n, Ht: n}, func(t *fpdf.Tpl) {
		t.SetFillColor(0, 0, 0)
		for _, r := range m.runs {
			t.Rect(float64(r.x), float64(r.y), float64(r.w), 1, "F")
		}
	}), nil
}

// matrix is an encoded QR code: its width in modules and its dark runs.
type matrix struct {
	size int
	runs []run
	// path fills the runs, in modules, y downwards, as PDF operators.
	path string
}

// matrices caches encoded QR codes for the life of the process: encoding
// (choosing the mask) costs more than drawing a whole page, and a sheet
// shows the same dozen websites every time.
var matrices sync.Map // url → matrix

func matrixOf(url string) (matrix, error) {
	if m, ok := matrices.Load(url); ok {
		return m.(matrix), nil
	}
	for _, r := range url {
		if r > 0x7e || r < 0x21 {
			return matrix{}, fmt.Errorf("qr code for %q: only ASCII addresses are encoded", url)
		}
	}
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		return matrix{}, fmt.Errorf("qr code for %q: %w", url, err)
	}
	m := matrix{size: code.Bounds().Dx(), runs: darkRuns(code)}
	var b strings.Builder
	b.WriteString("0 g\n")
	for _, r := range m.runs {
		fmt.Fprintf(&b, "%d %d %d 1 re\n", r.x, r.y, r.w)
	}
	b.WriteString("f Q")
	m.path = b.String()
	matrices.Store(url, m)
	return m, nil
}

// run is a horizontal stretch of dark modules: one rectangle instead of
// one per module keeps the page small.
type run struct{ x, y, w int }

func darkRuns(code barcode.Barcode) []run {
	b := code.Bounds()
	var out []run
	for y := b.Min.Y; y < b.Max.Y; y++ {
		start := -1
		for x := b.Min.X; x <= b.Max.X; x++ {
			dark := x < b.Max.X && isDark(code, x, y)
			switch {
			case dark && start < 0:
				start = x
			case !dark && start >= 0:
				out = append(out, run{start - b.Min.X, y - b.Min.Y, x - start})
				start = -1
			}
		}
	}
	return out
}

func isDark(code barcode.Barcode, x, y int) bool {
	r, _, _, _ := code.At(x, y).RGBA()
	return r < 0x8000
}
