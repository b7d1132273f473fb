package hours

import (
	"fmt"
	"time"
)

// French says the status in a short French sentence for a person:
// « Ouvert maintenant, jusqu'à 18 h », « Fermé maintenant : rouvre demain
// à 9 h », « Fermé maintenant : rouvre lundi à 9 h », « Ouvert 24 h/24 ».
// It is empty when the status is not known, so nothing is said.
func (st Status) French() string {
	switch {
	case !st.Known:
		return ""
	case st.Always:
		return "Ouvert 24 h/24"
	case st.Open && st.Until.IsZero():
		return "Ouvert maintenant"
	case st.Open:
		return "Ouvert maintenant, jusqu'à " + closingWhen(st.at, st.Until)
	case st.Next.IsZero():
		return "Fermé maintenant"
	}
	return "Fermé maintenant : rouvre " + openingWhen(st.at, st.Next)
}

// closingWhen is « 18 h », « minuit » (tonight), « demain 2 h »,
// « vendredi 24 h » (the end of Friday).
func closingWhen(now, t time.Time) string {
	k := daysBetween(now, t)
	if t.Hour() == 0 && t.Minute() == 0 {
		if k == 1 {
			return "minuit"
		}
		return dayWord(now, t.AddDate(0, 0, -1), k-1) + " 24 h"
	}
	if k == 0 {
		return clockWord(t)
	}
	return dayWord(now, t, k) + " " + clockWord(t)
}

// openingWhen is « à 14 h », « demain à 9 h », « lundi à 9 h ».
func openingWhen(now, t time.Time) string {
	k := daysBetween(now, t)
	if k == 0 {
		return "à " + clockWord(t)
	}
	return dayWord(now, t, k) + " à " + clockWord(t)
}

// dayWord names day t, k calendar days after now: « aujourd'hui »,
// « demain », « lundi », then « lundi 8 juin » a week or more ahead,
// where the weekday alone would be ambiguous.
func dayWord(now, t time.Time, k int) string {
	switch {
	case k == 0:
		return "aujourd'hui"
	case k == 1:
		return "demain"
	case k < 7:
		return frenchDays[t.Weekday()]
	}
	return fmt.Sprintf("%s %d %s", frenchDays[t.Weekday()], t.Day(), frenchMonths[t.Month()-1])
}

// clockWord is « 9 h », « 12 h 30 », « 0 h ».
func clockWord(t time.Time) string {
	if t.Minute() == 0 {
		return fmt.Sprintf("%d h", t.Hour())
	}
	return fmt.Sprintf("%d h %02d", t.Hour(), t.Minute())
}

// daysBetween counts calendar days from now's date to t's, immune to the
// 23- and 25-hour days of summer time.
func daysBetween(now, t time.Time) int {
	y1, m1, d1 := now.Date()
	y2, m2, d2 := t.Date()
	a := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

var (
	frenchDays   = [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frenchMonths = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)
