package export

import (
	"strconv"
	"strings"

	"reperecyber/content"
)

// The type styles of the contact sheet, at full size. Black and greys
// only: the sheet is printed on office printers, often in black and white.
var (
	fBand      = font{size: 9.5, bold: true, grey: 255}
	fBandMeta  = font{size: 7, grey: 255}
	fTitle     = font{size: 22, bold: true}
	fTerritory = font{size: 8.5, grey: 50}
	fAdvice    = font{size: 7.2, grey: 60}
	fSecTitle  = font{size: 8.5, bold: true, grey: 255}
	fName      = font{size: 8, bold: true}
	fDetail    = font{size: 7, grey: 70}
	fLabel     = font{size: 6.2, grey: 90}
	fPhone     = font{size: 9.5, bold: true}
	fValue     = font{size: 7.3}
	fText      = font{size: 6.8, grey: 40}
	fWhen      = font{size: 6.8, bold: true, grey: 40}
	fBig       = font{size: 26, bold: true}
	fBigPrefix = font{size: 7, bold: true}
	fBoxLabel  = font{size: 6.3, grey: 30}
	fStepNum   = font{size: 9, bold: true}
)

const (
	colGap   = 6.0
	colW     = (contentW - colGap) / 2
	labelW   = 13.0 // value labels (« Tél. », « Site »)
	rowGap   = 1.5
	sectGap  = 3.0
	marker   = " *"
	minTitle = 13.0 // smallest size of the page title, in points
)

// sheetPage draws or measures one contact sheet.
type sheetPage struct {
	p     *pen
	qr    *qrCodes
	s     Page
	opt   Options
	err   error
	joins joins
}

// joins keeps the strings a layout makes by joining two (« Nom : »,
// « – détail »): a page is laid out several times to find its type size,
// and a batch repeats them on every page. It is emptied when full.
type joins map[[2]string]string

func (j joins) cat(a, b string) string {
	k := [2]string{a, b}
	if s, ok := j[k]; ok {
		return s
	}
	if len(j) >= 4096 {
		clear(j)
	}
	s := a + b
	j[k] = s
	return s
}

// layout lays the sheet out from the top margin and returns the bottom y.
func (sp *sheetPage) layout() float64 {
	y := sp.header(margin)
	secs := sp.s.Sections
	for i := 0; i < len(secs); {
		if secs[i].Column == ColumnFull {
			y = sp.fullSection(y, secs[i]) + sectGap
			i++
			continue
		}
		j := i
		for j < len(secs) && secs[j].Column == ColumnHalf && (j == i || !secs[j].Break) {
			j++
		}
		y = sp.columns(y, secs[i:j])
		i = j
	}
	y = sp.links(y)
	return sp.footer(y)
}

// columns lays out half-width sections in two columns, in order, moving
// to the right column where that makes the taller column shortest.
func (sp *sheetPage) columns(y float64, secs []Section) float64 {
	k := sp.split(secs)
	left, right := y, y
	for i, sec := range secs {
		if i < k {
			left = sp.listSection(margin, left, colW, sec) + sectGap
		} else {
			right = sp.listSection(margin+colW+colGap, right, colW, sec) + sectGap
		}
	}
	return max(left, right)
}

func (sp *sheetPage) split(secs []Section) int {
	saved := sp.p.draw
	sp.p.draw = false
	defer func() { sp.p.draw = saved }()
	h := make([]float64, len(secs)+1) // h[i]: height of secs[:i]
	for i, sec := range secs {
		h[i+1] = h[i] + sp.listSection(margin, 0, colW, sec) + sectGap
	}
	best, bestH := len(secs), h[len(secs)]
	for k := 1; k < len(secs); k++ {
		if m := max(h[k], h[len(secs)]-h[k]); m < bestH {
			best, bestH = k, m
		}
	}
	return best
}

