// Package content holds Repère Cyber's domain types (reference entries, their
// contacts and sources, communes and the territories around them) and loads
// the human-edited TOML files that describe them.
//
// It knows nothing of SQLite or Fyne: the store persists these types and the
// user interface renders them.
package content

import "strings"

// Kind says which part of the reference an entry belongs to.
type Kind string

// The kinds of reference entries.
const (
	KindService    Kind = "service"
	KindDefinition Kind = "definition"
	KindElus       Kind = "elus"
)

// Kinds lists every entry kind in display order.
var Kinds = []Kind{KindService, KindDefinition, KindElus}

// Label is the French name of a kind, as shown to people.
func (k Kind) Label() string {
	switch k {
	case KindService:
		return "Service"
	case KindDefinition:
		return "Définition"
	case KindElus:
		return "Pack sécurité élus"
	}
	return string(k)
}

// Status tells whether the facts of an entry or contact agree across sources.
type Status string

// The statuses a fact can have.
const (
	StatusOK        Status = "ok"
	StatusToCheck   Status = "a_verifier"
	labelToCheck           = "à vérifier"
	labelHistorical        = "historique"
)

// Label is the badge shown next to a fact, empty when nothing needs saying.
func (s Status) Label() string {
	if s == StatusToCheck {
		return labelToCheck
	}
	return ""
}

// Audience is a kind of person or body an entry is meant for.
type Audience string

// The audiences an entry can address.
const (
	AudienceCollectivite Audience = "collectivite"
	AudienceElu          Audience = "elu"
	AudienceAgent        Audience = "agent"
	AudienceParticulier  Audience = "particulier"
	AudienceEntreprise   Audience = "entreprise"
)

// Audiences lists every audience in display order.
var Audiences = []Audience{AudienceCollectivite, AudienceElu, AudienceAgent, AudienceParticulier, AudienceEntreprise}

// Label is the French name of an audience.
func (a Audience) Label() string {
	switch a {
	case AudienceCollectivite:
		return "Collectivité"
	case AudienceElu:
		return "Élu"
	case AudienceAgent:
		return "Agent"
	case AudienceParticulier:
		return "Particulier"
	case AudienceEntreprise:
		return "Entreprise"
	}
	return string(a)
}

// ContactType says how a contact is reached.
type ContactType string

// The types of contact an entry can list.
const (
	ContactPhone   ContactType = "phone"
	ContactSMS     ContactType = "sms"
	ContactEmail   ContactType = "email"
	ContactURL     ContactType = "url"
	ContactAddress ContactType = "address"
	ContactHours   ContactType = "hours"
)

// Label is the French name of a contact type.
func (t ContactType) Label() string {
	switch t {
	case ContactPhone:
		return "Téléphone"
	case ContactSMS:
		return "SMS"
	case ContactEmail:
		return "Courriel"
	case ContactURL:
		return "Site web"
	case ContactAddress:
		return "Adresse"
	case ContactHours:
		return "Horaires"
	}
	return string(t)
}

// Source is where a fact comes from and when that source was written.
type Source struct {
	// URL is a web address or "seed:FILE" for one of the project's seed documents.
	URL string `toml:"url"`
	// Date is the date of the source: YYYY, YYYY-MM or YYYY-MM-DD.
	Date string `toml:"date"`
	// Undated is true when the source shows no date; Date is then the day it was read.
	Undated bool `toml:"undated"`
}

// IsSeed reports whether the source is one of the project's seed documents.
func (s Source) IsSeed() bool { return strings.HasPrefix(s.URL, seedPrefix) }

const seedPrefix = "seed:"

// Contact is one way to reach a service, with the source that gives it.
type Contact struct {
	Type  ContactType `toml:"type"`
	Label string      `toml:"label"`
	Value string      `toml:"value"`
	// Source and Date default to the entry's first source when empty.
	Source  string `toml:"source"`
	Date    string `toml:"date"`
	Undated bool   `toml:"undated"`
	Status  Status `toml:"status"`
	// Note explains a disagreement between sources or any caveat.
	Note string `toml:"note"`
}

// SourceOf returns the contact's source as a Source value.
func (c Contact) SourceOf() Source { return Source{URL: c.Source, Date: c.Date, Undated: c.Undated} }

