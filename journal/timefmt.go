package journal

import (
	"strconv"
	"strings"
	"time"
)

// nbsp keeps a number with its unit on one line (« 41 h »).
const nbsp = "\u00a0"

var (
	months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	days   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
)

func itoa(n int) string { return strconv.Itoa(n) }

// Clock is the time of day in French: « 10 h 42 ».
func Clock(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return itoa(t.Hour()) + nbsp + "h" + nbsp + pad2(t.Minute())
}

// Day is the date in French: « samedi 28 mars 2026 ».
func Day(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	d := itoa(t.Day())
	if t.Day() == 1 {
		d = "1er"
	}
	return days[t.Weekday()] + " " + d + " " + months[t.Month()-1] + " " + itoa(t.Year())
}

// DateTime is « samedi 28 mars 2026 à 10 h 42 ».
func DateTime(t time.Time, loc *time.Location) string {
	return Day(t, loc) + " à " + Clock(t, loc)
}

// Short is « 28/03/2026 10 h 42 », for timelines and lists.
func Short(t time.Time, loc *time.Location) string {
	l := t.In(loc)
	return pad2(l.Day()) + "/" + pad2(int(l.Month())) + "/" + itoa(l.Year()) + " " + Clock(t, loc)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// ErrTime is the French explanation of a time ParseTime cannot read.
const ErrTime = "Heure illisible. Écrivez par exemple « 2026-03-28 10:42 », « 28/03/2026 10h42 » ou « 10:42 » (aujourd'hui)."

type timeError struct{}

func (timeError) Error() string { return ErrTime }

// ParseTime reads a discovery time as a person types it, in loc:
// « 2026-03-28 10:42 », « 2026-03-28T10:42 », « 28/03/2026 10h42 »,
// « 28/03/2026 à 10 h 42 », « 10:42 » (today, by now), or RFC 3339 with
// its own offset. A time after now is refused: a discovery is in the past.
func ParseTime(s string, now time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return checkPast(t, now)
	}
	date, clock := splitDateClock(s)
	hh, mm, ok := parseClock(clock)
	if !ok {
		return time.Time{}, timeError{}
	}
	y, mo, d := now.In(loc).Date()
	if date != "" {
		if y, mo, d, ok = parseDate(date); !ok {
			return time.Time{}, timeError{}
		}
	}
	t := time.Date(y, mo, d, hh, mm, 0, 0, loc)
	if t.Day() != d || t.Month() != mo {
		return time.Time{}, timeError{} // 31/02 normalised by time.Date
	}
	return checkPast(t, now)
}

func checkPast(t, now time.Time) (time.Time, error) {
	if t.After(now.Add(time.Minute)) {
		return time.Time{}, futureError{}
	}
	return t, nil
}

type futureError struct{}

func (futureError) Error() string {
	return "Cette heure est dans le futur : indiquez quand l'incident a été découvert."
}

// splitDateClock separates « 28/03/2026 à 10h42 » into its date and its
// clock; a lone clock has no date.
func splitDateClock(s string) (date, clock string) {
	s = strings.ReplaceAll(s, "T", " ")
	s = strings.ReplaceAll(s, " à ", " ")
	date, clock, ok := strings.Cut(s, " ")
	if !ok {
		return "", s
	}
	if strings.ContainsAny(date, "-/") {
		return date, strings.TrimSpace(clock)
	}
	return "", s
}

// parseClock reads « 10:42 », « 10h42 », « 10 h 42 », « 10h ».
func parseClock(s string) (h, m int, ok bool) {
	s = strings.ReplaceAll(strings.ToLower(s), " ", "")
	hs, ms, found := strings.Cut(s, ":")
	if !found {
		hs, ms, found = strings.Cut(s, "h")
	}
	if !found {
		return 0, 0, false
	}
	if ms == "" {
		ms = "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || len(hs) > 2 || len(ms) > 2 || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// parseDate reads « 2026-03-28 » or « 28/03/2026 ».
func parseDate(s string) (int, time.Month, int, bool) {
	var parts []string
	var y, mo, d string
	if parts = strings.Split(s, "-"); len(parts) == 3 {
		y, mo, d = parts[0], parts[1], parts[2]
	} else if parts = strings.Split(s, "/"); len(parts) == 3 {
		d, mo, y = parts[0], parts[1], parts[2]
	} else {
		return 0, 0, 0, false
	}
	yi, e1 := strconv.Atoi(y)
	mi, e2 := strconv.Atoi(mo)
	di, e3 := strconv.Atoi(d)
	if e1 != nil || e2 != nil || e3 != nil || len(y) != 4 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return 0, 0, 0, false
	}
	return yi, time.Month(mi), di, true
}
