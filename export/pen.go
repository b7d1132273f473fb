package export

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// font is a type style: size in points, weight, and grey level (0 black).
type font struct {
	size float64
	bold bool
	grey int
}

// span is a run of text in one font.
type span struct {
	text string
	f    font
}

// pen lays out text on a page. With draw false it only measures, so a
// layout can be tried at several sizes before one is drawn. scale shrinks
// every font it is given.
type pen struct {
	pdf   *fpdf.Fpdf
	text  *fastText // draws, when not nil; else pdf.Text
	m     *metrics
	draw  bool
	scale float64
	cur   font
	set   bool
}

const ptToMM = 25.4 / 72

// use makes f (scaled) the document's current font and colour, to draw.
func (p *pen) use(f font) {
	f.size *= p.scale
	if p.set && f == p.cur {
		return
	}
	style := ""
	if f.bold {
		style = "B"
	}
	p.pdf.SetFont(family, style, f.size)
	if !p.set || f.grey != p.cur.grey {
		p.pdf.SetTextColor(f.grey, f.grey, f.grey)
	}
	p.cur, p.set = f, true
}

// leading is the line height of f in mm.
func (p *pen) leading(f font) float64 { return f.size * p.scale * ptToMM * 1.22 }

// width measures s in f.
func (p *pen) width(f font, s string) float64 {
	f.size *= p.scale
	return p.m.width(f, s)
}

// word is a piece of text between ASCII spaces, in one font.
type word struct {
	text  string
	f     font
	space bool // an ASCII space precedes it
	w     float64
}

func (p *pen) words(spans []span) []word {
	var out []word
	pending := false
	for _, s := range spans {
		for i, t := range p.m.words(s.text) {
			if i > 0 {
				pending = true
			}
			if t == "" {
				continue
			}
			out = append(out, word{text: t, f: s.f, space: pending && len(out) > 0, w: p.width(s.f, t)})
			pending = false
		}
	}
	return out
}

// lines wraps words into lines no wider than w.
func (p *pen) lines(words []word, w float64) [][]word {
	var out [][]word
	var line []word
	x := 0.0
	for _, wd := range p.breakLong(words, w) {
		adv := wd.w
		if wd.space && len(line) > 0 {
			adv += p.width(wd.f, " ")
		}
		if len(line) > 0 && x+adv > w {
			out = append(out, line)
			line, x, adv = nil, 0, wd.w
		}
		line = append(line, wd)
		x += adv
	}
	if len(line) > 0 {
		out = append(out, line)
	}
	return out
}

// align says where a line sits in its box.
type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// para lays out spans as a paragraph in the box at (x, y) of width w and
// returns its height.
func (p *pen) para(x, y, w float64, a align, spans ...span) float64 {
	l := p.layout(w, spans)
	if p.draw {
		for _, line := range l.lines {
			p.drawLine(x, y, w, a, line)
			y += line.lh
		}
	}
	return l.h
}

// layout breaks spans into lines, from the cache when it can.
func (p *pen) layout(w float64, spans []span) *laidOut {
	if len(spans) > maxKeySpans {
		return p.breakLines(w, spans)
	}
	k := paraKey{n: len(spans), w: w, scale: p.scale}
	copy(k.spans[:], spans)
	if l, ok := cachedPara(k); ok {
		return l
	}
	l := p.breakLines(w, spans)
	keepPara(k, l)
	return l
}

func (p *pen) breakLines(w float64, spans []span) *laidOut {
	l := &laidOut{}
	for _, line := range p.lines(p.words(spans), w) {
		lr := p.runs(line)
		l.lines = append(l.lines, lr)
		l.h += lr.lh
	}
	return l
}

// runs joins the words of a line that share a font into runs, each
// placed after the previous one.
func (p *pen) runs(line []word) lineRuns {
	var lr lineRuns
	x := 0.0
	for i := 0; i < len(line); {
		j, text := i, ""
		for ; j < len(line) && line[j].f == line[i].f; j++ {
			if j > i && line[j].space {
				text += " "
			}
			text += line[j].text
		}
		if i > 0 && line[i].space {
			x += p.width(line[i].f, " ")
		}
		lr.runs = append(lr.runs, textRun{text: text, f: line[i].f, dx: x})
		x += p.width(line[i].f, text)
		i = j
	}
	for _, wd := range line {
		lr.lh = max(lr.lh, p.leading(wd.f))
	}
	lr.width = x
	return lr
}

// drawLine draws one line of a paragraph whose box is at (x, y).
func (p *pen) drawLine(x, y, w float64, a align, line lineRuns) {
	switch a {
	case alignCenter:
		x += (w - line.width) / 2
	case alignRight:
		x += w - line.width
	}
	base := y + line.lh*0.78
	for _, r := range line.runs {
		p.use(r.f)
		if p.text != nil {
			p.text.text(x+r.dx, base, r.text, r.f.bold, r.f.grey)
		} else {
			p.pdf.Text(x+r.dx, base, r.text)
		}
	}
}

// breakLong splits the words wider than w (web addresses, mostly) after a
// slash, dot or hyphen where possible, anywhere otherwise.
func (p *pen) breakLong(words []word, w float64) []word {
	var out []word
	for _, wd := range words {
		for wd.w > w {
			head, tail := p.cut(wd, w)
			out = append(out, head)
			wd = tail
		}
		out = append(out, wd)
	}
	return out
}

func (p *pen) cut(wd word, w float64) (head, tail word) {
	runes := []rune(wd.text)
	n, soft := 1, 0
	for n < len(runes) && p.width(wd.f, string(runes[:n+1])) <= w {
		n++
		if strings.ContainsRune("/.-_?&=", runes[n-1]) {
			soft = n
		}
	}
	if soft > 0 {
		n = soft
	}
	head = word{text: string(runes[:n]), f: wd.f, space: wd.space}
	head.w = p.width(wd.f, head.text)
	tail = word{text: string(runes[n:]), f: wd.f}
	tail.w = p.width(wd.f, tail.text)
	return head, tail
}
