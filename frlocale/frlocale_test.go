package frlocale

import (
	"os"
	"testing"
)

func TestApply(t *testing.T) {
	tests := []struct {
		name                   string
		lcAll, lcMessages, lng string
		wantLang, wantAll      string
	}{
		{"unset", "", "", "", "fr_FR.UTF-8", ""},
		{"C", "", "", "C", "fr_FR.UTF-8", ""},
		{"C.UTF-8", "", "", "C.UTF-8", "fr_FR.UTF-8", ""},
		{"POSIX in LC_ALL", "POSIX", "", "", "fr_FR.UTF-8", ""},
		{"real language kept", "", "", "en_GB.UTF-8", "en_GB.UTF-8", ""},
		{"LC_ALL real kept", "de_DE.UTF-8", "", "C", "", "de_DE.UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range map[string]string{"LC_ALL": tt.lcAll, "LC_MESSAGES": tt.lcMessages, "LANG": tt.lng} {
				t.Setenv(k, v)
			}
			t.Setenv("LANGUAGE", "")
			Apply()
			if got := os.Getenv("LANG"); got != tt.wantLang {
				t.Errorf("LANG = %q, want %q", got, tt.wantLang)
			}
			if got := os.Getenv("LC_ALL"); got != tt.wantAll {
				t.Errorf("LC_ALL = %q, want %q", got, tt.wantAll)
			}
			if got := os.Getenv("LANGUAGE"); got != "fr_FR:fr" {
				t.Errorf("LANGUAGE = %q", got)
			}
		})
	}
}
