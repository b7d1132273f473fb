// Package hours reads the French opening hours written in the content
// (« Du lundi au vendredi, 9 h – 18 h, sauf jours fériés ») and says
// whether a service is open at a given time, and until when or from when.
//
// It claims nothing it cannot read with certainty: Parse refuses a text it
// does not fully understand, and At reports an unknown status on a public
// holiday when the text does not say what happens on holidays.
package hours

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Schedule is a week of opening periods and what happens on public
// holidays. The zero Schedule is unknown: its status is never a claim.
type Schedule struct {
	week     [7][]span // by time.Weekday, sorted, disjoint, not touching
	holidays holidayRule
	known    bool
	// local and goodFriday are a territory's own holidays (ForRegions),
	// on which no claim is made.
	local      []monthDay
	goodFriday bool
}

// build turns the clauses of a text into a schedule, or refuses it.
func build(cs []clause) (Schedule, bool) {
	var s Schedule
	rule, dayClauses, anyDays := holidaysUnknown, 0, false
	for _, c := range cs {
		if c.hasDays() {
			dayClauses++
			anyDays = true
		}
		if c.holidays != holidaysUnknown {
			if rule != holidaysUnknown && rule != c.holidays {
				return Schedule{}, false
			}
			rule = c.holidays
		}
	}
	var defined days
	for _, c := range cs {
		// « sauf jours fériés » inside one of several day clauses might be
		// meant for that clause only.
		if c.inline && dayClauses > 1 {
			return Schedule{}, false
		}
		ds, ok := c.days, true
		switch {
		case c.hasDays() && !c.hasTimes():
			return Schedule{}, false // days known, hours not
		case !c.hasDays() && c.hasTimes():
			// « 24 h/24 » alone is every day; other hours need their days.
			ds, ok = everyDay, !anyDays && len(c.spans) == 1 && c.spans[0] == span{0, dayMinutes}
		case !c.hasDays():
			continue
		}
		if !ok || defined&ds != 0 {
			return Schedule{}, false // the same day given twice
		}
		defined |= ds
		for d := time.Sunday; d <= time.Saturday; d++ {
			if ds.has(d) {
				s.week[d] = merge(append(s.week[d], c.spans...))
			}
		}
	}
	if defined == 0 {
		return Schedule{}, false
	}
	// A service open every day of the week is open on holidays too.
	if rule == holidaysUnknown && defined == everyDay {
		rule = holidaysOpen
	}
	s.holidays, s.known = rule, true
	return s, true
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []span) []span {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b span) int { return a.From - b.From })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.From <= out[n-1].To {
			out[n-1].To = max(out[n-1].To, sp.To)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// Always reports whether the service never closes: every day, all day,
// holidays included.
func (s Schedule) Always() bool {
	if !s.known || s.holidays == holidaysClosed {
		return false
	}
	for _, day := range s.week {
		if len(day) != 1 || day[0] != (span{0, dayMinutes}) {
			return false
		}
	}
	return true
}

// String writes the schedule in a fixed short form, for tests and logs:
// « lun 09:00-18:00 | … | fériés fermé ».
func (s Schedule) String() string {
	if !s.known {
		return "inconnu"
	}
	var parts []string
	for i := range 7 {
		d := time.Weekday((i + 1) % 7) // Monday first
		if len(s.week[d]) == 0 {
			continue
		}
		var spans []string
		for _, sp := range s.week[d] {
			spans = append(spans, fmt.Sprintf("%02d:%02d-%02d:%02d", sp.From/60, sp.From%60, sp.To/60, sp.To%60))
		}
		parts = append(parts, shortDays[d]+" "+strings.Join(spans, ","))
	}
	parts = append(parts, "fériés "+[...]string{"?", "fermé", "ouvert"}[s.holidays])
	return strings.Join(parts, " | ")
}

var shortDays = [7]string{"dim", "lun", "mar", "mer", "jeu", "ven", "sam"}
