package export

import (
	"bytes"
	"testing"
	"time"

	"reperecyber/content"
)

// TestSharedFontsSameBytes: documents given a copy of the fonts parsed
// once write the same bytes as documents that parse them with fpdf's own
// AddUTF8FontFromBytes, page after page, and the shared path is taken.
// Fonts are written by fpdf for each document here, as they are when not
// shared (TestFontCacheSamePages compares with kept ones).
func TestSharedFontsSameBytes(t *testing.T) {
	if !fontTemplate().ok {
		t.Fatal("fpdf's font state no longer has the expected shape: fonts are parsed per document again")
	}
	cacheFonts = false
	defer func() { cacheFonts = true }()
	opt := Options{Date: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)}
	pg := Page{Kicker: "ESSAI", Title: "Saint-Éloi-sur-Œuvre", Sections: []Section{
		{Title: "Texte", Style: StyleText, Rows: []Row{{Text: "« Ça » coûte 12\u202f€ ; ĳ Ŧ ẞ – ■"}}},
		{Title: "Contacts", Style: StyleList, Rows: []Row{{Name: "Service", Values: []Value{{Type: content.ContactPhone, Text: "0 800 200 008"}}}}},
	}}
	write := func(shared bool) []byte {
		shareFonts = shared
		defer func() { shareFonts = true }()
		var buf bytes.Buffer
		if err := writePage(&buf, pg, opt); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	resetTextCache()
	plain := write(false) // with nothing measured yet: the cache must not change the bytes
	for i := range 3 {
		if got := write(true); !bytes.Equal(got, plain) {
			t.Fatalf("document %d with shared fonts differs from fpdf's own loading", i+1)
		}
	}
}

func resetTextCache() {
	textCache.Lock()
	defer textCache.Unlock()
	textCache.units = [2]map[string]int{{}, {}}
	textCache.tokens = map[string][]string{}
	textCache.paras = map[paraKey]*laidOut{}
}

// TestGuardRecovers: a panic anywhere in an export comes back as an
// error with a French sentence.
func TestGuardRecovers(t *testing.T) {
	err := guard("de la fiche", func() error { panic("index out of range") })
	msg, ok := UserMessage(err)
	if !ok || msg == "" {
		t.Fatalf("err %v", err)
	}
}

// TestConcurrentDocuments: documents built at the same time (a batch in
// the window while a fiche prints) share the parsed fonts and the text
// cache, and each still writes the bytes it writes alone. Run with -race.
func TestConcurrentDocuments(t *testing.T) {
	opt := Options{Date: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)}
	page := func(i int) Page {
		return Page{Kicker: "ESSAI", Title: "Commune n° " + string(rune('A'+i)), Sections: []Section{
			{Title: "Texte", Style: StyleText, Rows: []Row{{Text: "Débranchez du réseau ; n'éteignez pas l'ordinateur. " + string(rune('a'+i))}}},
		}}
	}
	want := make([][]byte, 4)
	for i := range want {
		var buf bytes.Buffer
		if err := writePage(&buf, page(i), opt); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.Bytes()
	}
	resetTextCache()
	got := make([][]byte, len(want))
	done := make(chan error)
	for i := range want {
		go func() {
			var buf bytes.Buffer
			err := writePage(&buf, page(i), opt)
			got[i] = buf.Bytes()
			done <- err
		}()
	}
	for range want {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("document %d differs when built alongside others", i)
		}
	}
}
