package export_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"reperecyber/export"
)

// TestFontCacheSamePages: documents whose fonts were kept from an earlier
// document show exactly the pages, text and fonts of documents whose
// fonts fpdf writes itself: the same pixels (pdftoppm), the same text
// (pdftotext), a valid file (qpdf), and the same bytes whether the fonts
// were kept or met for the first time.
func TestFontCacheSamePages(t *testing.T) {
	need(t, "pdftoppm")
	odd := fullContacts("29019")
	odd[0].Name = `Prestataire (astreinte) \ Œuvre ẞ ĳ Ŧ`
	cases := []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"a sheet", func(w io.Writer) error { return export.ContactSheet(w, sheetData(t, place(t, "29019")), testOpt) }},
		{"a sheet with rare letters", func(w io.Writer) error {
			return export.ContactSheet(w, sheetData(t, place(t, "29019"), odd...), testOpt)
		}},
		{"a batch", func(w io.Writer) error {
			return export.ContactSheets(context.Background(), w, batch(t, "2A")[:12], testOpt, nil)
		}},
		{"a fiche", func(w io.Writer) error { return export.Fiche(w, sampleFiche(t), testOpt) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			write := func() []byte {
				var buf bytes.Buffer
				if err := tc.write(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			export.SetFontCache(false)
			plain := write()
			export.SetFontCache(true)
			export.ForgetFonts()
			first, kept := write(), write()
			if !bytes.Equal(first, kept) {
				t.Fatal("the fonts met for the first time and kept give different bytes")
			}
			if bytes.Equal(plain, kept) {
				t.Fatal("kept fonts not used: the document is fpdf's own")
			}
			qpdfCheck(t, kept)
			if a, b := pdftotext(t, plain), pdftotext(t, kept); a != b {
				t.Errorf("text differs:\n%s\n---\n%s", a, b)
			}
			if a, b := rendered(t, plain), rendered(t, kept); len(a) == 0 || len(a) != len(b) {
				t.Fatalf("%d pages rendered against %d", len(b), len(a))
			} else {
				for i := range a {
					if !bytes.Equal(a[i], b[i]) {
						t.Errorf("page %d drawn differently", i+1)
					}
				}
			}
		})
	}
}

// rendered is every page of pdf as pdftoppm draws it (PPM, 50 dpi).
func rendered(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	dir := t.TempDir()
	run(t, "pdftoppm", "-r", "50", writeTemp(t, pdf), filepath.Join(dir, "p"))
	files, err := filepath.Glob(filepath.Join(dir, "p-*.ppm"))
	if err != nil {
		t.Fatal(err)
	}
	var pages [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}
