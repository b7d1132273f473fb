package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Problem is one thing wrong with the content, located for the person who
// edits the TOML files.
type Problem struct {
	File  string
	Entry string
	Msg   string
}

func (p Problem) String() string {
	switch {
	case p.Entry != "":
		return fmt.Sprintf("%s [%s] : %s", p.File, p.Entry, p.Msg)
	case p.File != "":
		return fmt.Sprintf("%s : %s", p.File, p.Msg)
	}
	return p.Msg
}

// Territories is what validation needs to know of the map of France.
type Territories struct {
	Regions      map[string]bool
	Departements map[string]bool
}

// CategoryCSIRT and CategoryANSSI are the categories every région must be
// covered in, by an entry or by a recorded gap.
const (
	CategoryCSIRT = "csirt"
	CategoryANSSI = "anssi-region"
)

// CategoryWhoDoesWhat holds the bodies that take no calls from the public
// (OFAC, UNC, COMCYBER-MI, the historical RCM addresses): shown in the
// directory to say who does what, never in a list of whom to call.
const CategoryWhoDoesWhat = "qui-fait-quoi"

// SummaryMax is the longest summary allowed, in characters: it must fit on
// one line of a result list.
const SummaryMax = 200

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
	seedPattern = regexp.MustCompile(`^seed:\d{3}_[0-9a-f]{16}\.txt$`)
)

// Validate checks the whole bundle against the rules of docs in
// assets/content/README.md and returns every problem found, in a stable
// order. today bounds source dates: none may lie in the future.
func Validate(b *Bundle, t Territories, today time.Time) []Problem {
	v := &validator{b: b, t: t, today: today.Format("2006-01-02")}
	v.meta()
	v.categories()
	ids := v.entries()
	v.related(ids)
	v.gaps(ids)
	v.coverage()
	return v.problems
}

type validator struct {
	b        *Bundle
	t        Territories
	today    string
	problems []Problem
}

func (v *validator) add(file, entry, format string, args ...any) {
	v.problems = append(v.problems, Problem{File: file, Entry: entry, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) meta() {
	if v.b.Meta.Version == "" {
		v.add("", "", "aucun fichier ne donne [meta] version")
	}
	if !datePattern.MatchString(v.b.Meta.Date) || len(v.b.Meta.Date) != 10 {
		v.add("", "", "[meta] date doit être une date AAAA-MM-JJ, pas %q", v.b.Meta.Date)
	}
}

func (v *validator) categories() {
	seen := map[string]bool{}
	for _, c := range v.b.Categories {
		switch {
		case !idPattern.MatchString(c.ID):
			v.add("", "", "catégorie %q : identifiant invalide", c.ID)
		case seen[c.ID]:
			v.add("", "", "catégorie %q définie deux fois", c.ID)
		case !validKind(c.Kind):
			v.add("", "", "catégorie %q : type %q inconnu", c.ID, c.Kind)
		case c.Title == "":
			v.add("", "", "catégorie %q sans titre", c.ID)
		}
		seen[c.ID] = true
	}
}

func (v *validator) category(id string) (Category, bool) {
	for _, c := range v.b.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

func (v *validator) entries() map[string]Entry {
	ids := make(map[string]Entry, len(v.b.Entries))
	for _, e := range v.b.Entries {
		if prev, dup := ids[e.ID]; dup {
			v.add(e.File, e.ID, "identifiant déjà utilisé dans %s", prev.File)
			continue
		}
		ids[e.ID] = e
		v.entry(e)
	}
	return ids
}

func (v *validator) entry(e Entry) {
	bad := func(format string, args ...any) { v.add(e.File, e.ID, format, args...) }
	if !idPattern.MatchString(e.ID) {
		bad("identifiant invalide (minuscules, chiffres et tirets seulement)")
	}
	if !validKind(e.Kind) {
		bad("type %q inconnu (service, definition ou elus)", e.Kind)
	}
	if c, ok := v.category(e.Category); !ok {
		bad("catégorie %q inconnue", e.Category)
	} else if c.Kind != e.Kind {
		bad("la catégorie %q est réservée au type %q", e.Category, c.Kind)
	}
	for _, f := range [...]struct{ name, val string }{{"title", e.Title}, {"summary", e.Summary}, {"body", e.Body}} {
		if strings.TrimSpace(f.val) == "" {
			bad("champ %s vide", f.name)
		}
	}
	if n := len([]rune(e.Summary)); n > SummaryMax {
		bad("résumé trop long (%d caractères, %d au plus)", n, SummaryMax)
	}
	if len(e.Audience) == 0 {
		bad("aucun public (audience)")
	}
	for _, a := range e.Audience {
		if !validAudience(a) {
			bad("public %q inconnu", a)
		}
	}
	v.scope(e, bad)
	v.status(e.Status, e.Note, bad)
	for _, s := range e.Sources {
		v.source(s, "source de la fiche", bad)
	}
	if len(e.Sources) == 0 && len(e.Contacts) == 0 && e.Kind != KindDefinition {
		bad("ni source ni contact")
	}
	for i, c := range e.Contacts {
		v.contact(c, i+1, bad)
	}
}

func (v *validator) scope(e Entry, bad func(string, ...any)) {
	for _, r := range e.Regions {
		if !v.t.Regions[r] {
			bad("code région %q inconnu", r)
		}
	}
	for _, d := range e.Departements {
		if !v.t.Departements[d] {
			bad("code département %q inconnu", d)
		}
	}
	if e.Category == CategoryCSIRT && e.National() {
		bad("un CSIRT doit être rattaché à au moins une région")
	}
}

func (v *validator) status(s Status, note string, bad func(string, ...any)) {
	switch s {
	case StatusOK:
	case StatusToCheck:
		if strings.TrimSpace(note) == "" {
			bad("« à vérifier » sans note qui explique pourquoi")
		}
	default:
		bad("statut %q inconnu (ok ou a_verifier)", s)
	}
}

func (v *validator) source(s Source, what string, bad func(string, ...any)) {
	switch {
	case s.URL == "":
		bad("%s : aucune source", what)
	case s.IsSeed():
		if !seedPattern.MatchString(s.URL) {
			bad("%s : nom de document source invalide %q", what, s.URL)
		} else if _, ok := seedTitles[strings.TrimPrefix(s.URL, seedPrefix)]; !ok {
			bad("%s : le document %q n'a pas de titre (content/seeds.go)", what, s.URL)
		}
	default:
		if err := checkURL(s.URL, false); err != "" {
			bad("%s : source %q : %s", what, s.URL, err)
		}
	}
	switch {
	case s.Date == "":
		bad("%s : source sans date", what)
	case !datePattern.MatchString(s.Date):
		bad("%s : date %q invalide (AAAA, AAAA-MM ou AAAA-MM-JJ)", what, s.Date)
	case s.Date > v.today:
		bad("%s : date %q dans le futur", what, s.Date)
	}
}

func (v *validator) contact(c Contact, n int, bad func(string, ...any)) {
	what := fmt.Sprintf("contact %d (%s)", n, c.Type)
	if strings.TrimSpace(c.Value) == "" {
		bad("%s : valeur vide", what)
	}
	switch c.Type {
	case ContactPhone, ContactSMS:
		if !ValidPhone(c.Value) {
			bad("%s : %q n'est pas un numéro français valide", what, c.Value)
		}
	case ContactEmail:
		if a, err := mail.ParseAddress(c.Value); err != nil || a.Address != c.Value {
			bad("%s : adresse %q invalide", what, c.Value)
		}
	case ContactURL:
		if err := checkURL(c.Value, true); err != "" {
			bad("%s : %q : %s", what, c.Value, err)
		}
	case ContactAddress, ContactHours:
	default:
		bad("%s : type inconnu", what)
	}
	v.source(c.SourceOf(), what, bad)
	v.status(c.Status, c.Note, func(f string, a ...any) { bad(what+" : "+f, a...) })
}

func checkURL(raw string, mustHTTPS bool) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Host == "":
		return "adresse web invalide"
	case mustHTTPS && u.Scheme != "https":
		return "doit commencer par https://"
	case u.Scheme != "https" && u.Scheme != "http":
		return "doit commencer par https:// ou http://"
	}
	return ""
}

var (
	phoneNational = regexp.MustCompile(`^0[1-9]\d{8}$`)
	phoneIntl     = regexp.MustCompile(`^\+\d{8,15}$`)
	// Short numbers of the French numbering plan: 1X and 11X emergency
	// numbers, 116XXX European numbers, 3BPQ services and 3XXXX SMS codes.
	phoneShort = regexp.MustCompile(`^(1[0-9]|11[0-9]|116\d{3}|3\d{3}|3\d{4})$`)
)

// ValidPhone reports whether s is a French phone number: ten digits from
// 0, a short number, or an international number with +. Spaces, dots and
// non-breaking spaces between digit groups are allowed.
func ValidPhone(s string) bool {
	d := DialString(s)
	return phoneNational.MatchString(d) || phoneIntl.MatchString(d) || phoneShort.MatchString(d)
}

// DialString strips a phone number down to what is dialled: digits and a
// leading plus.
func DialString(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		} else if !strings.ContainsRune(" .-\u00a0\u202f()", r) {
			return s // not a phone number: keep it whole so it fails to match
		}
	}
	return b.String()
}

