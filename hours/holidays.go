package hours

import (
	"slices"
	"time"
)

// Holiday is one French public holiday (jour férié) on a given date.
type Holiday struct {
	// Date is midnight UTC of the day; only its year, month and day count.
	Date time.Time
	// Name is the holiday's French name, « Lundi de Pâques ».
	Name string
}

// fixedHolidays are the national holidays on the same date every year
// (Code du travail, article L3133-1).
var fixedHolidays = []struct {
	month time.Month
	day   int
	name  string
}{
	{time.January, 1, "Jour de l'an"},
	{time.May, 1, "Fête du Travail"},
	{time.May, 8, "Victoire 1945"},
	{time.July, 14, "Fête nationale"},
	{time.August, 15, "Assomption"},
	{time.November, 1, "Toussaint"},
	{time.November, 11, "Armistice 1918"},
	{time.December, 25, "Noël"},
}

// easterHolidays are the national holidays that follow Easter Sunday, by
// their distance in days from it.
var easterHolidays = []struct {
	after int
	name  string
}{
	{1, "Lundi de Pâques"},
	{39, "Ascension"},
	{50, "Lundi de Pentecôte"},
}

// Easter returns Easter Sunday of a Gregorian year, at midnight UTC
// (the anonymous Gregorian algorithm of Meeus, Jones and Butcher).
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// Holidays returns the eleven national public holidays of a year, in date
// order. The extra days of Alsace-Moselle and of the overseas territories
// are not in it.
func Holidays(year int) []Holiday {
	list := make([]Holiday, 0, len(fixedHolidays)+len(easterHolidays))
	for _, f := range fixedHolidays {
		list = append(list, Holiday{time.Date(year, f.month, f.day, 0, 0, 0, 0, time.UTC), f.name})
	}
	easter := Easter(year)
	for _, e := range easterHolidays {
		list = append(list, Holiday{easter.AddDate(0, 0, e.after), e.name})
	}
	slices.SortFunc(list, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return list
}

// IsHoliday reports whether the calendar day of t (in t's location) is a
// national public holiday, and which.
func IsHoliday(t time.Time) (string, bool) {
	y, m, d := t.Date()
	for _, f := range fixedHolidays {
		if f.month == m && f.day == d {
			return f.name, true
		}
	}
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	after := int(day.Sub(Easter(y)).Hours() / 24)
	for _, e := range easterHolidays {
		if e.after == after {
			return e.name, true
		}
	}
	return "", false
}