func (sp *sheetPage) header(y float64) float64 {
	p := sp.p
	bandH := p.leading(fBand) + 2.4
	if p.draw {
		sp.fill(0)
		p.pdf.Rect(margin, y, contentW, bandH, "F")
	}
	p.para(margin+2.5, y+1.2, contentW-5, alignLeft, span{sp.s.Kicker, fBand})
	meta := "Édition du " + content.FormatDate(sp.opt.date().Format("2006-01-02"))
	if sp.opt.ContentVersion != "" {
		meta += " · contenu " + sp.opt.ContentVersion
	}
	p.para(margin+2.5, y+1.2+(p.leading(fBand)-p.leading(fBandMeta))/2, contentW-5, alignRight, span{meta, fBandMeta})
	y += bandH + 2
	y += p.para(margin, y, contentW, alignLeft, span{sp.s.Title, sp.titleFont()})
	if sp.s.Subtitle != "" {
		y += p.para(margin, y+0.3, contentW, alignLeft, span{sp.s.Subtitle, fTerritory}) + 0.6
	}
	if sp.s.Advice != "" {
		y += p.para(margin, y, contentW, alignLeft, span{sp.s.Advice, fAdvice})
	}
	return y + sectGap
}

// titleFont shrinks the title (a commune's name) until it fits on one
// line, or down to minTitle, below which it wraps.
func (sp *sheetPage) titleFont() font {
	f := fTitle
	for f.size > minTitle && sp.p.width(f, french(sp.s.Title)) > contentW {
		f.size -= 0.5
	}
	return f
}

func (sp *sheetPage) fill(grey int) { sp.p.pdf.SetFillColor(grey, grey, grey) }

func (sp *sheetPage) draw(grey int, lw float64) {
	sp.p.pdf.SetDrawColor(grey, grey, grey)
	sp.p.pdf.SetLineWidth(lw)
}

// title draws a section's black title band and returns the y below it.
func (sp *sheetPage) title(x, y, w float64, t string) float64 {
	p := sp.p
	h := p.leading(fSecTitle) + 1.8
	if p.draw {
		sp.fill(0)
		p.pdf.Rect(x, y, w, h, "F")
	}
	p.para(x+2, y+0.9, w-4, alignLeft, span{strings.ToUpper(t), fSecTitle})
	return y + h + 1.2
}

func (sp *sheetPage) fullSection(y float64, sec Section) float64 {
	if sec.Style == StyleEmergency {
		return sp.emergency(sp.title(margin, y, contentW, sec.Title), sec)
	}
	return sp.listSection(margin, y, contentW, sec)
}

// emergency draws the urgent numbers in boxes, the numbers large.
func (sp *sheetPage) emergency(y float64, sec Section) float64 {
	p := sp.p
	n := float64(len(sec.Rows))
	gap := 2.5
	w := (contentW - gap*(n-1)) / n
	h := 0.0
	for i, r := range sec.Rows {
		x := margin + float64(i)*(w+gap)
		h = max(h, sp.emergencyBox(x, y, w, r, false))
	}
	for i, r := range sec.Rows {
		x := margin + float64(i)*(w+gap)
		if p.draw {
			sp.draw(0, 0.5)
			p.pdf.Rect(x, y, w, h, "D")
		}
		sp.emergencyBox(x, y, w, r, p.draw)
	}
	return y + h
}

// emergencyBox lays out one box's content, drawing it only if draw, and
// returns its height.
func (sp *sheetPage) emergencyBox(x, y, w float64, r Row, draw bool) float64 {
	p := sp.p
	saved := p.draw
	p.draw = draw
	defer func() { p.draw = saved }()
	top := y + 1
	// Every box keeps the prefix line so that the numbers line up.
	p.para(x, top, w, alignCenter, span{r.BigPrefix, fBigPrefix})
	y = top + p.leading(fBigPrefix)
	big := []span{{r.Big, fBig}}
	if r.ToCheck {
		big = append(big, span{marker, fName})
	}
	y += p.para(x, y-1.2, w, alignCenter, big...) - 1.2
	y += p.para(x+1.5, y, w-3, alignCenter, span{r.Name, fBoxLabel})
	return y + 1.5 - (top - 1)
}

