package export_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"reperecyber/content"
	"reperecyber/export"
)

// TestBadTextNeverPanics: text the fonts cannot draw, wherever it comes
// from (a CSV saved by Excel in Windows-1252, an emoji typed in a note, a
// commune name in another script), is refused with a French sentence
// before it reaches fpdf, and nothing is written.
func TestBadTextNeverPanics(t *testing.T) {
	p := place(t, "29019")
	local := func(name, note string) export.SheetData {
		return sheetData(t, p, content.LocalContact{INSEE: p.INSEE, Role: content.RoleIT, Name: name, Phone: "02 98 00 00 00", Note: note})
	}
	named := func(name string) export.SheetData {
		q := p
		q.Name = name
		return sheetData(t, q)
	}
	fiche := sampleFiche(t)
	fiche.Steps = append([]string{"Appelez H\xe9l\xe8ne au 06 00 00 00 00."}, fiche.Steps...)
	card, _ := func() (content.Entry, bool) { b, _ := bundle(t); return b.Entry("17cyber") }()
	card.Title = "17Cyber \U0001F6A8"
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string // in the message
	}{
		{"Windows-1252 local contact", func(w *bytes.Buffer) error {
			return export.ContactSheet(w, local("Mutuelle H\xe9l\xe8ne", ""), testOpt)
		}, "Windows-1252"},
		{"invalid UTF-8 note", func(w *bytes.Buffer) error {
			return export.ContactSheet(w, local("Informatique Ker", "\xff\xfe\x00"), testOpt)
		}, "mal codés"},
		{"emoji in a note", func(w *bytes.Buffer) error {
			return export.ContactSheet(w, local("Informatique Ker", "Astreinte 😀"), testOpt)
		}, "😀"},
		{"CJK local contact", func(w *bytes.Buffer) error { return export.ContactSheet(w, local("東京サービス", ""), testOpt) }, "東"},
		{"CJK commune name", func(w *bytes.Buffer) error { return export.ContactSheet(w, named("東京"), testOpt) }, "東"},
		{"Windows-1252 commune name", func(w *bytes.Buffer) error { return export.ContactSheet(w, named("Sa\xefnt-\xc9loi"), testOpt) }, "Windows-1252"},
		{"emoji commune in a batch", func(w *bytes.Buffer) error {
			return export.ContactSheets(context.Background(), w, []export.SheetData{named("Brest"), named("Brest 🏖")}, testOpt, nil)
		}, "Brest"},
		{"Windows-1252 fiche step", func(w *bytes.Buffer) error { return export.Fiche(w, fiche, testOpt) }, "Windows-1252"},
		{"emoji card title", func(w *bytes.Buffer) error { return export.EntryCard(w, card, testOpt) }, "U+1F6A8"},
		{"bad content version", func(w *bytes.Buffer) error {
			opt := testOpt
			opt.ContentVersion = "2026\xe9"
			return export.ContactSheet(w, named("Brest"), opt)
		}, "version du contenu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tt.write(&buf)
			msg, ok := export.UserMessage(err)
			if !ok {
				t.Fatalf("err %v carries no French message", err)
			}
			if !strings.Contains(msg, tt.want) || !strings.Contains(msg, "Corrigez") || !utf8.ValidString(msg) {
				t.Errorf("message %q lacks %q or what to do", msg, tt.want)
			}
			if buf.Len() > 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
}

// FuzzContactSheet: whatever a local contact or a commune name holds, the
// sheet is written or refused with a French message, never a panic.
func FuzzContactSheet(f *testing.F) {
	for _, s := range []string{"Mutuelle H\xe9l\xe8ne", "😀", "東京", "Saint-Éloi-sur-Œuvre", "\x00\x01", "a\u202fb", "\xed\xa0\x80"} {
		f.Add(s, s)
	}
	p := place(f, "29019")
	f.Fuzz(func(t *testing.T, name, note string) {
		q := p
		q.Name = name
		d := sheetData(t, q, content.LocalContact{INSEE: p.INSEE, Role: content.RoleIT, Name: name, Note: note})
		var buf bytes.Buffer
		if err := export.ContactSheet(&buf, d, testOpt); err != nil {
			if _, ok := export.UserMessage(err); !ok {
				t.Fatalf("error without a French message: %v", err)
			}
		}
	})
}

func TestTextProblem(t *testing.T) {
	tests := []struct {
		name, s string
		bad     bool
	}{
		{"French", "Saint-Éloi-sur-Œuvre « ça » 12\u202f€ ; l'île", false},
		{"combining accents (text from a Mac)", "Cafe\u0301", false},
		{"Latin Extended", "Łódź, Ştefan, Nguyễn", false},
		{"line feed", "ligne\nsuivante", false},
		{"Windows-1252 bytes", "H\xe9l\xe8ne", true},
		{"emoji", "🚨", true},
		{"CJK", "東京", true},
		{"tab", "a\tb", true},
		{"check mark", "✓", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := export.TextProblem(tt.s); (got != "") != tt.bad {
				t.Errorf("TextProblem(%q) = %q", tt.s, got)
			}
		})
	}
}
