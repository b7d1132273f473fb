package export_test

import (
	"bytes"
	"os"
	"testing"

	"reperecyber/content"
	"reperecyber/export"
)

// TestPreview writes sample PDFs to look at (EXPORT_PREVIEW_DIR=/tmp/x
// go test -run Preview ./export/, then pdftoppm -png -r 80): a short name,
// the longest name with the fullest contacts, Mayotte's gap note, Papeete (a number held back), a
// fiche, the ransomware outcome's fiche for Brest.
func TestPreview(t *testing.T) {
	dir := os.Getenv("EXPORT_PREVIEW_DIR")
	if dir == "" {
		t.Skip("set EXPORT_PREVIEW_DIR to write sample PDFs")
	}
	for name, d := range map[string]export.SheetData{
		"brest":   sheetData(t, place(t, "29019")),
		"long":    sheetData(t, longPlace(t), fullContacts(longPlace(t).INSEE)...),
		"mayotte": sheetData(t, place(t, "97611")),
		"papeete": sheetData(t, place(t, "98735")),
	} {
		var buf bytes.Buffer
		if err := export.ContactSheet(&buf, d, testOpt); err != nil {
			t.Fatal(name, err)
		}
		if err := os.WriteFile(dir+"/"+name+".pdf", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := export.Fiche(&buf, sampleFiche(t), testOpt); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/fiche.pdf", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := place(t, "29019")
	buf.Reset()
	it := content.LocalContact{INSEE: p.INSEE, Role: content.RoleIT, Name: "Informatique Ker", Phone: "02 98 11 22 33"}
	if err := export.Fiche(&buf, outcomeFiche(t, "rancongiciel-mairie", p, it), testOpt); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/rancongiciel.pdf", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
