package content_test

import (
	"strings"
	"testing"

	"reperecyber/content"
)

func TestFormatInt(t *testing.T) {
	for _, tt := range []struct {
		in   int
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1\u202f000"}, {34969, "34\u202f969"}, {2103778, "2\u202f103\u202f778"}, {-1500, "-1\u202f500"},
	} {
		if got := content.FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2024", "2024"}, {"2024-11", "novembre 2024"}, {"2024-12-17", "17 décembre 2024"},
		{"2023-12-01", "1er décembre 2023"}, {"2024-13", "2024-13"}, {"n.d.", "n.d."},
	} {
		if got := content.FormatDate(tt.in); got != tt.want {
			t.Errorf("FormatDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidPhone(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"17", true}, {"112", true}, {"114", true}, {"116 006", true}, {"3018", true}, {"33700", true},
		{"0 800 200 008", true}, {"09 70 51 25 25", true}, {"0262 974 999", true}, {"01.80.52.33.84", true},
		{"+33 1 80 52 33 76", true}, {"+687 505 300", true},
		{"0 800 200 00", false}, {"1", false}, {"0123", false}, {"appelez le 17", false}, {"", false}, {"12 34", false},
	} {
		if got := content.ValidPhone(tt.in); got != tt.want {
			t.Errorf("ValidPhone(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDoubtIsSaidNextToItsValue(t *testing.T) {
	phone := content.Contact{Type: content.ContactPhone, Value: "0 800 200 008", Status: content.StatusOK}
	hours := content.Contact{Type: content.ContactHours, Value: "9 h – 18 h", Status: content.StatusToCheck, Note: "une autre source dit 17 h 30"}
	tests := []struct {
		name     string
		e        content.Entry
		doubtful bool
	}{
		{"solid number, doubtful hours", content.Entry{Status: content.StatusOK, Contacts: []content.Contact{phone, hours}}, false},
		{"doubtful number", content.Entry{Status: content.StatusOK, Contacts: []content.Contact{{Type: content.ContactPhone, Value: "+686 40 455 200", Status: content.StatusToCheck}}}, true},
		{"doubtful entry", content.Entry{Status: content.StatusToCheck, Contacts: []content.Contact{phone}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Doubtful(); got != tt.doubtful {
				t.Errorf("Doubtful = %v", got)
			}
		})
	}
	if got := hours.ToConfirm(); got != "horaires à confirmer" {
		t.Errorf("hours: %q", got)
	}
	if got := phone.ToConfirm(); got != "" {
		t.Errorf("solid phone: %q", got)
	}
}

func TestSeedsAreNamedByTitle(t *testing.T) {
	s := content.Source{URL: "seed:004_21d2cdd1da2ea3cf.txt", Date: "2025"}
	if got := content.SourceLine(s); !strings.Contains(got, "CALAE") || strings.Contains(got, "004_") {
		t.Errorf("content.SourceLine = %q", got)
	}
	if got := content.SourceTitle(content.Source{URL: "https://www.cnil.fr/fr/notifier"}); got != "www.cnil.fr" {
		t.Errorf("web title %q", got)
	}
}
