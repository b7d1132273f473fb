package hours

import "strings"

// clause is what one « ; »-separated clause says.
type clause struct {
	days     days
	spans    []span
	holidays holidayRule
	// inline is true when the holiday rule sits among days or hours, as in
	// « du lundi au vendredi, 9 h – 18 h, sauf jours fériés ».
	inline bool
}

func (c clause) hasDays() bool  { return c.days != 0 }
func (c clause) hasTimes() bool { return len(c.spans) > 0 }

// readClause reads the comma-separated parts of a clause. Days and hours
// may come in either order but not interleaved (« lundi, 9 h – 12 h,
// mardi, 14 h – 18 h » would need a pairing the grammar does not guess).
func readClause(toks []token) (clause, []string, bool) {
	var c clause
	var order []byte // 'D' and 'T' in the order the parts come
	var remarks []string
	for _, part := range split(toks, ",") {
		items, skipped, ok := readPart(part)
		if !ok {
			return clause{}, nil, false
		}
		if len(skipped) > 0 {
			remarks = append(remarks, join(skipped))
		}
		for _, it := range items {
			if !c.add(it, &order) {
				return clause{}, nil, false
			}
		}
	}
	o := string(order)
	if o != "" && o != "D" && o != "T" && o != "DT" && o != "TD" {
		return clause{}, nil, false
	}
	c.inline = c.holidays != holidaysUnknown && (c.hasDays() || c.hasTimes())
	return c, remarks, true
}

func (c *clause) add(it item, order *[]byte) bool {
	switch {
	case it.days != 0:
		c.days |= it.days
		if n := len(*order); n == 0 || (*order)[n-1] != 'D' {
			*order = append(*order, 'D')
		}
	case it.spans != nil:
		c.spans = append(c.spans, it.spans...)
		if n := len(*order); n == 0 || (*order)[n-1] != 'T' {
			*order = append(*order, 'T')
		}
	default:
		if c.holidays != holidaysUnknown && c.holidays != it.holidays {
			return false
		}
		c.holidays = it.holidays
	}
	return true
}

// item is one thing a part says: days, hours or a holiday rule.
type item struct {
	days     days
	spans    []span
	holidays holidayRule
}

// readPart reads one comma-separated part, and returns what it skipped.
// Leading words that say nothing about time (« accueil », « standard »)
// are skipped. A part the grammar does not read is a remark (no items,
// ok) if it does not speak of time (« appel gratuit », « en ligne »), and
// makes the text unreadable if it does.
func readPart(toks []token) ([]item, []token, bool) {
	start := 0
	for start < len(toks) && !speaksOfTime(toks[start:start+1]) && !startWords[toks[start].text] {
		start++
	}
	if items, ok := readItems(toks[start:]); ok {
		return items, toks[:start], true
	}
	return nil, toks, !speaksOfTime(toks)
}

// startWords are the words an item may begin with that are not time words.
var startWords = map[string]bool{"du": true, "de": true, "le": true, "les": true, "en": true, "y": true, "meme": true}

func readItems(toks []token) ([]item, bool) {
	p := &parser{toks: toks}
	var items []item
	for !p.done() {
		p.word("ouvert", "ouverte", "ouverts", "ouvertes")
		if p.done() {
			break
		}
		it, ok := p.item()
		if !ok {
			return nil, false
		}
		items = append(items, it)
	}
	return items, len(items) > 0
}

func (p *parser) item() (item, bool) {
	if ds, ok := p.daySpec(); ok {
		return item{days: ds}, true
	}
	if spans, ok := p.times(); ok {
		return item{spans: spans}, true
	}
	if r, ok := p.holidays(); ok {
		return item{holidays: r}, true
	}
	return item{}, false
}

// timeWords are the words that can change when a service is open. A part
// or remark that holds one (or any number) and is not read by the grammar
// makes the text unreadable. The list errs on the side of refusing.
var timeWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		lundi mardi mercredi jeudi vendredi samedi dimanche
		jour jours j journee semaine semaines week-end week-ends weekend weekends
		heure heures h h24 minute minutes midi minuit matin matins matinee apres-midi soir soirs soiree nuit nuits
		janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
		mois an ans annee annuel annuelle trimestre saison saisons ete hiver printemps automne
		ferie feries fete fetes paques noel pentecote ascension toussaint vacances scolaire scolaires pont ponts veille veilles
		sauf hors excepte exceptes exception exceptions exceptionnel exceptionnelle exceptionnellement
		ferme fermes fermee fermees fermeture fermetures ouvert ouverte ouverts ouvertes ouverture ouvertures
		uniquement seulement sauf pas ne non jamais sur rendez-vous rdv astreinte astreintes
		jusqu jusqu'a jusqu'au depuis partir entre avant apres tous toutes chaque
		horaire horaires permanent permanente continu non-stop tard tot
		lun mar mer jeu ven sam dim`) {
		timeWords[w] = true
	}
}

// speaksOfTime reports whether any token is a number, a time word or a
// symbol other than an apostrophe-like mark.
func speaksOfTime(toks []token) bool {
	for _, t := range toks {
		switch t.kind {
		case tNumber, tDash:
			return true
		case tPunct:
			if t.text != "." && t.text != "'" {
				return true
			}
		case tWord:
			w := t.text
			if i := strings.LastIndexByte(w, '\''); i >= 0 && i < len(w)-1 {
				w = w[i+1:] // « l'heure », « d'ouverture »
			}
			if timeWords[w] || timeWords[strings.TrimSuffix(w, "s")] || hasTimeStem(w) {
				return true
			}
		}
	}
	return false
}

// timeStems catch the forms timeWords does not list (« journalier »,
// « fériée », « ouvrable », a typing slip like « jouré »).
var timeStems = strings.Fields(`lundi mardi mercredi jeudi vendredi samedi dimanche
	jour heure ferie ferme ouvr semaine midi minuit soir matin nuit vacance rendez sauf hors except`)

func hasTimeStem(w string) bool {
	for _, s := range timeStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}
