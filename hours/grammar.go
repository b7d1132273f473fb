package hours

import (
	"strings"
	"time"
)

// A parser reads the items of one segment (the text between two commas
// or semicolons). Each method either consumes a whole item and returns
// true, or leaves the position where it was and returns false.
type parser struct {
	toks []token
	pos  int
}

func (p *parser) done() bool { return p.pos >= len(p.toks) }

func (p *parser) peek() token {
	if p.done() {
		return token{kind: tPunct}
	}
	return p.toks[p.pos]
}

// word consumes the next token if it is one of the words.
func (p *parser) word(words ...string) bool {
	t := p.peek()
	if t.kind != tWord {
		return false
	}
	for _, w := range words {
		if t.text == w {
			p.pos++
			return true
		}
	}
	return false
}

// number consumes the next token if it is the number n.
func (p *parser) number(n int) bool {
	if t := p.peek(); t.kind == tNumber && t.num == n {
		p.pos++
		return true
	}
	return false
}

// punct consumes the next token if it is the symbol s.
func (p *parser) punct(s string) bool {
	if t := p.peek(); t.kind == tPunct && t.text == s {
		p.pos++
		return true
	}
	return false
}

// try runs an alternative and puts the position back if it fails.
func (p *parser) try(alt func() bool) bool {
	start := p.pos
	if alt() {
		return true
	}
	p.pos = start
	return false
}

// dayNames maps the folded French day names, singular and plural, to
// their weekday.
var dayNames = map[string]time.Weekday{
	"lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday,
	"jeudi": time.Thursday, "vendredi": time.Friday, "samedi": time.Saturday,
	"dimanche": time.Sunday,
}

func (p *parser) day() (time.Weekday, bool) {
	t := p.peek()
	if t.kind != tWord {
		return 0, false
	}
	d, ok := dayNames[strings.TrimSuffix(t.text, "s")]
	if ok {
		p.pos++
	}
	return d, ok
}

// days is a set of weekdays, bit d for time.Weekday d.
type days uint8

const everyDay days = 1<<7 - 1

func (ds days) has(d time.Weekday) bool { return ds&(1<<d) != 0 }

// dayRange is « lundi au vendredi »: from one day to another, wrapping
// past Sunday (« du vendredi au lundi »). The same day twice is refused.
func dayRange(from, to time.Weekday) (days, bool) {
	if from == to {
		return 0, false
	}
	var ds days
	for d := from; ; d = (d + 1) % 7 {
		ds |= 1 << d
		if d == to {
			return ds, true
		}
	}
}

// daySpec reads « du lundi au vendredi », « le vendredi », « 7 jours sur
// 7 », « 7 j/7 », « tous les jours », « en semaine », « le week-end », and
// several of them joined by « et ».
func (p *parser) daySpec() (days, bool) {
	ds, ok := p.oneDaySpec()
	if !ok {
		return 0, false
	}
	for {
		var more days
		if !p.try(func() bool {
			var ok bool
			if !p.word("et") {
				return false
			}
			more, ok = p.oneDaySpec()
			return ok
		}) {
			return ds, true
		}
		ds |= more
	}
}

func (p *parser) oneDaySpec() (days, bool) {
	var ds days
	ok := p.try(func() bool { ds = everyDay; return p.sevenDays() }) ||
		p.try(func() bool { ds = everyDay; return p.word("tous") && p.word("les") && p.word("jours") }) ||
		p.try(func() bool { ds = weekdays; return p.word("en") && p.word("semaine") }) ||
		p.try(func() bool {
			ds = weekend
			p.word("le", "les")
			return p.word("week-end", "week-ends", "weekend", "weekends")
		}) ||
		p.try(func() bool {
			var ok bool
			ds, ok = p.dayOrRange()
			return ok
		})
	return ds, ok
}

const (
	weekdays days = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday
	weekend  days = 1<<time.Saturday | 1<<time.Sunday
)

// sevenDays reads « 7 jours sur 7 », « 7 j/7 », « 7 jours/7 », « 7/7 ».
func (p *parser) sevenDays() bool {
	if !p.number(7) {
		return false
	}
	p.word("jours", "jour", "j")
	return (p.word("sur") || p.punct("/")) && p.number(7)
}

