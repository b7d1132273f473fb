package hours

import (
	"testing"
	"time"
)

// Texts from the content, by what they show.
const (
	csirt     = "Du lundi au vendredi, 9 h – 18 h, sauf jours fériés"
	lunch     = "Du lundi au vendredi, 9 h – 12 h 30 et 14 h – 17 h 30, sauf jours fériés"
	normandie = "Du lundi au jeudi, 8 h – 17 h ; le vendredi, 8 h – 16 h ; sauf jours fériés"
	reunion   = "Du lundi au vendredi, 9 h – 12 h et 13 h – 17 h" // says nothing of holidays
	evenings  = "7 jours sur 7, de 9 h à 23 h"
	always    = "24 h/24, 7 j/7"
)

func TestAt(t *testing.T) {
	paris := mustLocation(t, "Europe/Paris")
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, paris) }
	cases := []struct {
		name, text string
		at         time.Time
		want       string
		// next or until, when the sentence alone does not pin it down
		when time.Time
	}{
		{"open in the afternoon", csirt, at(2026, 12, 2, 15, 0), "Ouvert maintenant, jusqu'à 18 h", at(2026, 12, 2, 18, 0)},
		{"at opening time", csirt, at(2026, 12, 2, 9, 0), "Ouvert maintenant, jusqu'à 18 h", time.Time{}},
		{"at closing time", csirt, at(2026, 12, 2, 18, 0), "Fermé maintenant : rouvre demain à 9 h", at(2026, 12, 3, 9, 0)},
		{"midnight before opening", csirt, at(2026, 12, 2, 0, 0), "Fermé maintenant : rouvre à 9 h", at(2026, 12, 2, 9, 0)},
		{"until half past", lunch, at(2026, 12, 2, 10, 0), "Ouvert maintenant, jusqu'à 12 h 30", at(2026, 12, 2, 12, 30)},
		{"lunch break", lunch, at(2026, 12, 2, 12, 45), "Fermé maintenant : rouvre à 14 h", at(2026, 12, 2, 14, 0)},
		{"friday evening to monday", csirt, at(2026, 12, 4, 18, 30), "Fermé maintenant : rouvre lundi à 9 h", at(2026, 12, 7, 9, 0)},
		{"saturday to monday", lunch, at(2026, 12, 5, 11, 0), "Fermé maintenant : rouvre lundi à 9 h", at(2026, 12, 7, 9, 0)},
		{"normandie friday closes earlier", normandie, at(2026, 12, 4, 15, 0), "Ouvert maintenant, jusqu'à 16 h", at(2026, 12, 4, 16, 0)},
		{"normandie thursday evening", normandie, at(2026, 12, 3, 17, 0), "Fermé maintenant : rouvre demain à 8 h", at(2026, 12, 4, 8, 0)},
		{"closes at 23 h", evenings, at(2026, 12, 2, 22, 59), "Ouvert maintenant, jusqu'à 23 h", at(2026, 12, 2, 23, 0)},
		{"after 23 h", evenings, at(2026, 12, 2, 23, 0), "Fermé maintenant : rouvre demain à 9 h", at(2026, 12, 3, 9, 0)},
		{"every day open on a holiday", evenings, at(2026, 12, 25, 10, 0), "Ouvert maintenant, jusqu'à 23 h", time.Time{}},
		{"always", always, at(2026, 12, 25, 3, 0), "Ouvert 24 h/24", time.Time{}},

		// Holidays.
		{"holiday monday to tuesday", csirt, at(2026, 4, 3, 18, 0), "Fermé maintenant : rouvre mardi à 9 h", at(2026, 4, 7, 9, 0)},
		{"on the holiday monday", csirt, at(2026, 4, 6, 10, 0), "Fermé maintenant : rouvre demain à 9 h", at(2026, 4, 7, 9, 0)},
		{"ascension thursday to friday", csirt, at(2026, 5, 13, 18, 0), "Fermé maintenant : rouvre vendredi à 9 h", at(2026, 5, 15, 9, 0)},
		{"only day is a holiday: a week on", "le lundi, 9 h – 12 h, sauf jours fériés", at(2026, 4, 6, 8, 0), "Fermé maintenant : rouvre lundi 13 avril à 9 h", at(2026, 4, 13, 9, 0)},
		{"holiday not said: no claim on the day", reunion, at(2026, 5, 14, 10, 0), "", time.Time{}},
		{"holiday not said: closed, reopening unsure", reunion, at(2026, 5, 13, 18, 0), "Fermé maintenant", time.Time{}},
		{"holiday not said, on a sunday: no doubt", reunion, at(2026, 10, 31, 10, 0), "Fermé maintenant : rouvre lundi à 9 h", at(2026, 11, 2, 9, 0)},
		{"holiday not said: ordinary day", reunion, at(2026, 5, 13, 12, 15), "Fermé maintenant : rouvre à 13 h", at(2026, 5, 13, 13, 0)},

		// Through midnight.
		{"minuit", "7 j/7, de 18 h à minuit", at(2026, 12, 2, 20, 0), "Ouvert maintenant, jusqu'à minuit", at(2026, 12, 3, 0, 0)},
		{"24 h/24 until a holiday", "24 h/24, sauf jours fériés", at(2026, 12, 24, 23, 0), "Ouvert maintenant, jusqu'à minuit", at(2026, 12, 25, 0, 0)},
		{"24 h/24 on the holiday", "24 h/24, sauf jours fériés", at(2026, 12, 25, 12, 0), "Fermé maintenant : rouvre demain à 0 h", at(2026, 12, 26, 0, 0)},
		{"24 h/24 no holiday in sight", "24 h/24, sauf jours fériés", at(2026, 12, 2, 12, 0), "Ouvert maintenant", time.Time{}},
		{"weekdays non-stop", "du lundi au vendredi, 24 h/24", at(2026, 12, 2, 10, 0), "Ouvert maintenant, jusqu'à vendredi 24 h", at(2026, 12, 5, 0, 0)},
		{"weekdays non-stop thursday", "du lundi au vendredi, 24 h/24", at(2026, 12, 3, 10, 0), "Ouvert maintenant, jusqu'à demain 24 h", at(2026, 12, 5, 0, 0)},
		{"weekend non-stop from friday", "le week-end, 24 h/24", at(2026, 12, 4, 10, 0), "Fermé maintenant : rouvre demain à 0 h", at(2026, 12, 5, 0, 0)},

		// Summer time: opening hours stay on the wall clock.
		{"spring forward saturday to monday", csirt, at(2026, 3, 28, 20, 0), "Fermé maintenant : rouvre lundi à 9 h", at(2026, 3, 30, 9, 0)},
		{"fall back saturday to monday", csirt, at(2026, 10, 24, 20, 0), "Fermé maintenant : rouvre lundi à 9 h", at(2026, 10, 26, 9, 0)},
		{"spring forward sunday evening", evenings, at(2026, 3, 29, 22, 0), "Ouvert maintenant, jusqu'à 23 h", at(2026, 3, 29, 23, 0)},
		{"fall back repeated hour", evenings, at(2026, 10, 25, 2, 30), "Fermé maintenant : rouvre à 9 h", at(2026, 10, 25, 9, 0)},
		{"spring forward night", evenings, at(2026, 3, 29, 1, 59), "Fermé maintenant : rouvre à 9 h", at(2026, 3, 29, 9, 0)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := Parse(tc.text)
			if !ok {
				t.Fatalf("Parse(%q) refused", tc.text)
			}
			st := s.At(tc.at)
			if got := st.French(); got != tc.want {
				t.Errorf("At(%s).French() = %q, want %q", tc.at, got, tc.want)
			}
			when := st.Next
			if st.Open {
				when = st.Until
			}
			if !tc.when.IsZero() && !when.Equal(tc.when) {
				t.Errorf("At(%s) changes at %s, want %s", tc.at, when, tc.when)
			}
		})
	}
}

