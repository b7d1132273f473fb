package hours

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris on any machine
)

const (
	weekNoon = "lun 09:00-12:00,13:00-17:00 | mar 09:00-12:00,13:00-17:00 | mer 09:00-12:00,13:00-17:00 | jeu 09:00-12:00,13:00-17:00 | ven 09:00-12:00,13:00-17:00"
	allWeek  = "lun 00:00-24:00 | mar 00:00-24:00 | mer 00:00-24:00 | jeu 00:00-24:00 | ven 00:00-24:00 | sam 00:00-24:00 | dim 00:00-24:00 | fériés ouvert"
)

// weekdaysAt is the schedule string of Monday to Friday with the same spans.
func weekdaysAt(spans, holidays string) string {
	var parts []string
	for _, d := range []string{"lun", "mar", "mer", "jeu", "ven"} {
		parts = append(parts, d+" "+spans)
	}
	return strings.Join(append(parts, "fériés "+holidays), " | ")
}

// parseCases are the texts the grammar reads, with the schedule it reads
// (Schedule.String), or "" for a text it must refuse. The first group is
// every hours value in the content today.
var parseCases = []struct {
	name, text, want string
}{
	// The content, assets/content/services/*.toml.
	{"content csirt weekdays lunch", "Du lundi au vendredi, 9 h – 12 h 30 et 14 h – 17 h 30, sauf jours fériés", weekdaysAt("09:00-12:30,14:00-17:30", "fermé")},
	{"content csirt early lunch", "Du lundi au vendredi, 8 h 30 – 12 h 30 et 14 h – 17 h 30, sauf jours fériés", weekdaysAt("08:30-12:30,14:00-17:30", "fermé")},
	{"content csirt short lunch", "Du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h, sauf jours fériés", weekdaysAt("09:00-12:30,13:30-17:00", "fermé")},
	{"content csirt no lunch", "Du lundi au vendredi, 9 h – 18 h, sauf jours fériés", weekdaysAt("09:00-18:00", "fermé")},
	{"content reunion no holiday rule", "Du lundi au vendredi, 9 h – 12 h et 13 h – 17 h", weekNoon + " | fériés ?"},
	{"content normandie two clauses", "Du lundi au jeudi, 8 h – 17 h ; le vendredi, 8 h – 16 h ; sauf jours fériés",
		"lun 08:00-17:00 | mar 08:00-17:00 | mer 08:00-17:00 | jeu 08:00-17:00 | ven 08:00-16:00 | fériés fermé"},
	{"content 24/7", "24 h/24, 7 j/7", allWeek},
	// « En ligne »: the service is a website; 24 h/24 with no days is every day.
	{"content online", "En ligne, 24 h/24", allWeek},
	{"content de à", "Du lundi au vendredi, de 9 h à 18 h 30", weekdaysAt("09:00-18:30", "?")},
	// The remark says who may call, not when.
	{"content remark in parentheses", "Du lundi au vendredi, 9 h – 17 h (permanence pour les clients enregistrés)", weekdaysAt("09:00-17:00", "?")},
	{"content every day 9 to 23", "7 jours sur 7, de 9 h à 23 h",
		"lun 09:00-23:00 | mar 09:00-23:00 | mer 09:00-23:00 | jeu 09:00-23:00 | ven 09:00-23:00 | sam 09:00-23:00 | dim 09:00-23:00 | fériés ouvert"},
	// Refused: the days are known but not the hours, so open or closed
	// would be a guess.
	{"content days without hours", "7 jours sur 7", ""},
	{"content days without hours and a remark", "7 jours sur 7 ; appel gratuit", ""},

	// Other ways of writing the same things.
	{"hyphen", "Du lundi au vendredi, 9 h - 18 h, sauf jours fériés", weekdaysAt("09:00-18:00", "fermé")},
	{"em dash", "du lundi au vendredi, 9 h — 18 h", weekdaysAt("09:00-18:00", "?")},
	{"glued", "Du lundi au vendredi 9h-18h sauf jours feries", weekdaysAt("09:00-18:00", "fermé")},
	{"glued minutes", "du lundi au vendredi, 9h30-12h et 14h-18h", weekdaysAt("09:30-12:00,14:00-18:00", "?")},
	{"no-break spaces", "Du lundi au vendredi, 9\u00a0h\u00a0–\u00a012\u00a0h\u202f30", weekdaysAt("09:00-12:30", "?")},
	{"capitals", "DU LUNDI AU VENDREDI, DE 9 H À 18 H, SAUF JOURS FÉRIÉS", weekdaysAt("09:00-18:00", "fermé")},
	{"ouvert prefix", "Ouvert du lundi au vendredi, de 9 h à 18 h", weekdaysAt("09:00-18:00", "?")},
	{"filler prefix", "Accueil téléphonique du lundi au vendredi, 9 h – 18 h", weekdaysAt("09:00-18:00", "?")},
	{"jusqu'à", "du lundi au vendredi, de 9 h jusqu'à 18 h", weekdaysAt("09:00-18:00", "?")},
	{"midi", "du lundi au vendredi, 9 h – midi", weekdaysAt("09:00-12:00", "?")},
	{"minuit closes at end of day", "7 j/7, de 18 h à minuit",
		"lun 18:00-24:00 | mar 18:00-24:00 | mer 18:00-24:00 | jeu 18:00-24:00 | ven 18:00-24:00 | sam 18:00-24:00 | dim 18:00-24:00 | fériés ouvert"},
	{"24 h closing", "le samedi, 20 h – 24 h", "sam 20:00-24:00 | fériés ?"},
	{"hours before days", "9 h – 18 h, du lundi au vendredi", weekdaysAt("09:00-18:00", "?")},
	{"single day", "le mercredi, 14 h – 17 h", "mer 14:00-17:00 | fériés ?"},
	{"days joined by et", "le lundi et le jeudi, 9 h – 12 h", "lun 09:00-12:00 | jeu 09:00-12:00 | fériés ?"},
	{"wrapping day range", "du vendredi au lundi, 10 h – 16 h", "lun 10:00-16:00 | ven 10:00-16:00 | sam 10:00-16:00 | dim 10:00-16:00 | fériés ?"},
	{"weekend", "le week-end, 10 h – 16 h", "sam 10:00-16:00 | dim 10:00-16:00 | fériés ?"},
	{"en semaine", "en semaine, 9 h – 18 h", weekdaysAt("09:00-18:00", "?")},
	{"tous les jours", "tous les jours, 8 h – 20 h",
		"lun 08:00-20:00 | mar 08:00-20:00 | mer 08:00-20:00 | jeu 08:00-20:00 | ven 08:00-20:00 | sam 08:00-20:00 | dim 08:00-20:00 | fériés ouvert"},
	{"7/7 glued", "24h/24 7j/7", allWeek},
	{"24 heures sur 24", "24 heures sur 24, 7 jours sur 7", allWeek},
	{"24/7 except holidays", "24 h/24, sauf jours fériés", strings.Replace(allWeek, "fériés ouvert", "fériés fermé", 1)},
	{"holidays included", "du lundi au vendredi, 9 h – 18 h, y compris les jours fériés", weekdaysAt("09:00-18:00", "ouvert")},
	{"fermé les jours fériés", "du lundi au vendredi, 9 h – 18 h ; fermé les jours fériés", weekdaysAt("09:00-18:00", "fermé")},
	{"trailing remark", "Du lundi au vendredi, 9 h – 18 h, appel gratuit", weekdaysAt("09:00-18:00", "?")},
	{"overlapping spans merge", "du lundi au vendredi, 9 h – 12 h et 11 h – 14 h", weekdaysAt("09:00-14:00", "?")},

	// Refused: each would need a guess.
	{"empty", "", ""},
	{"only a remark", "appel gratuit", ""},
	{"hours without days", "9 h – 18 h", ""},
	{"24/24 with other days", "24 h/24 ; du lundi au vendredi, 9 h – 18 h", ""},
	{"du lundi alone", "du lundi, 9 h – 18 h", ""},
	{"same day twice", "du lundi au lundi, 9 h – 18 h", ""},
	{"day given twice", "du lundi au vendredi, 9 h – 18 h ; le vendredi, 9 h – 16 h", ""},
	{"past midnight", "7 j/7, 20 h – 2 h", ""},
	{"empty range", "le lundi, 9 h – 9 h", ""},
	{"25 h", "le lundi, 9 h – 25 h", ""},
	{"24 h 30", "le lundi, 9 h – 24 h 30", ""},
	{"61 minutes", "le lundi, 9 h 61 – 12 h", ""},
	{"24 h start", "le lundi, 24 h – 12 h", ""},
	{"days and hours interleaved", "lundi, 9 h – 12 h, mardi, 14 h – 18 h", ""},
	{"holiday rule for one of two clauses", "du lundi au jeudi, 8 h – 17 h, sauf jours fériés ; le vendredi, 8 h – 16 h", ""},
	{"holiday rules disagree", "du lundi au vendredi, 9 h – 18 h ; sauf jours fériés ; y compris les jours fériés", ""},
	{"month exception", "du lundi au vendredi, 9 h – 18 h, sauf en août", ""},
	{"summer hours", "du lundi au vendredi, 9 h – 18 h (9 h – 12 h en été)", ""},
	{"appointment only", "du lundi au vendredi, 9 h – 18 h, sur rendez-vous", ""},
	{"negation", "du lundi au vendredi, 9 h – 18 h, pas le mercredi", ""},
	{"except a day", "7 jours sur 7, 9 h – 18 h, sauf le dimanche", ""},
	{"school holidays", "du lundi au vendredi, 9 h – 18 h, hors vacances scolaires", ""},
	{"time zone", "du lundi au vendredi, 9 h – 18 h, heure de Paris", ""},
	{"unbalanced parenthesis", "du lundi au vendredi, 9 h – 18 h (permanence", ""},
	{"nested parentheses", "du lundi au vendredi, 9 h – 18 h (a (b))", ""},
	{"stray closing parenthesis", "du lundi au vendredi, 9 h – 18 h )", ""},
	{"colon clock", "du lundi au vendredi, 9:00 – 18:00", ""},
	{"arabic digits", "du lundi au vendredi, ٩ h – 18 h", ""},
	{"day abbreviation", "lun.–ven. 9 h – 18 h", ""},
	{"days only with hours in a remark", "7 jours sur 7 (9 h – 18 h)", ""},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := Parse(tc.text)
			if got := s.String(); ok != (tc.want != "") || ok && got != tc.want {
				t.Errorf("Parse(%q) = %s, %v\nwant %q", tc.text, got, ok, tc.want)
			}
		})
	}
}

