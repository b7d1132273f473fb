package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// csvProblem says in French, with its line, what the CSV reader found
// wrong, and how to fix it.
func csvProblem(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("fichier CSV illisible (%v)", err)
	}
	var what string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		what = "un guillemet \" au milieu d'une valeur : entourez la valeur de guillemets et doublez ceux qu'elle contient (\"Mairie \"\"annexe\"\"\"), ou retirez-le"
	case errors.Is(pe.Err, csv.ErrQuote):
		what = "un guillemet \" ouvert n'est jamais fermé (ou un guillemet est en trop après la valeur) : vérifiez les guillemets de cette ligne"
	case errors.Is(pe.Err, csv.ErrFieldCount):
		what = "nombre de colonnes différent de l'en-tête"
	default:
		what = "ligne illisible (" + pe.Err.Error() + ")"
	}
	line := pe.StartLine
	if line == 0 {
		line = pe.Line
	}
	return fmt.Errorf("ligne %d : %s", line, what)
}

// tomlProblem says in French, with its line when known, what the TOML
// decoder found wrong.
func tomlProblem(err error) error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("fichier TOML illisible (%v)", err)
	}
	msg := "syntaxe TOML invalide (" + printable(pe.Message) + ") : chaque contact commence par [[contact]], puis une ligne clé = \"valeur\" par champ"
	if pe.Position.Line > 0 {
		return fmt.Errorf("ligne %d : %s", pe.Position.Line, msg)
	}
	return errors.New(msg)
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