func (v *validator) related(ids map[string]Entry) {
	for _, e := range v.b.Entries {
		for _, r := range e.Related {
			if r == e.ID {
				v.add(e.File, e.ID, "se cite elle-même dans related")
			} else if _, ok := ids[r]; !ok {
				v.add(e.File, e.ID, "related cite %q, qui n'existe pas", r)
			}
		}
	}
}

func (v *validator) gaps(ids map[string]Entry) {
	for _, g := range v.b.Gaps {
		bad := func(format string, args ...any) { v.add("", "lacune "+g.Region+"/"+g.Category, format, args...) }
		if !v.t.Regions[g.Region] {
			bad("code région inconnu")
		}
		if _, ok := v.category(g.Category); !ok {
			bad("catégorie inconnue")
		}
		if strings.TrimSpace(g.Note) == "" {
			bad("note vide : dites ce qui manque et pourquoi")
		}
		for _, f := range g.Fallback {
			if _, ok := ids[f]; !ok {
				bad("fallback cite %q, qui n'existe pas", f)
			}
		}
		for _, s := range g.Sources {
			v.source(s, "source", bad)
		}
	}
}

// coverage checks that every région has a CSIRT and an ANSSI contact, or a
// recorded gap that says why not.
func (v *validator) coverage() {
	for _, cat := range []string{CategoryCSIRT, CategoryANSSI} {
		covered := map[string]bool{}
		for _, e := range v.b.Entries {
			if e.Category == cat {
				for _, r := range e.Regions {
					covered[r] = true
				}
			}
		}
		for _, g := range v.b.Gaps {
			if g.Category == cat {
				covered[g.Region] = true
			}
		}
		var missing []string
		for r := range v.t.Regions {
			if !covered[r] {
				missing = append(missing, r)
			}
		}
		sort.Strings(missing)
		for _, r := range missing {
			v.add("", "", "région %s : aucune entrée %q ni lacune déclarée", r, cat)
		}
	}
}

func validKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func validAudience(a Audience) bool {
	for _, x := range Audiences {
		if x == a {
			return true
		}
	}
	return false
}
