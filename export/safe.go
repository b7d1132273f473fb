package export

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"unicode/utf8"
)

// Error is an export that could not be made. Message is a French
// sentence for the person (what happened, what to do); Err is the cause,
// for the log.
type Error struct {
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return e.Message
	}
	return e.Message + " (détail : " + e.Err.Error() + ")"
}

func (e *Error) Unwrap() error { return e.Err }

// UserMessage returns the French sentence an export error carries, for
// a dialog or a terminal; ok is false for other errors (a full disk, a
// cancelled batch), which the caller words itself.
func UserMessage(err error) (msg string, ok bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.Message, true
	}
	return "", false
}

// errBadText is the cause of every text refused before it reaches fpdf.
var errBadText = errors.New("text the PDF fonts cannot draw")

// guard runs an export, turning a panic (in fpdf, or ours) into an Error:
// a bad value must never close the window of a mairie in a crisis.
func guard(what string, run func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{
				Message: "Le PDF " + what + " n'a pas pu être créé, à cause d'une erreur dans Repère Cyber. Aucun fichier n'a été modifié. Réessayez ; si l'erreur revient, imprimez la fiche d'une autre commune et signalez le problème.",
				Err:     fmt.Errorf("panic: %v\n%s", r, debug.Stack()),
			}
		}
	}()
	return run()
}

// checkPage refuses a page holding text the fonts cannot draw, naming
// where the text is, before any of it reaches fpdf.
func checkPage(pg Page, opt Options) error {
	check := func(where, s string) error {
		if msg := TextProblem(s); msg != "" {
			return &Error{
				Message: "Impossible de créer le PDF : le texte « " + excerpt(s) + " » (" + where + ") " + msg + ". Corrigez ce texte, puis réessayez.",
				Err:     fmt.Errorf("%w: %s: %q", errBadText, where, s),
			}
		}
		return nil
	}
	for _, h := range []struct{ where, s string }{
		{"titre de la page", pg.Title}, {"sous-titre", pg.Subtitle}, {"en-tête", pg.Kicker},
		{"présentation", pg.Advice}, {"version du contenu", opt.ContentVersion}, {"avertissement de fraîcheur", opt.Freshness}, {"nom de l'application", opt.Producer},
	} {
		if err := check(h.where, h.s); err != nil {
			return err
		}
	}
	for _, sec := range pg.Sections {
		if err := checkSection(sec, check); err != nil {
			return err
		}
	}
	for _, l := range pg.Links {
		if err := check("adresse d'un site", l.Caption+l.URL); err != nil {
			return err
		}
	}
	return nil
}

func checkSection(sec Section, check func(where, s string) error) error {
	if TextProblem(sec.Title+sec.Intro) != "" {
		return check("rubrique « "+sec.Title+" »", sec.Title+sec.Intro)
	}
	for _, r := range sec.Rows {
		// The place is worded only for a text that fails: a batch checks
		// some 300 texts per page.
		row := func(s string) error {
			if TextProblem(s) == "" {
				return nil
			}
			where := "rubrique « " + sec.Title + " »"
			if name := strings.ToValidUTF8(r.Name, ""); name != "" {
				where += ", ligne « " + name + " »"
			}
			return check(where, s)
		}
		for _, s := range []string{r.Name, r.Detail, r.Big, r.BigPrefix, r.Text, r.When} {
			if err := row(s); err != nil {
				return err
			}
		}
		for _, v := range r.Values {
			if err := row(v.Text); err != nil {
				return err
			}
		}
	}
	return nil
}

// TextProblem says, in words that follow « le texte … » in a message,
// what the fonts cannot draw in s (« contient « 😀 » (U+1F600), un
// caractère que… »); empty when every character prints. Importers can
// refuse such text at input, with its line number, by the same rule.
func TextProblem(s string) string {
	if !utf8.ValidString(s) {
		return "contient des caractères mal codés (souvent un fichier enregistré par Excel en « Windows-1252 » au lieu d'UTF-8 : réimportez-le)"
	}
	for _, r := range s {
		if !drawable(r) {
			return "contient « " + string(r) + " » (" + fmt.Sprintf("U+%04X", r) + "), un caractère que la police des fiches ne sait pas imprimer (émoji, écriture non latine…)"
		}
	}
	return ""
}

// drawable reports whether the embedded fonts, as cut by fontRanges,
// have r. Line feeds are allowed: paragraphs keep them as spaces.
func drawable(r rune) bool {
	if r == '\n' {
		return true
	}
	for _, rg := range fontRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// excerpt is s made printable and short enough to quote in a message.
func excerpt(s string) string {
	s = strings.ToValidUTF8(s, "�")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
