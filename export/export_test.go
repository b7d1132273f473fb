package export_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"reperecyber/content"
	"reperecyber/export"
)

func TestLayoutNamesExistingEntries(t *testing.T) {
	b, _ := bundle(t)
	if err := export.ValidateLayout(b.Entries); err != nil {
		t.Fatal(err)
	}
	if err := export.ValidateLayout(b.Entries[:3]); err == nil {
		t.Error("a layout naming missing entries must fail")
	}
}

// TestSheetSections: numbers and texts come from the content, the CSIRT
// is the région's, and a région without one gets its gap note.
func TestSheetSections(t *testing.T) {
	tests := []struct {
		name  string
		insee string
		want  []string // each must appear in some row
	}{
		{"Brest gets Breizh Cyber", "29019", []string{"17", "112", "114", "15", "18", "Breizh Cyber", "0 800 200 008", "01 80 52 33 84", "bretagne@ssi.gouv.fr", "Des sauvegardes"}},
		{"Mayotte has no CSIRT: the gap note", "97611", []string{"Mayotte n'a pas de CSIRT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := export.BuildSheet(sheetData(t, place(t, tt.insee)))
			if err != nil {
				t.Fatal(err)
			}
			all := pageText(pg)
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

func pageText(pg export.Page) string {
	var b strings.Builder
	for _, s := range pg.Sections {
		for _, r := range s.Rows {
			b.WriteString(r.Name + "|" + r.Detail + "|" + r.Big + "|" + r.Text + "|")
			for _, v := range r.Values {
				b.WriteString(v.Text + "|")
			}
		}
	}
	return b.String()
}

func TestLocalContactsAndBlankLines(t *testing.T) {
	p := place(t, "29019")
	pg, err := export.BuildSheet(sheetData(t, p, content.LocalContact{INSEE: p.INSEE, Role: content.RoleIT, Name: "Informatique Ker", Phone: "02 98 00 00 00"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range pg.Sections {
		if s.Style != export.StyleLocal {
			continue
		}
		if len(s.Rows) != len(content.Roles) {
			t.Fatalf("%d local rows, want one per role", len(s.Rows))
		}
		for i, r := range s.Rows {
			if blank := content.Roles[i] != content.RoleIT; r.Blank != blank {
				t.Errorf("row %s: blank %v", r.Name, r.Blank)
			}
		}
		return
	}
	t.Fatal("no local section")
}

func sheetPDF(tb testing.TB, d export.SheetData) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.ContactSheet(&buf, d, testOpt); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestOnePage: the longest name and the fullest local contacts still fit.
func TestOnePage(t *testing.T) {
	long := longPlace(t)
	if n := len([]rune(long.Name)); n < 45 {
		t.Fatalf("longest name %q has %d characters", long.Name, n)
	}
	tests := []struct {
		name string
		d    export.SheetData
	}{
		{"short name", sheetData(t, place(t, "29019"))},
		{"longest name, fullest contacts", sheetData(t, long, fullContacts(long.INSEE)...)},
		{"gap note, fullest contacts", sheetData(t, place(t, "97611"), fullContacts("97611")...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := pages(t, sheetPDF(t, tt.d)); n != 1 {
				t.Errorf("%d pages", n)
			}
		})
	}
}

func TestReproducible(t *testing.T) {
	d := sheetData(t, place(t, "29019"))
	a, b := sheetPDF(t, d), sheetPDF(t, d)
	if !bytes.Equal(a, b) {
		t.Fatal("same data and date gave different bytes")
	}
	if !bytes.Contains(a, []byte("D:20261122100000")) {
		t.Error("creation date not the fixed one")
	}
	qpdfCheck(t, a) // streams compressed on the way out, offsets rewritten
	if regexp.MustCompile(`<</Length \d+>>\nstream`).Match(a) {
		t.Error("a stream is left uncompressed")
	}
}

// accents is every character French print must get right.
const accents = "é è ê ë à â ç ô û ù ï œ « » € 12\u202f€"

// TestAccentsRoundTrip: pdftotext gives back every accented name exactly.
func TestAccentsRoundTrip(t *testing.T) {
	need(t, "pdftotext")
	p := place(t, "29019")
	p.Name = "Saint-Éloi-sur-Œuvre"
	c := content.LocalContact{INSEE: p.INSEE, Role: content.RoleInsurer, Name: "Mutuelle Hélène", Note: accents}
	text := pdftotext(t, sheetPDF(t, sheetData(t, p, c)))
	for _, want := range append(strings.Fields(accents), "Saint-Éloi-sur-Œuvre", "Mutuelle Hélène", "Finistère", "Sapeurs-pompiers", "Élu d'astreinte", "Délégué") {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
}

// TestNarrowNoBreakSpace: poppler's pdftotext prints U+202F as a plain
// space, so the page's text stream is checked instead: the font's
// ToUnicode map is the identity, and « 12 € » must be written with the
// narrow no-break space (UTF-16BE 202F) before the euro sign (20AC).
func TestNarrowNoBreakSpace(t *testing.T) {
	need(t, "qpdf")
	p := place(t, "29019")
	c := content.LocalContact{INSEE: p.INSEE, Role: content.RoleInsurer, Name: "Assureur", Note: "12\u202f€"}
	path := writeTemp(t, sheetPDF(t, sheetData(t, p, c)))
	out := filepath.Join(t.TempDir(), "qdf.pdf")
	run(t, "qpdf", "--qdf", "--object-streams=disable", path, out)
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(bytes.ToLower(raw), []byte("<00310032202f20ac>")) { // qpdf writes strings in hex
		t.Error("« 12 € » is not written with U+202F")
	}
	if !bytes.Contains(raw, []byte("<0000> <FFFF> <0000>")) {
		t.Error("the font's ToUnicode map is not the identity")
	}
}

func TestFicheAndCard(t *testing.T) {
	need(t, "pdftotext")
	var buf bytes.Buffer
	if err := export.Fiche(&buf, sampleFiche(t), testOpt); err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, buf.Bytes())
	for _, want := range []string{"Rançongiciel", "À FAIRE MAINTENANT", "Ne payez pas la rançon", "Breizh Cyber", "0 800 200 008", "CNIL : 72 heures"} {
		if !strings.Contains(text, want) {
			t.Errorf("fiche lacks %q", want)
		}
	}
	if pages(t, buf.Bytes()) != 1 {
		t.Error("fiche is not one page")
	}
	b, _ := bundle(t)
	for _, e := range b.Entries {
		buf.Reset()
		if err := export.EntryCard(&buf, e, testOpt); err != nil {
			t.Errorf("card %s: %v", e.ID, err)
		}
	}
}

// TestBatch: one page per commune, QR codes decode, qpdf is happy.
func TestBatch(t *testing.T) {
	need(t, "pdfinfo")
	var list []export.SheetData
	for _, p := range communesOf(t, "29")[:12] {
		list = append(list, sheetData(t, p))
	}
	var buf bytes.Buffer
	var calls []int
	err := export.ContactSheets(context.Background(), &buf, list, testOpt, func(done, total int) { calls = append(calls, done) })
	if err != nil {
		t.Fatal(err)
	}
	if n := pages(t, buf.Bytes()); n != len(list) {
		t.Errorf("%d pages for %d communes", n, len(list))
	}
	if len(calls) != len(list) || calls[len(calls)-1] != len(list) {
		t.Errorf("progress calls %v", calls)
	}
	qpdfCheck(t, buf.Bytes())
}

func TestBatchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	err := export.ContactSheets(ctx, &buf, []export.SheetData{sheetData(t, place(t, "29019"))}, testOpt, nil)
	if !errors.Is(err, context.Canceled) || buf.Len() > 0 {
		t.Errorf("err %v, %d bytes written", err, buf.Len())
	}
}

// TestQRCodesDecode renders the page and reads every code back.
func TestQRCodesDecode(t *testing.T) {
	need(t, "pdftoppm")
	need(t, "zbarimg")
	d := sheetData(t, place(t, "29019"))
	pg, err := export.BuildSheet(d)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "s.pdf")
	if err := os.WriteFile(pdf, sheetPDF(t, d), 0o600); err != nil {
		t.Fatal(err)
	}
	// zbar reads some codes only at some scales (module edges fall
	// between pixels); a phone reading paper has no such grid. Two
	// resolutions together must find every code.
	seen := map[string]bool{}
	for _, dpi := range []string{"200", "400"} {
		run(t, "pdftoppm", "-png", "-r", dpi, "-singlefile", pdf, filepath.Join(dir, "s"))
		for _, u := range strings.Fields(run(t, "zbarimg", "--quiet", "--raw", filepath.Join(dir, "s.png"))) {
			seen[u] = true
		}
	}
	var got []string
	for u := range seen {
		got = append(got, u)
	}
	var want []string
	for _, l := range pg.Links {
		want = append(want, l.URL)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("decoded %v\nwant    %v", got, want)
	}
	if len(want) < 8 {
		t.Errorf("only %d websites on the sheet", len(want))
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fiche.pdf")
	if err := os.WriteFile(path, []byte("ancienne"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := export.WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "moitié")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "ancienne" {
		t.Errorf("existing file changed to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d files behind", len(entries))
	}
	if err := export.WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "nouvelle"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "nouvelle" {
		t.Errorf("file is %q", b)
	}
}

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed (make test installs poppler-utils, qpdf and zbar-tools)", tool)
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func pdftotext(t *testing.T, pdf []byte) string {
	return run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, pdf), "-")
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pages(t *testing.T, pdf []byte) int {
	need(t, "pdfinfo")
	m := pagesLine.FindStringSubmatch(run(t, "pdfinfo", writeTemp(t, pdf)))
	if m == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func qpdfCheck(t *testing.T, pdf []byte) {
	need(t, "qpdf")
	if out, err := exec.Command("qpdf", "--check", writeTemp(t, pdf)).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