// dayOrRange reads « du lundi au vendredi », « lundi – vendredi »,
// « le vendredi », « les samedis », « lundi ».
func (p *parser) dayOrRange() (days, bool) {
	ranged := p.word("du", "de")
	if !ranged {
		p.word("le", "les")
	}
	from, ok := p.day()
	if !ok {
		return 0, false
	}
	var to time.Weekday
	if p.try(func() bool {
		var ok bool
		if !p.word("au", "a") && !p.dash() {
			return false
		}
		to, ok = p.day()
		return ok
	}) {
		return dayRange(from, to)
	}
	// « du lundi » alone says where a range starts, not which days.
	return 1 << from, !ranged
}

func (p *parser) dash() bool {
	if p.peek().kind == tDash {
		p.pos++
		return true
	}
	return false
}

// span is an opening period within a day, in minutes since midnight,
// From included and To excluded; To is 1440 for « minuit » or « 24 h ».
type span struct{ From, To int }

const dayMinutes = 24 * 60

// clock reads « 9 h », « 12 h 30 », « 9h30 », « midi », « minuit ».
// It returns minutes since midnight; « minuit » and « 24 h » are 0 and
// 1440, and only a closing time may be 1440.
func (p *parser) clock() (int, bool) {
	if p.word("midi") {
		return 12 * 60, true
	}
	if p.word("minuit") {
		return 0, true
	}
	t := p.peek()
	if t.kind != tNumber || t.num > 24 || len(t.text) > 2 {
		return 0, false
	}
	start := p.pos
	p.pos++
	if !p.word("h") {
		p.pos = start
		return 0, false
	}
	m := 0
	if n := p.peek(); n.kind == tNumber && len(n.text) == 2 && n.num < 60 {
		m = n.num
		p.pos++
	}
	if t.num == 24 && m != 0 {
		p.pos = start
		return 0, false
	}
	return t.num*60 + m, true
}

// timeRange reads « 9 h – 12 h 30 », « 9 h - 18 h », « 9 h à 18 h »,
// « de 9 h à 18 h 30 », « de 9 h jusqu'à 18 h ». A range that ends
// before it starts (past midnight) is refused: no content needs it, and a
// wrong reading would be a wrong claim.
func (p *parser) timeRange() (span, bool) {
	p.word("de")
	from, ok := p.clock()
	if !ok || from >= dayMinutes {
		return span{}, false
	}
	if !p.dash() && !p.word("a", "jusqu'a") {
		return span{}, false
	}
	to, ok := p.clock()
	if !ok {
		return span{}, false
	}
	if to == 0 {
		to = dayMinutes
	}
	if to <= from {
		return span{}, false
	}
	return span{from, to}, true
}

// allDay reads « 24 h/24 », « 24/24 », « h24 », « 24 h sur 24 »,
// « 24 heures sur 24 ».
func (p *parser) allDay() bool {
	if p.word("h24") {
		return true
	}
	if !p.number(24) {
		return false
	}
	p.word("h", "heures")
	return (p.punct("/") || p.word("sur")) && p.number(24)
}

// times reads « 24 h/24 » or time ranges joined by « et ».
func (p *parser) times() ([]span, bool) {
	if p.try(p.allDay) {
		return []span{{0, dayMinutes}}, true
	}
	var spans []span
	for {
		var s span
		if !p.try(func() bool {
			if len(spans) > 0 && !p.word("et") {
				return false
			}
			var ok bool
			s, ok = p.timeRange()
			return ok
		}) {
			return spans, len(spans) > 0
		}
		spans = append(spans, s)
	}
}

// holidayRule says what a schedule does on public holidays.
type holidayRule int

const (
	holidaysUnknown holidayRule = iota // not said: no claim on a holiday
	holidaysClosed                     // « sauf jours fériés »
	holidaysOpen                       // « y compris les jours fériés », or every day of the week
)

// holidays reads « sauf jours fériés », « sauf les jours fériés »,
// « hors jours fériés », « fermé les jours fériés », « y compris les
// jours fériés », « jours fériés compris ».
func (p *parser) holidays() (holidayRule, bool) {
	feries := func() bool {
		p.word("les")
		return p.word("jours", "jour") && p.word("feries", "ferie") || p.word("feries")
	}
	switch {
	case p.try(func() bool { return p.word("sauf", "hors", "excepte") && feries() }),
		p.try(func() bool { return p.word("ferme", "fermes", "fermee", "fermees", "fermeture") && feries() }):
		return holidaysClosed, true
	case p.try(func() bool { return p.word("y") && p.word("compris") && feries() }),
		p.try(func() bool { return p.word("meme") && feries() }),
		p.try(func() bool { return feries() && p.word("compris", "inclus") }):
		return holidaysOpen, true
	}
	return holidaysUnknown, false
}
