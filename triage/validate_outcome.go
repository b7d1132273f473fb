package triage

import (
	"slices"

	"reperecyber/content"
)

func (v *validator) outcome(o Outcome) {
	if o.Title == "" {
		v.add(o.ID, "issue sans titre")
	}
	v.diagnosis(o)
	if len(o.Steps) == 0 {
		v.add(o.ID, "issue sans étape « à faire maintenant »")
	}
	if len(o.Contacts) == 0 {
		v.add(o.ID, "issue sans contact")
	}
	for _, l := range []struct {
		name string
		list []string
	}{{"steps", o.Steps}, {"dont", o.Dont}, {"evidence", o.Evidence}, {"deadlines", o.Deadlines}, {"keywords", o.Keywords}} {
		if slices.Contains(l.list, "") {
			v.add(o.ID, "texte vide dans %s", l.name)
		}
	}
	v.contacts(o)
	v.sources(o)
	v.seeAlso(o)
	v.continueAt(o)
}

// diagnosis must name a card. Usually a definition or a pack élus card;
// a service card is accepted where it is the reference for the situation
// and no definition exists (Perceval for bank-card fraud, Pharos for
// illegal public content).
func (v *validator) diagnosis(o Outcome) {
	_, ok := v.known[o.Diagnosis]
	switch {
	case o.Diagnosis == "":
		v.add(o.ID, "issue sans diagnostic")
	case !ok:
		v.add(o.ID, "diagnostic %q : aucune fiche ne porte cet identifiant", o.Diagnosis)
	}
}

func (v *validator) contacts(o Outcome) {
	seen := map[string]bool{}
	for _, c := range o.Contacts {
		if seen[c.Ref] {
			v.add(o.ID, "contact %q en double", c.Ref)
		}
		seen[c.Ref] = true
		if r, isRole := c.Role(); isRole {
			if !r.Valid() {
				v.add(o.ID, "contact %q : rôle inconnu ; rôles possibles : %v", c.Ref, content.Roles)
			}
			continue
		}
		if cat, local := c.Local(); local {
			if !slices.Contains(LocalCategories, cat) {
				v.add(o.ID, "contact %q : seuls %v se résolvent pour la commune", c.Ref, LocalCategories)
			}
			continue
		}
		kind, ok := v.known[c.Ref]
		switch {
		case !ok:
			v.add(o.ID, "contact %q : aucune fiche ne porte cet identifiant", c.Ref)
		case kind != content.KindService && kind != content.KindElus:
			v.add(o.ID, "contact %q : un service ou une fiche du pack élus est attendu, pas un %s", c.Ref, kind)
		}
	}
}

// sources requires at least one source: every outcome states rules
// (what to do, whom to call, deadlines) and a rule needs its source.
func (v *validator) sources(o Outcome) {
	if len(o.Sources) == 0 {
		v.add(o.ID, "issue sans source")
	}
	for _, s := range o.Sources {
		if s.URL == "" || !datePattern.MatchString(s.Date) {
			v.add(o.ID, "source incomplète : adresse %q, date %q (AAAA, AAAA-MM ou AAAA-MM-JJ)", s.URL, s.Date)
		}
	}
}
