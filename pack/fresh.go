package pack

import (
	"fmt"
	"time"

	"reperecyber/content"
)

// StaleAfter is how long content stays fresh after its review date.
const StaleAfter = 6 // months

// Stale reports whether content reviewed on date (AAAA-MM-JJ) is past
// StaleAfter months on today. An unreadable date counts as stale: nothing
// then proves the numbers are recent.
func Stale(date string, today time.Time) bool {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return true
	}
	y, m, day := today.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC).After(d.AddDate(0, StaleAfter, 0))
}

// FreshnessNotice is the French notice to show once per session when the
// content in use is stale on today, "" when it is fresh.
func FreshnessNotice(s Status, today time.Time) string {
	if !Stale(s.Date, today) {
		return ""
	}
	return fmt.Sprintf("Le contenu date du %s, il y a plus de %d mois : vérifiez les numéros avant de les utiliser (sur le site du service). "+
		"Pour le mettre à jour sans internet, installez un paquet de contenu récent : reperecyber pack install FICHIER.rcpack, "+
		"ou installez la dernière version de l'application.", content.FormatDate(s.Date), StaleAfter)
}
