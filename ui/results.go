package ui

import (
	"context"
	"fmt"
	"log"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/search"
)

// resultsLimit is how many results the list shows.
const resultsLimit = 40

// resultsScreen lists what the search box finds, updated on every
// keystroke. ↑/↓ move a cursor, Entrée or a click opens.
type resultsScreen struct {
	// missed is the last query that found nothing, recorded when left.
	missed  string
	shell   *shell
	query   string
	results []search.Result
	cursor  int
	list    *widget.List
	count   *widget.Label
	empty   *fyne.Container
	emptyTx *widget.Label
	obj     *fyne.Container
	// rows finds the parts of a row from the container the list recycles.
	rows map[fyne.CanvasObject]*resultRow
}

func newResultsScreen(s *shell) *resultsScreen {
	r := &resultsScreen{shell: s, count: widget.NewLabel(""), rows: map[fyne.CanvasObject]*resultRow{}}
	r.list = widget.NewList(r.length, r.createRow, r.updateRow)
	r.list.OnSelected = r.onSelected
	r.emptyTx = paragraph("")
	triage := newButtonWithIcon("Je suis victime : que faire ?", theme.ErrorIcon(), r.onVictimHelp)
	triage.Importance = widget.HighImportance
	r.empty = container.NewVBox(subheading("Je n'ai pas trouvé"), r.emptyTx, triage)
	r.obj = container.NewBorder(container.NewPadded(r.count), nil, nil, nil, container.NewStack(r.list, container.NewPadded(r.empty)))
	return r
}

func (r *resultsScreen) content() fyne.CanvasObject { return r.obj }

// setQuery runs the search and shows its results. A query that finds
// nothing is recorded (query and day only) to improve the content.
func (r *resultsScreen) setQuery(q string, lib *library) {
	r.query = q
	r.results = lib.index.Search(q, search.Options{Limit: resultsLimit, Here: lib.here})
	r.cursor = 0
	if len(r.results) == 0 {
		r.count.SetText("")
		r.emptyTx.SetText(fmt.Sprintf("Aucune fiche ni commune ne correspond à « %s ».\n\nEssayez :\n•  un mot plus simple ou un synonyme (« virus », « arnaque », « piratage »)\n•  moins de mots\n•  le code postal ou le nom complet de la commune\n\nOu laissez-vous guider par quelques questions :", q))
		r.empty.Show()
		r.list.Hide()
		r.missed = q // recorded when the person stops there, not at each keystroke
		return
	}
	r.missed = "" // typing on found something: not a missed query
	r.empty.Hide()
	r.list.Show()
	count := resultsCount(len(r.results))
	if note := r.results[0].Note; note != "" {
		count = note + " · " + count
	}
	r.count.SetText(count)
	r.list.UnselectAll()
	r.list.Refresh()
	r.list.ScrollToTop()
}

func resultsCount(n int) string {
	if n == 1 {
		return "1 résultat · Entrée pour ouvrir"
	}
	if n >= resultsLimit {
		return fmt.Sprintf("%d premiers résultats · ↑ ↓ pour choisir, Entrée pour ouvrir", n)
	}
	return fmt.Sprintf("%d résultats · ↑ ↓ pour choisir, Entrée pour ouvrir", n)
}

// flushMissed records the query that found nothing once the person has
// left it: moved to another page, or closed the window.
func (r *resultsScreen) flushMissed(lib *library) {
	q := r.missed
	r.missed = ""
	if q == "" || lib == nil {
		return
	}
	r.shell.background(func() { recordMissed(lib, q) })
}

// maxMissedQuery caps what is recorded of a query that found nothing.
const maxMissedQuery = 100

func recordMissed(lib *library, q string) {
	if lib.user == nil {
		return
	}
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	if r := []rune(strings.TrimSpace(q)); len(r) > maxMissedQuery {
		q = string(r[:maxMissedQuery])
	}
	if err := lib.user.RecordMissedQuery(context.Background(), q); err != nil {
		log.Printf("missed query: %v", err)
	}
}

func (r *resultsScreen) length() int { return len(r.results) }

// resultRow is the template of a row: a cursor bar, the title with its
// matched parts in bold, and below it the kind and a subtitle.
type resultRow struct {
	bar   *canvas.Rectangle
	title *widget.RichText
	sub   *widget.Label
}

func (r *resultsScreen) createRow() fyne.CanvasObject {
	row := &resultRow{bar: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)), title: widget.NewRichText(), sub: widget.NewLabel("")}
	row.bar.SetMinSize(fyne.NewSize(5, 0))
	row.title.Truncation = fyne.TextTruncateEllipsis
	row.sub.Truncation = fyne.TextTruncateEllipsis
	row.sub.SizeName = theme.SizeNameCaptionText
	text := container.NewVBox(row.title, row.sub)
	obj := container.NewBorder(nil, nil, row.bar, nil, text)
	r.rows[obj] = row
	return obj
}

func (r *resultsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := r.rows[o]
	res := r.results[i]
	row.title.Segments = highlighted(res.Title, res.Highlights)
	row.title.Refresh()
	row.sub.SetText(res.Kind.Label() + " · " + res.Subtitle)
	if i == r.cursor {
		row.bar.Show()
	} else {
		row.bar.Hide()
	}
}

// highlighted splits a title into plain and bold segments.
func highlighted(title string, hl []search.Range) []widget.RichTextSegment {
	runes := []rune(title)
	var segs []widget.RichTextSegment
	add := func(s string, bold bool) {
		if s == "" {
			return
		}
		style := widget.RichTextStyleInline
		if bold {
			style = widget.RichTextStyleStrong
		}
		style.Inline = true
		segs = append(segs, &widget.TextSegment{Text: s, Style: style})
	}
	at := 0
	for _, h := range hl {
		if h.Start < at || h.End > len(runes) {
			continue
		}
		add(string(runes[at:h.Start]), false)
		add(string(runes[h.Start:h.End]), true)
		at = h.End
	}
	add(string(runes[at:]), false)
	return segs
}

func (r *resultsScreen) onSelected(i widget.ListItemID) {
	r.list.Unselect(i)
	r.cursor = i
	r.open(i)
}

// move shifts the cursor by delta and keeps it in view.
func (r *resultsScreen) move(delta int) {
	if len(r.results) == 0 {
		return
	}
	r.cursor = max(0, min(len(r.results)-1, r.cursor+delta))
	r.list.Refresh()
	r.list.ScrollTo(r.cursor)
}

// openSelected opens the result under the cursor (the best one unless the
// person moved).
func (r *resultsScreen) openSelected() {
	if r.cursor < len(r.results) && r.shell.current().name == pageResults {
		r.open(r.cursor)
	}
}

func (r *resultsScreen) open(i int) {
	res := r.results[i]
	switch res.Kind {
	case search.KindCommune:
		r.shell.onOpenCommune(res.ID)
		return
	case search.KindTriage:
		r.shell.navigate(page{name: pageTriage, arg: res.ID})
		return
	}
	r.shell.onOpenEntry(res.ID)
}

// onVictimHelp opens the wizard, or 17Cyber if the wizard is unavailable.
func (r *resultsScreen) onVictimHelp() {
	if r.shell.triage.tree != nil {
		r.shell.onTriage()
		return
	}
	r.shell.onOpenEntry("17cyber")
}
