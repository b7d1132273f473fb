package content

import (
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Role is what a local contact is to the mairie: its brigade, its IT
// provider, its insurer… A commune has at most one contact per role.
type Role string

// The roles of local contacts, as written in import files.
const (
	RoleForces   Role = "forces"        // brigade de gendarmerie ou commissariat
	RoleReferent Role = "referent-elus" // référent « atteintes aux élus » de la brigade
	RoleIT       Role = "informatique"  // prestataire informatique
	RoleInsurer  Role = "assureur"      // assureur (cyber, responsabilité)
	RoleDPO      Role = "dpo"           // délégué à la protection des données
	RoleHost     Role = "hebergeur"     // hébergeur du site web
	RoleOnCall   Role = "elu-astreinte" // élu d'astreinte
)

// Roles lists every role in the order the contact sheet shows them.
var Roles = []Role{RoleForces, RoleReferent, RoleIT, RoleInsurer, RoleDPO, RoleHost, RoleOnCall}

// Label is the French name of a role, as printed on the contact sheet.
func (r Role) Label() string {
	switch r {
	case RoleForces:
		return "Brigade ou commissariat"
	case RoleReferent:
		return "Référent « atteintes aux élus »"
	case RoleIT:
		return "Prestataire informatique"
	case RoleInsurer:
		return "Assureur"
	case RoleDPO:
		return "Délégué à la protection des données (DPO)"
	case RoleHost:
		return "Hébergeur du site web"
	case RoleOnCall:
		return "Élu d'astreinte"
	}
	return string(r)
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if v == r {
			return true
		}
	}
	return false
}

// Limits on local contact fields, so that the fullest contact sheet still
// fits on one page.
const (
	MaxLocalName  = 60
	MaxLocalEmail = 60
	MaxLocalNote  = 80
)

// LocalContact is a contact the mairie knows for itself, entered in the
// application or imported by a référent. It is the mairie's own data: it
// has no source and is never checked against the reference.
type LocalContact struct {
	// INSEE is the commune's code.
	INSEE string
	Role  Role
	Name  string
	Phone string
	Email string
	Note  string
}

// Problems lists, in French, what is wrong with the contact; nil means it
// can be stored.
func (c LocalContact) Problems() []string {
	var out []string
	add := func(s string) { out = append(out, s) }
	if !ValidINSEE(c.INSEE) {
		add("code INSEE « " + c.INSEE + " » invalide (5 caractères, par exemple 29019 ou 2A004)")
	}
	if !c.Role.Valid() {
		add("rôle « " + string(c.Role) + " » inconnu ; rôles possibles : " + roleList())
	}
	if strings.TrimSpace(c.Name+c.Phone+c.Email) == "" {
		add("il faut au moins un nom, un téléphone ou un courriel")
	}
	if c.Phone != "" && !ValidPhone(c.Phone) {
		add("téléphone « " + c.Phone + " » invalide (10 chiffres, numéro court ou +33…)")
	}
	if c.Email != "" && !validEmail(c.Email) {
		add("courriel « " + c.Email + " » invalide")
	}
	out = append(out, tooLong("nom", c.Name, MaxLocalName)...)
	out = append(out, tooLong("courriel", c.Email, MaxLocalEmail)...)
	return append(out, tooLong("note", c.Note, MaxLocalNote)...)
}

// ValidINSEE reports whether s has the shape of a commune's INSEE code:
// five digits, or 2A/2B followed by three digits for Corsica.
func ValidINSEE(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < 5; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || i == 1 && (c == 'A' || c == 'B') && s[0] == '2') {
			return false
		}
	}
	return true
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && !strings.ContainsAny(s, " <>")
}

func tooLong(field, s string, max int) []string {
	if n := utf8.RuneCountInString(s); n > max {
		return []string{field + " trop long (" + FormatInt(n) + " caractères, " + FormatInt(max) + " au plus)"}
	}
	return nil
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}