// TestAtFallBack checks both occurrences of the repeated hour
// of the autumn change read the same wall clock.
func TestAtFallBack(t *testing.T) {
	paris := mustLocation(t, "Europe/Paris")
	s, _ := Parse("le dimanche, 2 h – 3 h")
	first := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(paris)  // 02:30 CEST
	second := time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(paris) // 02:30 CET
	for _, at := range []time.Time{first, second} {
		if st := s.At(at); !st.Open {
			t.Errorf("At(%s) = %q, want open", at, st.French())
		}
	}
}

func TestAtUnknown(t *testing.T) {
	var s Schedule
	if st := s.At(time.Now()); st.Known || st.French() != "" {
		t.Errorf("zero Schedule claims %q", st.French())
	}
	if s, ok := Parse("7 jours sur 7"); ok || s.At(time.Now()).Known {
		t.Errorf("days without hours claim a status")
	}
}

func TestAtOtherZone(t *testing.T) {
	reunionTZ := mustLocation(t, "Indian/Reunion")
	s, _ := Parse(reunion)
	// 10:00 in Saint-Denis is 07:00 in Paris: the hours are read on the
	// location of the time given.
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, reunionTZ)
	if got := s.At(at).French(); got != "Ouvert maintenant, jusqu'à 12 h" {
		t.Errorf("At(%s) = %q", at, got)
	}
}

func BenchmarkAt(b *testing.B) {
	paris := mustLocation(b, "Europe/Paris")
	s, _ := Parse(normandie)
	at := time.Date(2026, 12, 4, 18, 0, 0, 0, paris) // Friday evening: the longest search
	b.ReportAllocs()
	for b.Loop() {
		_ = s.At(at).French()
	}
}
