package cli

import (
	"fmt"
	"io"
	"strings"

	"reperecyber/content"
)

// lineWidth is where paragraphs are wrapped in a terminal.
const lineWidth = 78

// writeEntry prints a whole card, readable in a terminal.
func writeEntry(w io.Writer, e content.Entry, categoryTitle string) {
	title := e.Title
	for _, b := range e.Badges() {
		title += " [" + b + "]"
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat("=", min(len([]rune(title)), lineWidth)))
	fmt.Fprintf(w, "%s · %s\n\n", e.Kind.Label(), categoryTitle)
	writeWrapped(w, e.Summary, "")
	fmt.Fprintln(w)
	for _, para := range content.Paragraphs(e.Body) {
		if strings.HasPrefix(para, "- ") {
			writeWrapped(w, "• "+strings.TrimPrefix(para, "- "), "  ")
		} else {
			writeWrapped(w, para, "")
			fmt.Fprintln(w)
		}
	}
	if e.Status == content.StatusToCheck {
		fmt.Fprintln(w)
		writeWrapped(w, "À vérifier : "+e.Note, "  ")
	}
	writeContacts(w, e.Contacts)
	writeFacts(w, e)
}

func writeContacts(w io.Writer, contacts []content.Contact) {
	if len(contacts) == 0 {
		return
	}
	fmt.Fprintln(w, "\nContacts")
	for _, c := range contacts {
		label := c.Type.Label()
		if c.Label != "" {
			label += " (" + c.Label + ")"
		}
		fmt.Fprintf(w, "  %s : %s\n", label, c.Value)
		writeWrapped(w, "Source : "+content.SourceLine(c.SourceOf()), "      ")
		if doubt := c.ToConfirm(); doubt != "" {
			writeWrapped(w, "À vérifier : "+doubt+" (détail : reperecyber check --verbose)", "      ")
		} else if c.Note != "" {
			writeWrapped(w, "Note : "+c.Note, "      ")
		}
	}
}

func writeFacts(w io.Writer, e content.Entry) {
	fmt.Fprintln(w)
	if len(e.Audience) > 0 {
		labels := make([]string, len(e.Audience))
		for i, a := range e.Audience {
			labels[i] = a.Label()
		}
		fmt.Fprintf(w, "Pour : %s\n", strings.Join(labels, ", "))
	}
	switch {
	case e.National():
		fmt.Fprintln(w, "Territoire : national")
	default:
		fmt.Fprintf(w, "Territoire : régions %s%s\n", strings.Join(e.Regions, ", "), prefixed(" ; départements ", e.Departements))
	}
	if len(e.Related) > 0 {
		fmt.Fprintf(w, "Voir aussi : %s\n", strings.Join(e.Related, ", "))
	}
	for _, s := range e.Sources {
		writeWrapped(w, "Source : "+content.SourceLine(s), "  ")
	}
}

func prefixed(prefix string, list []string) string {
	if len(list) == 0 {
		return ""
	}
	return prefix + strings.Join(list, ", ")
}

// writeWrapped prints text wrapped at lineWidth, continuation lines
// indented by indent.
func writeWrapped(w io.Writer, text, indent string) {
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > lineWidth {
			fmt.Fprintln(w, line)
			line = indent + word
			continue
		}
		if line == "" {
			line = word
		} else {
			line += " " + word
		}
	}
	if line != "" {
		fmt.Fprintln(w, line)
	}
}