// Entry is one card of the reference: a service, a definition or a pack élus item.
type Entry struct {
	ID       string `toml:"id"`
	Kind     Kind   `toml:"kind"`
	Category string `toml:"category"`
	Title    string `toml:"title"`
	Summary  string `toml:"summary"`
	Body     string `toml:"body"`
	// Synonyms are other names for the same thing, English terms included.
	Synonyms []string `toml:"synonyms"`
	// Keywords are related words people may type when looking for it.
	Keywords []string   `toml:"keywords"`
	Audience []Audience `toml:"audience"`
	// Regions and Departements restrict the entry to territories (INSEE
	// codes); both empty means national.
	Regions      []string `toml:"regions"`
	Departements []string `toml:"departements"`
	Related      []string `toml:"related"`
	Status       Status   `toml:"status"`
	Note         string   `toml:"note"`
	// Historical marks entries kept for reference that no longer describe
	// the current organisation.
	Historical bool      `toml:"historical"`
	Sources    []Source  `toml:"sources"`
	Contacts   []Contact `toml:"contacts"`
	// File is the content file the entry was read from, for error messages.
	File string `toml:"-"`
}

// National reports whether the entry applies everywhere.
func (e Entry) National() bool { return len(e.Regions) == 0 && len(e.Departements) == 0 }

// Covers reports whether the entry applies to a commune of the given
// département and région.
func (e Entry) Covers(dep, reg string) bool {
	if e.National() {
		return true
	}
	return contains(e.Regions, reg) || contains(e.Departements, dep)
}

// NeedsCheck reports whether the entry or any of its contacts is « à vérifier ».
func (e Entry) NeedsCheck() bool {
	if e.Status == StatusToCheck {
		return true
	}
	for _, c := range e.Contacts {
		if c.Status == StatusToCheck {
			return true
		}
	}
	return false
}

// MainContact is the contact to show first when there is room for one:
// a phone, else an SMS number, else a website, else an email.
func (e Entry) MainContact() (Contact, bool) {
	for _, t := range []ContactType{ContactPhone, ContactSMS, ContactURL, ContactEmail} {
		for _, c := range e.Contacts {
			if c.Type == t {
				return c, true
			}
		}
	}
	return Contact{}, false
}

// Hours returns the entry's opening hours, if it gives them.
func (e Entry) Hours() (Contact, bool) {
	for _, c := range e.Contacts {
		if c.Type == ContactHours {
			return c, true
		}
	}
	return Contact{}, false
}

// Doubtful reports whether what a person uses first is « à vérifier »:
// the entry as a whole, or its main contact. A doubt on its hours or on a
// second address is said next to that value, not on the whole entry.
func (e Entry) Doubtful() bool {
	if e.Status == StatusToCheck {
		return true
	}
	c, ok := e.MainContact()
	return ok && c.Status == StatusToCheck
}

// ToConfirm says in plain words which value of a contact is « à
// vérifier » (« horaires à confirmer »), empty when it is not.
func (c Contact) ToConfirm() string {
	if c.Status != StatusToCheck {
		return ""
	}
	switch c.Type {
	case ContactPhone, ContactSMS:
		return "numéro à confirmer"
	case ContactEmail:
		return "adresse de courriel à confirmer"
	case ContactURL:
		return "adresse du site à confirmer"
	case ContactAddress:
		return "adresse postale à confirmer"
	case ContactHours:
		return "horaires à confirmer"
	}
	return "à confirmer"
}

// Badges returns the short labels shown next to the entry title.
func (e Entry) Badges() []string {
	var b []string
	if e.Doubtful() {
		b = append(b, labelToCheck)
	}
	if e.Historical {
		b = append(b, labelHistorical)
	}
	return b
}

// Category is a group of entries in the directory.
type Category struct {
	ID    string `toml:"id"`
	Kind  Kind   `toml:"kind"`
	Title string `toml:"title"`
	// Order sorts categories in the directory; lower comes first.
	Order int `toml:"order"`
}

// CoverageGap records a territory with no service of some category, and
// what people there should do instead.
type CoverageGap struct {
	Region   string `toml:"region"`
	Category string `toml:"category"`
	Note     string `toml:"note"`
	// Fallback lists the entries to offer instead.
	Fallback []string `toml:"fallback"`
	Sources  []Source `toml:"sources"`
}

// Meta describes the bundled content as a whole.
type Meta struct {
	Version string `toml:"version"`
	// Date is the day the content was last reviewed.
	Date string `toml:"date"`
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// SearchRules are the language rules of search, kept with the content so
// that editors can tune them: words too common to mean anything, and
// abbreviations people type (« st » for « saint »).
type SearchRules struct {
	Stopwords     []string          `toml:"stopwords"`
	Abbreviations map[string]string `toml:"abbreviations"`
}
