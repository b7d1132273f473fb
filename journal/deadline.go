package journal

import (
	"strings"
	"time"

	"reperecyber/textfold"
)

// CNILDelay is the time the GDPR (article 33) gives to notify the CNIL of
// a personal data breach, from its discovery. It is elapsed time: across
// a change to or from summer time the clock shows 71 or 73 hours later.
const CNILDelay = 72 * time.Hour

// Deadline is a time limit shown on the journal: a countdown when Due is
// set, a reminder otherwise (« avant de réinstaller »).
type Deadline struct {
	// Label names it in a word or two (« CNIL », « Plainte »).
	Label string
	// Text says what to do and when, in the content's words.
	Text string
	Due  time.Time
}

// HasDue reports whether the deadline is a countdown.
func (d Deadline) HasDue() bool { return !d.Due.IsZero() }

const (
	labelCNIL      = "CNIL"
	labelComplaint = "Plainte"
	cnilText       = "notifier la violation de données personnelles au plus tard 72 heures après la découverte (notifications.cnil.fr)."
	complaintText  = "porter plainte avant de réinstaller, nettoyer ou réparer les appareils : ils sont des preuves."
)

// Deadlines lists the incident's time limits: the CNIL 72 hours when
// personal data is involved, the complaint reminder, then every other
// limit the outcome declares, in its order.
func Deadlines(inc Incident) []Deadline {
	var out []Deadline
	if inc.PersonalData {
		out = append(out, Deadline{Label: labelCNIL, Text: cnilText, Due: inc.Discovered.Add(CNILDelay)})
	}
	complaint := Deadline{Label: labelComplaint, Text: complaintText}
	var others []Deadline
	for _, text := range inc.Deadlines {
		label, rest := splitDeadline(text)
		switch textfold.Fold(label) {
		case "cnil":
			// Conditional in the content (« si des données personnelles
			// sont touchées »): PersonalData decides.
		case "plainte":
			complaint.Text = rest
		default:
			others = append(others, Deadline{Label: label, Text: rest})
		}
	}
	return append(append(out, complaint), others...)
}

// splitDeadline cuts « Plainte : avant de réinstaller. » into its label
// and its text; a text without a label is labelled « Délai ».
func splitDeadline(s string) (label, text string) {
	if l, t, ok := strings.Cut(s, " : "); ok && len(l) < 40 {
		return strings.TrimSpace(l), strings.TrimSpace(t)
	}
	return "Délai", strings.TrimSpace(s)
}

// OutcomeInvolvesPersonalData reports whether an outcome's deadlines
// require the CNIL notification without condition (a data breach): the
// journal then counts the 72 hours from the start. A conditional CNIL
// deadline (« si des données personnelles sont touchées ») leaves the
// choice to the person.
func OutcomeInvolvesPersonalData(deadlines []string) bool {
	for _, d := range deadlines {
		label, text := splitDeadline(d)
		if textfold.Fold(label) == "cnil" && !strings.Contains(" "+textfold.Fold(text)+" ", " si ") {
			return true
		}
	}
	return false
}

// Remaining says in French how long is left until due, seen at now:
// « il reste 41 h », « il reste 25 min », « délai dépassé de 3 h ».
// Hours are whole hours left, rounded down, so the countdown never
// promises more time than there is.
func Remaining(now, due time.Time) string {
	left := due.Sub(now)
	if left <= 0 {
		late := -left
		if late < time.Minute {
			return "délai dépassé"
		}
		return "délai dépassé de " + duration(late)
	}
	return "il reste " + duration(left)
}

// duration is « 41 h », « 1 h », « 25 min », « moins d'une minute ».
func duration(d time.Duration) string {
	switch {
	case d >= time.Hour:
		return itoa(int(d/time.Hour)) + nbsp + "h"
	case d >= time.Minute:
		return itoa(int(d/time.Minute)) + nbsp + "min"
	}
	return "moins d'une minute"
}