// TestParseRemarks checks that what the parser skipped is what a person
// reads as a remark.
func TestParseRemarks(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"parentheses", "Du lundi au vendredi, 9 h – 17 h (permanence pour les clients enregistrés)", []string{"permanence pour les clients enregistres"}},
		{"part", "En ligne, 24 h/24", []string{"en ligne"}},
		{"leading words", "Accueil téléphonique du lundi au vendredi, 9 h – 18 h", []string{"accueil telephonique"}},
		{"none", "24 h/24, 7 j/7", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, got, ok := parse(tc.text)
			if !ok || strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("parse(%q) remarks = %q, %v; want %q", tc.text, got, ok, tc.want)
			}
		})
	}
}

// FuzzParse checks that no text makes Parse panic, that what it accepts is
// a well-formed schedule whose statuses agree with each other, and that it
// never skipped as a remark something that speaks of time (a digit, a day,
// an hour, a holiday, an exception), judged here independently of the
// parser's own word list.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.text)
	}
	paris := mustLocation(f, "Europe/Paris")
	f.Fuzz(func(t *testing.T, text string) {
		s, remarks, ok := parse(text)
		if !ok {
			if s.At(time.Now()).Known {
				t.Fatalf("refused %q but its schedule claims a status", text)
			}
			return
		}
		for _, r := range remarks {
			if timeLike(r) {
				t.Fatalf("parse(%q) skipped %q, which speaks of time", text, r)
			}
		}
		checkWellFormed(t, text, s)
		for _, at := range fuzzTimes(paris) {
			checkStatus(t, text, s, at)
		}
	})
}

