package hours

import "time"

// horizon is how many days ahead At looks for a closing or an opening.
const horizon = 8

// Status is whether a service is open at a given time, and until when or
// from when, all in that time's location. Schedule.At makes it.
type Status struct {
	// Known is false when the schedule cannot say (an unknown schedule, or
	// a public holiday it says nothing about): then no claim is made.
	Known bool
	Open  bool
	// Always is true for a service that never closes.
	Always bool
	// Until is when an open service closes; zero if not within the horizon
	// or not certain (a holiday the text says nothing about comes first).
	Until time.Time
	// Next is when a closed service opens again; zero likewise.
	Next time.Time
	// at is the time asked about, for « demain » and « lundi ».
	at time.Time
}

// At says whether the service is open at t, reading the schedule's hours
// as wall-clock times in t's location, so the caller passes t in the
// service's time zone. Days are calendar days, so the 23- and 25-hour days
// of a change of summer time keep their opening hours.
func (s Schedule) At(t time.Time) Status {
	if !s.known {
		return Status{}
	}
	if s.Always() {
		return Status{Known: true, Open: true, Always: true, at: t}
	}
	now := t.Hour()*60 + t.Minute()
	today, ok := s.day(t, 0)
	if !ok {
		return Status{}
	}
	st := Status{Known: true, at: t}
	for _, sp := range today {
		if sp.From <= now && now < sp.To {
			st.Open = true
			st.Until = s.closing(t, sp.To)
			return st
		}
		if sp.From > now {
			st.Next = wallClock(t, 0, sp.From)
			return st
		}
	}
	st.Next = s.opening(t)
	return st
}

// closing follows an opening period that ends at minute end of t's day
// through the days it runs on past midnight.
func (s Schedule) closing(t time.Time, end int) time.Time {
	for k := 0; k < horizon; k++ {
		if end < dayMinutes {
			return wallClock(t, k, end)
		}
		next, ok := s.day(t, k+1)
		if !ok {
			return time.Time{}
		}
		if len(next) == 0 || next[0].From != 0 {
			return wallClock(t, k+1, 0)
		}
		end = next[0].To
	}
	return time.Time{}
}

// opening is the first opening after t's day.
func (s Schedule) opening(t time.Time) time.Time {
	for k := 1; k <= horizon; k++ {
		spans, ok := s.day(t, k)
		if !ok {
			return time.Time{}
		}
		if len(spans) > 0 {
			return wallClock(t, k, spans[0].From)
		}
	}
	return time.Time{}
}

// day returns the opening periods of the k-th calendar day after t's, and
// false when they are not certain: a public holiday on which the service
// would be open and about which the text says nothing.
func (s Schedule) day(t time.Time, k int) ([]span, bool) {
	date := wallClock(t, k, 12*60)
	spans := s.week[date.Weekday()]
	if len(spans) > 0 && s.localHoliday(date) {
		return nil, false
	}
	if _, holiday := IsHoliday(date); !holiday || len(spans) == 0 {
		return spans, true
	}
	switch s.holidays {
	case holidaysClosed:
		return nil, true
	case holidaysOpen:
		return spans, true
	}
	return nil, false
}

// wallClock is minute m of the k-th calendar day after t's, in t's
// location; minute 1440 is the next midnight.
func wallClock(t time.Time, k, m int) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d+k, m/60, m%60, 0, 0, t.Location())
}
