package hours

import (
	"testing"
	"time"
)

func TestZone(t *testing.T) {
	cases := []struct {
		name    string
		regions []string
		want    string // "" when no zone is certain
	}{
		{"national", nil, "Europe/Paris"},
		{"bretagne", []string{"53"}, "Europe/Paris"},
		{"two metropolitan regions", []string{"53", "52"}, "Europe/Paris"},
		{"la réunion", []string{"04"}, "Indian/Reunion"},
		{"polynésie", []string{"987"}, "Pacific/Tahiti"},
		{"csirt-atlantic spans zones", []string{"01", "02", "03", "975", "977", "978"}, ""},
		{"overseas and metropole", []string{"04", "11"}, ""},
		{"unknown code", []string{"99"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			loc, ok := Zone(tc.regions...)
			if ok != (tc.want != "") || ok && loc.String() != tc.want {
				t.Errorf("Zone(%q) = %v, %v; want %q", tc.regions, loc, ok, tc.want)
			}
		})
	}
}

func TestForRegions(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		regions []string
		zone    string
		at      time.Time // wall clock, read in zone
		want    string
	}{
		{"réunion 20 décembre", reunion, []string{"04"}, "Indian/Reunion", time.Date(2027, 12, 20, 10, 0, 0, 0, time.UTC), ""},
		{"réunion 20 décembre unknown to metropole", reunion, nil, "Indian/Reunion", time.Date(2027, 12, 20, 10, 0, 0, 0, time.UTC), "Ouvert maintenant, jusqu'à 12 h"},
		{"réunion the day before: reopening unsure", reunion, []string{"04"}, "Indian/Reunion", time.Date(2027, 12, 17, 18, 0, 0, 0, time.UTC), "Fermé maintenant"},
		{"martinique 22 mai", csirt, []string{"02"}, "America/Martinique", time.Date(2026, 5, 22, 10, 0, 0, 0, time.UTC), ""},
		{"polynésie vendredi saint", reunion, []string{"987"}, "Pacific/Tahiti", time.Date(2026, 4, 3, 10, 0, 0, 0, time.UTC), ""},
		{"polynésie the day before good friday", reunion, []string{"987"}, "Pacific/Tahiti", time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC), "Ouvert maintenant, jusqu'à 12 h"},
		{"24/7 keeps every day", always, []string{"04"}, "Indian/Reunion", time.Date(2027, 12, 20, 10, 0, 0, 0, time.UTC), "Ouvert 24 h/24"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := Parse(tc.text)
			if !ok {
				t.Fatalf("Parse(%q) refused", tc.text)
			}
			loc := mustLocation(t, tc.zone)
			at := time.Date(tc.at.Year(), tc.at.Month(), tc.at.Day(), tc.at.Hour(), tc.at.Minute(), 0, 0, loc)
			if got := s.ForRegions(tc.regions...).At(at).French(); got != tc.want {
				t.Errorf("At(%s) = %q, want %q", at, got, tc.want)
			}
		})
	}
}