// timeLike is a second, deliberately crude opinion on whether a remark
// speaks of time.
func timeLike(remark string) bool {
	if strings.ContainsAny(remark, "0123456789/–:;") {
		return true
	}
	for _, w := range strings.Fields(remark) {
		if w == "h" || w == "j" || w == "pas" || w == "sur" {
			return true
		}
		for _, stem := range []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
			"jour", "heure", "ferie", "sauf", "hors", "ferme", "semaine", "midi", "minuit", "soir", "matin", "nuit", "vacance", "rendez"} {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}

func checkWellFormed(t *testing.T, text string, s Schedule) {
	t.Helper()
	for d, spans := range s.week {
		for i, sp := range spans {
			if sp.From < 0 || sp.To > dayMinutes || sp.From >= sp.To || i > 0 && spans[i-1].To >= sp.From {
				t.Fatalf("Parse(%q): day %d has bad spans %v", text, d, spans)
			}
		}
	}
}

// checkStatus checks that a status is consistent with the status just
// after its closing or at its reopening.
func checkStatus(t *testing.T, text string, s Schedule, at time.Time) {
	t.Helper()
	st := s.At(at)
	if !st.Known {
		return
	}
	if st.French() == "" {
		t.Fatalf("%q at %v: known status says nothing", text, at)
	}
	switch {
	case st.Open && !st.Until.IsZero():
		if !st.Until.After(at) || s.At(st.Until).Open {
			t.Fatalf("%q at %v: open until %v, which is not a closing", text, at, st.Until)
		}
	case !st.Open && !st.Next.IsZero():
		if !st.Next.After(at) || !s.At(st.Next).Open {
			t.Fatalf("%q at %v: closed, reopens %v, which is not an opening", text, at, st.Next)
		}
	}
}

func fuzzTimes(loc *time.Location) []time.Time {
	return []time.Time{
		time.Date(2026, 3, 29, 2, 30, 0, 0, loc),  // the hour that does not exist
		time.Date(2026, 5, 14, 10, 0, 0, 0, loc),  // Ascension, a Thursday
		time.Date(2026, 10, 25, 2, 30, 0, 0, loc), // the hour that comes twice
		time.Date(2026, 12, 4, 18, 0, 0, 0, loc),  // a Friday evening
		time.Date(2026, 12, 6, 23, 59, 0, 0, loc), // a Sunday night
	}
}

func mustLocation(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatalf("load time zone %s: %v", name, err)
	}
	return loc
}

func BenchmarkParse(b *testing.B) {
	texts := make([]string, len(parseCases))
	for i, tc := range parseCases {
		texts[i] = tc.text
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Parse(texts[i%len(texts)])
	}
}
