package hours

import (
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	cases := []struct {
		year       int
		month, day int
	}{
		{2000, 4, 23}, {2008, 3, 23}, {2011, 4, 24}, {2019, 4, 21}, {2024, 3, 31},
		{2025, 4, 20}, {2026, 4, 5}, {2027, 3, 28}, {2038, 4, 25}, {2285, 3, 22},
	}
	for _, tc := range cases {
		got := Easter(tc.year)
		if got.Month() != time.Month(tc.month) || got.Day() != tc.day {
			t.Errorf("Easter(%d) = %s, want %d-%02d-%02d", tc.year, got.Format(time.DateOnly), tc.year, tc.month, tc.day)
		}
	}
}

func TestIsHoliday(t *testing.T) {
	paris := mustLocation(t, "Europe/Paris")
	cases := []struct {
		name string
		date time.Time
		want string // "" for a working day
	}{
		{"2024 lundi de Pâques", day(2024, 4, 1), "Lundi de Pâques"},
		{"2024 Ascension", day(2024, 5, 9), "Ascension"},
		{"2024 lundi de Pentecôte", day(2024, 5, 20), "Lundi de Pentecôte"},
		{"2025 lundi de Pâques", day(2025, 4, 21), "Lundi de Pâques"},
		{"2025 Ascension", day(2025, 5, 29), "Ascension"},
		{"2025 lundi de Pentecôte", day(2025, 6, 9), "Lundi de Pentecôte"},
		{"2026 lundi de Pâques", day(2026, 4, 6), "Lundi de Pâques"},
		{"2026 Ascension", day(2026, 5, 14), "Ascension"},
		{"2026 lundi de Pentecôte", day(2026, 5, 25), "Lundi de Pentecôte"},
		{"2027 lundi de Pâques", day(2027, 3, 29), "Lundi de Pâques"},
		{"2027 Ascension", day(2027, 5, 6), "Ascension"},
		{"2027 lundi de Pentecôte", day(2027, 5, 17), "Lundi de Pentecôte"},
		{"Easter Sunday is not one of them", day(2026, 4, 5), ""},
		{"Good Friday is not national", day(2026, 4, 3), ""},
		{"Jour de l'an", day(2027, 1, 1), "Jour de l'an"},
		{"1er mai", day(2026, 5, 1), "Fête du Travail"},
		{"8 mai", day(2026, 5, 8), "Victoire 1945"},
		{"14 juillet", day(2026, 7, 14), "Fête nationale"},
		{"13 juillet", day(2026, 7, 13), ""},
		{"15 août", day(2026, 8, 15), "Assomption"},
		{"Toussaint", day(2026, 11, 1), "Toussaint"},
		{"11 novembre", day(2026, 11, 11), "Armistice 1918"},
		{"Noël", day(2026, 12, 25), "Noël"},
		{"26 décembre is not national", day(2026, 12, 26), ""},
		{"late evening in Paris is still the day", time.Date(2026, 7, 14, 23, 30, 0, 0, paris), "Fête nationale"},
		{"just after midnight in Paris is the next day", time.Date(2026, 7, 15, 0, 30, 0, 0, paris), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := IsHoliday(tc.date)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("IsHoliday(%s) = %q, %v; want %q", tc.date, got, ok, tc.want)
			}
		})
	}
}

func TestHolidays(t *testing.T) {
	for _, year := range []int{2024, 2026, 2038} {
		list := Holidays(year)
		if len(list) != 11 {
			t.Fatalf("Holidays(%d) has %d days, want 11", year, len(list))
		}
		for i, h := range list {
			if name, ok := IsHoliday(h.Date); !ok || name != h.Name || h.Date.Year() != year {
				t.Errorf("Holidays(%d)[%d] = %s %s, which IsHoliday reads as %q", year, i, h.Date.Format(time.DateOnly), h.Name, name)
			}
			if i > 0 && !list[i-1].Date.Before(h.Date) {
				t.Errorf("Holidays(%d) out of order at %s", year, h.Date.Format(time.DateOnly))
			}
		}
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