// listSection draws a section in the box of width w at (x, y) and returns
// the y below it.
func (sp *sheetPage) listSection(x, y, w float64, sec Section) float64 {
	if sec.Title != "" {
		y = sp.title(x, y, w, sec.Title)
	}
	if sec.Intro != "" {
		y += sp.p.para(x, y, w, alignLeft, span{sec.Intro, fText}) + 0.6
	}
	switch sec.Style {
	case StyleSteps:
		return sp.steps(x, y, w, sec.Rows)
	case StyleBullets:
		return sp.bullets(x, y, w, sec.Rows)
	case StyleText:
		return sp.paragraphs(x, y, w, sec.Rows)
	case StyleList:
		if w > colW*1.5 {
			return sp.grid(x, y, sec.Rows)
		}
	}
	for i, r := range sec.Rows {
		if i > 0 {
			y = sp.rule(x, y, w)
		}
		if sec.Style == StyleLocal {
			y = sp.localRow(x, y, w, r)
		} else {
			y = sp.serviceRow(x, y, w, r)
		}
	}
	return y
}

// grid lays service rows out two by two across the page.
func (sp *sheetPage) grid(x, y float64, rows []Row) float64 {
	for i := 0; i < len(rows); i += 2 {
		if i > 0 {
			y = sp.rule(x, y, contentW)
		}
		bottom := sp.serviceRow(x, y, colW, rows[i])
		if i+1 < len(rows) {
			bottom = max(bottom, sp.serviceRow(x+colW+colGap, y, colW, rows[i+1]))
		}
		y = bottom
	}
	return y
}

// rule draws the hairline between two rows.
func (sp *sheetPage) rule(x, y, w float64) float64 {
	y += rowGap / 2
	if sp.p.draw {
		sp.draw(170, 0.15)
		sp.p.pdf.Line(x, y, x+w, y)
	}
	return y + rowGap/2
}

func (sp *sheetPage) serviceRow(x, y, w float64, r Row) float64 {
	p := sp.p
	head := []span{{r.Name, fName}}
	if r.ToCheck {
		head = append(head, span{marker, fName})
	}
	if r.Detail != "" {
		head = append(head, span{sp.joins.cat(" – ", r.Detail), fDetail})
	}
	y += p.para(x, y, w, alignLeft, head...)
	if r.Blank {
		y = sp.blankLines(x, y, w)
	}
	for _, v := range r.Values {
		y += sp.value(x, y, w, v)
	}
	if r.Text != "" {
		y += p.para(x, y+0.2, w, alignLeft, span{r.Text, fText}) + 0.2
	}
	if r.When != "" {
		y += p.para(x, y+0.2, w, alignLeft, span{"Quand : ", fWhen}, span{r.When, fText}) + 0.2
	}
	return y
}

// valueLabels are the short labels printed before each kind of value.
var valueLabels = map[content.ContactType]string{
	content.ContactPhone:   "Tél.",
	content.ContactSMS:     "SMS",
	content.ContactEmail:   "Courriel",
	content.ContactURL:     "Site",
	content.ContactAddress: "Adresse",
	content.ContactHours:   "Horaires",
}

// value prints a labelled value (« Tél. 0 800 200 008 ») and returns its height.
func (sp *sheetPage) value(x, y, w float64, v Value) float64 {
	p := sp.p
	f, text := fValue, v.Text
	switch v.Type {
	case content.ContactPhone, content.ContactSMS:
		f = fPhone
	case content.ContactURL:
		text = displayURL(text)
	}
	spans := []span{{text, f}}
	if v.ToCheck {
		spans = append(spans, span{marker, fName})
	}
	h := p.para(x+labelW, y, w-labelW, alignLeft, spans...)
	lift := (p.leading(f) - p.leading(fLabel)) * 0.8
	p.para(x, y+lift, labelW, alignLeft, span{valueLabels[v.Type], fLabel})
	return h
}

// localRow prints one of the mairie's contacts, or lines to write it in.
func (sp *sheetPage) localRow(x, y, w float64, r Row) float64 {
	p := sp.p
	y += p.para(x, y, w, alignLeft, span{r.Name, fLabel})
	if r.Blank {
		return sp.blankLines(x, y, w)
	}
	if r.Detail != "" {
		y += p.para(x, y, w, alignLeft, span{r.Detail, fName})
	}
	for _, v := range r.Values {
		y += sp.value(x, y, w, v)
	}
	if r.Text != "" {
		y += p.para(x, y, w, alignLeft, span{r.Text, fText})
	}
	return y
}

