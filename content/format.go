package content

import (
	"strconv"
	"strings"
)

// narrowNBSP separates thousands in French (U+202F, espace fine insécable).
const narrowNBSP = "\u202f"

// FormatInt writes n the French way: 34 969.
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(narrowNBSP)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// FormatDate writes a source date (YYYY, YYYY-MM or YYYY-MM-DD) in words:
// « 2024 », « novembre 2024 », « 17 décembre 2024 ». Anything else is
// returned as it is.
func FormatDate(d string) string {
	parts := strings.Split(d, "-")
	if len(parts) < 2 || len(parts) > 3 {
		return d
	}
	m, err := strconv.Atoi(parts[1])
	if err != nil || m < 1 || m > 12 {
		return d
	}
	s := months[m-1] + " " + parts[0]
	if len(parts) == 3 {
		day, err := strconv.Atoi(parts[2])
		if err != nil {
			return d
		}
		if day == 1 {
			return "1er " + s
		}
		return strconv.Itoa(day) + " " + s
	}
	return s
}

// SourceLine describes a source for people: where, and when.
// Web pages keep their full address, for checking; seed documents are
// named by their title.
func SourceLine(s Source) string {
	name := s.URL
	if s.IsSeed() {
		name = SourceTitle(s)
	}
	return name + " (" + SourceWhen(s) + ")"
}

// Paragraphs splits a body into paragraphs and list items: blank lines
// separate paragraphs, and every line starting with "- " is an item.
func Paragraphs(body string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "- "):
			flush()
			cur = []string{line}
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return out
}
