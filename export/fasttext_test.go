package export_test

import (
	"bytes"
	"context"
	"testing"

	"reperecyber/export"
)

// TestFastTextSameBytes: the text the pen draws through fastText gives
// the document fpdf's own Text gives, byte for byte: a batch (shared QR
// templates, many fonts and greys) and a sheet whose own contacts carry
// the characters a PDF string escapes, « ( ) \ », and letters from every
// Latin block.
func TestFastTextSameBytes(t *testing.T) {
	odd := fullContacts("29019")
	odd[0].Name = `Prestataire (astreinte) \ Œuvre ẞ ĳ`
	odd[0].Note = `Appeler (de 8 h à 18 h) ; sinon \ laisser un message « Ça » 12 €`
	cases := []struct {
		name string
		list []export.SheetData
	}{
		{"a batch", batch(t, "2A")},
		{"escaped characters", []export.SheetData{sheetData(t, place(t, "29019"), odd...)}},
		{"the longest name", []export.SheetData{sheetData(t, longPlace(t), fullContacts(longPlace(t).INSEE)...)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			write := func(fast bool) []byte {
				export.SetFastText(fast)
				defer export.SetFastText(true)
				var buf bytes.Buffer
				if err := export.ContactSheets(context.Background(), &buf, tc.list, testOpt, nil); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			if plain, fast := write(false), write(true); !bytes.Equal(plain, fast) {
				t.Fatalf("fast text path differs from fpdf's Text (%d bytes against %d)", len(fast), len(plain))
			}
		})
	}
}

func batch(tb testing.TB, dep string) []export.SheetData {
	var list []export.SheetData
	for _, p := range communesOf(tb, dep) {
		list = append(list, sheetData(tb, p))
	}
	if len(list) == 0 {
		tb.Fatalf("no commune in %s", dep)
	}
	return list
}
