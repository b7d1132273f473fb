package journal_test

import (
	"strings"
	"testing"
	"time"

	"reperecyber/journal"
)

func paris(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestCNILDeadlineAcrossDST checks that the 72 hours are elapsed hours:
// across the spring change the clock shows one hour more, across the
// autumn change one hour less.
func TestCNILDeadlineAcrossDST(t *testing.T) {
	loc := paris(t)
	tests := []struct {
		name       string
		discovered time.Time
		wantDue    string // local wall clock, Paris
		wantOffset int    // seconds east of UTC at due
	}{
		{"winter, no change", time.Date(2026, 1, 10, 10, 0, 0, 0, loc), "2026-01-13 10:00", 3600},
		{"spring forward on 29 March 2026", time.Date(2026, 3, 28, 10, 0, 0, 0, loc), "2026-03-31 11:00", 7200},
		{"fall back on 25 October 2026", time.Date(2026, 10, 24, 10, 0, 0, 0, loc), "2026-10-27 09:00", 3600},
		// 02:30 happens twice that night: given in UTC to say which.
		{"first 02:30 of the repeated hour (summer)", time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), "2026-10-28 01:30", 3600},
		{"second 02:30 of the repeated hour (winter)", time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), "2026-10-28 02:30", 3600},
		{"discovered just before the skipped hour", time.Date(2026, 3, 29, 1, 59, 0, 0, loc), "2026-04-01 02:59", 7200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc := journal.Incident{PersonalData: true, Discovered: tt.discovered}
			d := journal.Deadlines(inc)
			if len(d) == 0 || d[0].Label != "CNIL" || !d[0].HasDue() {
				t.Fatalf("first deadline %+v, want the CNIL countdown", d)
			}
			due := d[0].Due.In(loc)
			if got := due.Format("2006-01-02 15:04"); got != tt.wantDue {
				t.Errorf("due %s, want %s", got, tt.wantDue)
			}
			if _, off := due.Zone(); off != tt.wantOffset {
				t.Errorf("offset %d, want %d", off, tt.wantOffset)
			}
			if got := due.Sub(tt.discovered); got != 72*time.Hour {
				t.Errorf("elapsed %v, want 72h", got)
			}
			// Half-way, the countdown says 36 hours whatever the clock did.
			if got := journal.Remaining(tt.discovered.Add(36*time.Hour), d[0].Due); got != "il reste 36\u00a0h" {
				t.Errorf("half-way: %q", got)
			}
		})
	}
}

func TestRemaining(t *testing.T) {
	due := time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		left time.Duration
		want string
	}{
		{"41 hours and some", 41*time.Hour + 59*time.Minute, "il reste 41\u00a0h"},
		{"exactly one hour", time.Hour, "il reste 1\u00a0h"},
		{"minutes", 25*time.Minute + 30*time.Second, "il reste 25\u00a0min"},
		{"seconds", 20 * time.Second, "il reste moins d'une minute"},
		{"just due", 0, "délai dépassé"},
		{"late by hours", -3*time.Hour - time.Minute, "délai dépassé de 3\u00a0h"},
		{"late by minutes", -10 * time.Minute, "délai dépassé de 10\u00a0min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := journal.Remaining(due.Add(-tt.left), due); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDeadlines(t *testing.T) {
	disc := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		inc       journal.Incident
		wantLabel []string
		wantDue   []bool
	}{
		{"from scratch: the complaint reminder", journal.Incident{Discovered: disc}, []string{"Plainte"}, []bool{false}},
		{"personal data: CNIL first", journal.Incident{Discovered: disc, PersonalData: true}, []string{"CNIL", "Plainte"}, []bool{true, false}},
		{"outcome with a conditional CNIL, no personal data", journal.Incident{Discovered: disc, Deadlines: []string{
			"Plainte : avant de réinstaller ou de nettoyer les appareils.",
			"CNIL : au plus tard 72 heures après la découverte, si des données personnelles sont touchées.",
		}}, []string{"Plainte"}, []bool{false}},
		{"other deadlines follow", journal.Incident{Discovered: disc, Deadlines: []string{"Banque : tout de suite.", "Sans étiquette"}},
			[]string{"Plainte", "Banque", "Délai"}, []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := journal.Deadlines(tt.inc)
			if len(got) != len(tt.wantLabel) {
				t.Fatalf("got %+v, want labels %v", got, tt.wantLabel)
			}
			for i, d := range got {
				if d.Label != tt.wantLabel[i] || d.HasDue() != tt.wantDue[i] || d.Text == "" {
					t.Errorf("deadline %d: %+v, want %s (due %v)", i, d, tt.wantLabel[i], tt.wantDue[i])
				}
			}
		})
	}
	if got := journal.Deadlines(journal.Incident{Deadlines: []string{"Plainte : avant de réparer le site."}}); got[0].Text != "avant de réparer le site." {
		t.Errorf("complaint text from the outcome: %q", got[0].Text)
	}
}

func TestOutcomeInvolvesPersonalData(t *testing.T) {
	tests := []struct {
		name      string
		deadlines []string
		want      bool
	}{
		{"data breach", []string{"CNIL : au plus tard 72 heures après la découverte. Au-delà, il faut expliquer le retard."}, true},
		{"conditional", []string{"CNIL : au plus tard 72 heures après la découverte, si des données personnelles sont touchées."}, false},
		{"none", []string{"Banque : tout de suite."}, false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := journal.OutcomeInvolvesPersonalData(tt.deadlines); got != tt.want {
				t.Errorf("got %v", got)
			}
		})
	}
}

