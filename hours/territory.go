package hours

import "time"

// zones are the time zones of the regions and collectivités (INSEE codes)
// that are not on Paris time. Polynésie française spans three zones; its
// services are in Tahiti.
var zones = map[string]string{
	"01": "America/Guadeloupe", "02": "America/Martinique", "03": "America/Cayenne",
	"04": "Indian/Reunion", "06": "Indian/Mayotte",
	"975": "America/Miquelon", "977": "America/St_Barthelemy", "978": "America/Marigot",
	"986": "Pacific/Wallis", "987": "Pacific/Tahiti", "988": "Pacific/Noumea",
}

// metropole are the regions on Paris time.
var metropole = map[string]bool{
	"11": true, "24": true, "27": true, "28": true, "32": true, "44": true, "52": true,
	"53": true, "75": true, "76": true, "84": true, "93": true, "94": true,
}

// Zone returns the time zone in which a service's hours are written, from
// the regions it covers (content.Entry.Regions): Paris for a national
// service or metropolitan regions, the territory's zone overseas. ok is
// false when its regions are in different zones (CSIRT-ATLANTIC covers
// the Antilles, Guyane and Saint-Pierre-et-Miquelon: its hours are those
// of its seat, which the content does not give), for an unknown code, or
// when the zone database is missing (a program that runs on Windows
// should import time/tzdata in its main package).
func Zone(regions ...string) (*time.Location, bool) {
	name := ""
	for _, r := range regions {
		z, overseas := zones[r]
		if !overseas {
			if !metropole[r] {
				return nil, false
			}
			z = "Europe/Paris"
		}
		if name != "" && z != name {
			return nil, false
		}
		name = z
	}
	if name == "" {
		name = "Europe/Paris"
	}
	loc, err := time.LoadLocation(name)
	return loc, err == nil
}

// localHolidays are the public holidays particular to a territory, by
// month and day: the abolition of slavery in the overseas départements and
// collectivités, and the territories' own days.
var localHolidays = map[string][]monthDay{
	"01": {{time.May, 27}}, "02": {{time.May, 22}}, "03": {{time.June, 10}},
	"04": {{time.December, 20}}, "06": {{time.April, 27}},
	"977": {{time.October, 9}}, "978": {{time.May, 28}},
	"986": {{time.April, 28}, {time.July, 29}},
	"987": {{time.March, 5}, {time.June, 29}},
	"988": {{time.September, 24}},
}

// goodFriday are the territories where Good Friday is also a holiday.
var goodFriday = map[string]bool{"987": true}

type monthDay struct {
	month time.Month
	day   int
}

// ForRegions returns the schedule with the public holidays particular to
// the regions it covers (content.Entry.Regions) made uncertain: on those
// days At claims nothing rather than guess whether the service keeps them.
// Alsace-Moselle's Good Friday and 26 December are not among them: they
// belong to départements, and the Grand Est CSIRT is in Nancy.
func (s Schedule) ForRegions(regions ...string) Schedule {
	s.local = nil
	for _, r := range regions {
		s.local = append(s.local, localHolidays[r]...)
		s.goodFriday = s.goodFriday || goodFriday[r]
	}
	return s
}

// localHoliday reports whether date is one of the schedule's territory's
// own holidays.
func (s Schedule) localHoliday(date time.Time) bool {
	_, m, d := date.Date()
	for _, md := range s.local {
		if md.month == m && md.day == d {
			return true
		}
	}
	friday := Easter(date.Year()).AddDate(0, 0, -2)
	return s.goodFriday && m == friday.Month() && d == friday.Day()
}
