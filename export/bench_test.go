package export_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"reperecyber/export"
)

// BenchmarkContactSheet: one commune's sheet, in process (target ≤ 5 ms).
func BenchmarkContactSheet(b *testing.B) {
	d := sheetData(b, place(b, "29019"))
	for b.Loop() {
		if err := export.ContactSheet(io.Discard, d, testOpt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContactSheetFirst: the same sheet when its characters were
// never printed before, as for each new commune: its fonts are written by
// fpdf once, then kept (fontcache.go). The price of the first time.
func BenchmarkContactSheetFirst(b *testing.B) {
	d := sheetData(b, place(b, "29019"))
	for b.Loop() {
		export.ForgetFonts()
		if err := export.ContactSheet(io.Discard, d, testOpt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPasDeCalais: the largest département, 887 communes, as one PDF
// (targets: ≤ 2 ms and ≤ 200 KB of allocations per page).
func BenchmarkPasDeCalais(b *testing.B) {
	var list []export.SheetData
	for _, p := range communesOf(b, "62") {
		list = append(list, sheetData(b, p))
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := export.ContactSheets(context.Background(), &buf, list, testOpt, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(list)), "pages")
	b.ReportMetric(float64(buf.Len())/float64(len(list))/1024, "KB/page")
}