var parseCases = []struct {
	name, in string
	want     string // Paris wall clock, "" for an error
}{
	{"ISO", "2026-03-28 10:42", "2026-03-28 10:42"},
	{"ISO with T", "2026-03-28T10:42", "2026-03-28 10:42"},
	{"French date, h", "28/03/2026 10h42", "2026-03-28 10:42"},
	{"French date, à and spaces", "28/03/2026 à 10 h 42", "2026-03-28 10:42"},
	{"hour only", "28/03/2026 9h", "2026-03-28 09:00"},
	{"clock only is today", "08:15", "2026-03-30 08:15"},
	{"RFC 3339 keeps its offset", "2026-03-28T10:42:00Z", "2026-03-28 11:42"},
	{"in the skipped hour moves forward", "2026-03-29 02:30", "2026-03-29 03:30"},
	{"future refused", "2026-03-30 23:00", ""},
	{"no 31 February", "31/02/2026 10:00", ""},
	{"bad hour", "2026-03-28 25:00", ""},
	{"words", "hier matin", ""},
	{"empty", "", ""},
	{"two-digit year", "28/03/26 10:00", ""},
}

var parseNow = time.Date(2026, 3, 30, 10, 0, 0, 0, time.UTC) // 12:00 in Paris

func TestParseTime(t *testing.T) {
	loc := paris(t)
	for _, tt := range parseCases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := journal.ParseTime(tt.in, parseNow, loc)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("got %v, want an error", got)
				}
				if !strings.Contains(err.Error(), "heure") && !strings.Contains(err.Error(), "Heure") {
					t.Errorf("message not French enough: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := got.In(loc).Format("2006-01-02 15:04"); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}

func FuzzParseTime(f *testing.F) {
	for _, tt := range parseCases {
		f.Add(tt.in)
	}
	loc := paris(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := journal.ParseTime(s, parseNow, loc)
		if err == nil && got.After(parseNow.Add(time.Minute)) {
			t.Errorf("%q: future time %v accepted", s, got)
		}
	})
}

func TestFormat(t *testing.T) {
	loc := paris(t)
	at := time.Date(2026, 3, 28, 9, 42, 0, 0, time.UTC)
	tests := []struct{ name, got, want string }{
		{"clock", journal.Clock(at, loc), "10\u00a0h\u00a042"},
		{"day", journal.Day(at, loc), "samedi 28 mars 2026"},
		{"first of the month", journal.Day(time.Date(2026, 4, 1, 12, 0, 0, 0, loc), loc), "mercredi 1er avril 2026"},
		{"date and time", journal.DateTime(at, loc), "samedi 28 mars 2026 à 10\u00a0h\u00a042"},
		{"short", journal.Short(at, loc), "28/03/2026 10\u00a0h\u00a042"},
		{"summer time", journal.Clock(time.Date(2026, 3, 30, 9, 5, 0, 0, time.UTC), loc), "11\u00a0h\u00a005"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want journal.Kind
		ok   bool
	}{
		{"", journal.KindNote, true},
		{"décision", journal.KindDecision, true},
		{"Decision", journal.KindDecision, true},
		{" APPEL ", journal.KindAppel, true},
		{"constat", journal.KindConstat, true},
		{"action", journal.KindAction, true},
		{"note", journal.KindNote, true},
		{"rumeur", journal.KindNote, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := journal.ParseKind(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestChecklistAndCorrections(t *testing.T) {
	t0 := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	inc := journal.Incident{Steps: []string{"Débrancher", "Appeler", "Noter"}}
	entries := []journal.Entry{
		{ID: 1, At: t0, Step: 1, Kind: journal.KindAction},
		{ID: 2, At: t0.Add(time.Minute), Step: 2, Kind: journal.KindAction},
		{ID: 3, At: t0.Add(2 * time.Minute), Step: 2, Corrects: 2},
		{ID: 4, At: t0.Add(3 * time.Minute), Text: "appel 17Cyber", Kind: journal.KindAppel},
		{ID: 5, At: t0.Add(4 * time.Minute), Text: "appel 17Cyber à 10 h 40", Kind: journal.KindAppel, Corrects: 4},
		{ID: 6, At: t0.Add(5 * time.Minute), Step: 9}, // out of range: ignored
	}
	got := journal.Checklist(inc, entries)
	want := []bool{true, false, false}
	for i, it := range got {
		if it.Done != want[i] || it.Step != i+1 {
			t.Errorf("step %d: %+v, want done %v", i+1, it, want[i])
		}
	}
	if !got[0].At.Equal(t0) {
		t.Errorf("step 1 ticked at %v", got[0].At)
	}
	if c := journal.Corrected(entries); len(c) != 1 || c[4] != 5 {
		t.Errorf("corrected: %v, want 4→5", c)
	}
	if calls := journal.Calls(entries); len(calls) != 2 {
		t.Errorf("calls: %v", calls)
	}
}

func TestCheckEntry(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"text", "10 h 42 : appel à Breizh Cyber", true},
		{"blank", "  \n ", false},
		{"too long", strings.Repeat("a", journal.MaxText+1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := journal.CheckEntry(tt.text); (got == "") != tt.ok {
				t.Errorf("got %q", got)
			}
		})
	}
}