// blankLines draws « Nom ____ Tél. ____ » to fill in by hand.
func (sp *sheetPage) blankLines(x, y, w float64) float64 {
	p := sp.p
	h := 5.2 * p.scale
	if !p.draw {
		return y + h
	}
	base := y + h - 0.8
	nameW := w * 0.55
	p.para(x, base-p.leading(fLabel)+0.3, 10, alignLeft, span{"Nom", fLabel})
	p.para(x+nameW+2, base-p.leading(fLabel)+0.3, 10, alignLeft, span{"Tél.", fLabel})
	sp.draw(120, 0.2)
	p.pdf.SetDashPattern([]float64{0.6, 0.6}, 0)
	p.pdf.Line(x+8, base, x+nameW, base)
	p.pdf.Line(x+nameW+9, base, x+w, base)
	p.pdf.SetDashPattern(nil, 0)
	return y + h
}

// steps prints numbered rows, the words before the colon in bold.
func (sp *sheetPage) steps(x, y, w float64, rows []Row) float64 {
	return sp.items(x, y, w, rows, func(i int) span { return span{strconv.Itoa(i + 1), fStepNum} })
}

// bullets prints rows as a bulleted list.
func (sp *sheetPage) bullets(x, y, w float64, rows []Row) float64 {
	return sp.items(x, y, w, rows, func(int) span { return span{"–", fName} })
}

func (sp *sheetPage) items(x, y, w float64, rows []Row, mark func(i int) span) float64 {
	p := sp.p
	numW := 5.0 * p.scale
	for i, r := range rows {
		spans := []span{{r.Text, fValue}}
		if r.Name != "" {
			spans = []span{{sp.joins.cat(r.Name, " : "), fName}, {r.Text, fValue}}
		}
		p.para(x, y-0.3, numW, alignLeft, mark(i))
		y += p.para(x+numW, y, w-numW, alignLeft, spans...) + 0.7
	}
	return y
}

// paragraphs prints each row's text as a paragraph.
func (sp *sheetPage) paragraphs(x, y, w float64, rows []Row) float64 {
	for _, r := range rows {
		y += sp.p.para(x, y, w, alignLeft, span{r.Text, fValue}) + 1
	}
	return y
}

// links prints the websites of the sheet as a row of QR codes.
func (sp *sheetPage) links(y float64) float64 {
	links := sp.s.Links
	if len(links) == 0 {
		return y
	}
	p := sp.p
	y = sp.title(margin, y, contentW, "Sites utiles : visez le code avec l'appareil photo du téléphone")
	cell := min(24, contentW/float64(len(links)))
	size := min(cell-3.5, 17)
	capH := 0.0
	for i, l := range links {
		x := margin + float64(i)*cell
		if p.draw && sp.err == nil {
			sp.err = sp.qr.draw(l.URL, x+(cell-size)/2, y, size)
		}
		capH = max(capH, p.para(x, y+size+0.8, cell, alignCenter, span{l.Caption, sp.fitting(fLabel, l.Caption, cell-1)}))
	}
	return y + size + 0.8 + capH + 1.5
}

// fitting shrinks f until the longest word of s fits in w.
func (sp *sheetPage) fitting(f font, s string, w float64) font {
	for _, word := range strings.Fields(s) {
		for f.size > 4.5 && sp.p.width(f, word) > w {
			f.size -= 0.25
		}
	}
	return f
}

// footer prints the « à vérifier » footnote.
func (sp *sheetPage) footer(y float64) float64 {
	p := sp.p
	if len(sp.s.ToCheck) > 0 {
		note := "* À vérifier : " + strings.Join(sp.s.ToCheck, " ; ") + ". Les sources ne concordent pas ou sont anciennes : le détail est sur la fiche, dans Repère Cyber."
		y += p.para(margin, y, contentW, alignLeft, span{note, fText})
	}
	if sp.opt.Freshness != "" {
		y += p.para(margin, y, contentW, alignLeft, span{sp.opt.Freshness, fText})
	}
	return y
}
