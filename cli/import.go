package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/textfold"
)

const importUsage = `Usage : reperecyber import-contacts FICHIER.csv|FICHIER.toml
CSV : une ligne d'en-tête insee,role,nom,telephone,courriel,note (virgules ou points-virgules).
TOML : des tables [[contact]] avec les mêmes clés.
Rôles : ` + "forces, referent-elus, informatique, assureur, dpo, hebergeur, elu-astreinte"

// importRow is a contact read from a file, with the line it starts on.
type importRow struct {
	line int
	c    content.LocalContact
}

func runImportContacts(ctx context.Context, env Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, importUsage)
		return ExitUsage
	}
	rows, err := readContactsFile(args[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s\nAucun contact n'a été importé.\n", err)
		return ExitUsage
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	if problems := checkImport(c, rows); len(problems) > 0 {
		fmt.Fprintf(env.Stderr, "%s : %d erreur%s, aucun contact n'a été importé.\n", args[0], len(problems), plural(len(problems), "", "s"))
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, "  "+p)
		}
		return ExitUsage
	}
	return storeImport(ctx, env, c, rows)
}

func storeImport(ctx context.Context, env Env, c *core.Core, rows []importRow) int {
	user, ok := user(env, c)
	if !ok {
		return ExitFailure
	}
	list := make([]content.LocalContact, len(rows))
	communes := map[string]bool{}
	for i, r := range rows {
		list[i] = r.c
		communes[r.c.INSEE] = true
	}
	if err := user.ImportLocalContacts(ctx, list); err != nil {
		return failed(env, "L'import a échoué ; aucun contact n'a été modifié.", err)
	}
	fmt.Fprintf(env.Stdout, "%d contact%s importé%s pour %d commune%s.\n", len(list), plural(len(list), "", "s"), plural(len(list), "", "s"), len(communes), plural(len(communes), "", "s"))
	return ExitOK
}

// checkImport lists, in French with line numbers, every problem of every
// row: a référent fixes the whole file in one go.
func checkImport(c *core.Core, rows []importRow) []string {
	var out []string
	seen := map[string]int{}
	for _, r := range rows {
		problems := r.c.Problems()
		if content.ValidINSEE(r.c.INSEE) {
			if _, found := c.Commune(r.c.INSEE); !found {
				problems = append(problems, "aucune commune n'a le code INSEE « "+r.c.INSEE+" »")
			}
		}
		key := r.c.INSEE + "/" + string(r.c.Role)
		if first, dup := seen[key]; dup {
			problems = append(problems, fmt.Sprintf("même commune et même rôle qu'à la ligne %d", first))
		} else {
			seen[key] = r.line
		}
		for _, p := range problems {
			out = append(out, fmt.Sprintf("ligne %d : %s", r.line, p))
		}
	}
	return out
}

// readContactsFile reads a CSV or TOML file of local contacts.
func readContactsFile(path string) ([]importRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, userMessage(fmt.Sprintf("Impossible de lire « %s » : %v", path, err))
	}
	var rows []importRow
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		rows, err = parseContactsCSV(data)
	case ".toml":
		rows, err = parseContactsTOML(data)
	default:
		return nil, fmt.Errorf("« %s » : le fichier doit finir par .csv ou .toml.\n%s", path, importUsage)
	}
	if err == nil && len(rows) == 0 {
		err = errors.New("le fichier ne contient aucun contact")
	}
	if err != nil {
		return nil, fmt.Errorf("« %s » : %w", path, err)
	}
	return rows, nil
}

// csvColumns maps folded header names to fields.
var csvColumns = map[string]func(*content.LocalContact, string){
	"insee":     func(c *content.LocalContact, v string) { c.INSEE = strings.ToUpper(v) },
	"role":      func(c *content.LocalContact, v string) { c.Role = content.Role(strings.ToLower(v)) },
	"nom":       func(c *content.LocalContact, v string) { c.Name = v },
	"telephone": func(c *content.LocalContact, v string) { c.Phone = v },
	"courriel":  func(c *content.LocalContact, v string) { c.Email = v },
	"note":      func(c *content.LocalContact, v string) { c.Note = v },
}

func parseContactsCSV(data []byte) ([]importRow, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a spreadsheet's byte order mark
	r := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("ligne 1 : en-tête illisible (%v)", err)
	}
	cols, err := csvHeader(header)
	if err != nil {
		return nil, err
	}
	return csvRows(r, cols)
}

func csvHeader(header []string) ([]func(*content.LocalContact, string), error) {
	cols := make([]func(*content.LocalContact, string), len(header))
	for i, h := range header {
		set, ok := csvColumns[strings.ReplaceAll(textfold.Fold(h), " ", "")]
		if !ok {
			return nil, fmt.Errorf("ligne 1 : colonne « %s » inconnue (colonnes possibles : insee, role, nom, telephone, courriel, note)", h)
		}
		cols[i] = set
	}
	return cols, nil
}

func csvRows(r *csv.Reader, cols []func(*content.LocalContact, string)) ([]importRow, error) {
	var rows []importRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("ligne %d : %v", line, err)
		}
		if len(rec) != len(cols) {
			return nil, fmt.Errorf("ligne %d : %d colonnes au lieu de %d", line, len(rec), len(cols))
		}
		var c content.LocalContact
		for i, v := range rec {
			cols[i](&c, strings.TrimSpace(v))
		}
		rows = append(rows, importRow{line: line, c: c})
	}
}

// tomlContact is one [[contact]] table.
type tomlContact struct {
	INSEE     string `toml:"insee"`
	Role      string `toml:"role"`
	Nom       string `toml:"nom"`
	Telephone string `toml:"telephone"`
	Courriel  string `toml:"courriel"`
	Note      string `toml:"note"`
}

func parseContactsTOML(data []byte) ([]importRow, error) {
	var f struct {
		Contact []tomlContact `toml:"contact"`
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("ligne %d : %s", pe.Position.Line, pe.Message)
		}
		return nil, err
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return nil, fmt.Errorf("clé « %s » inconnue (clés possibles : insee, role, nom, telephone, courriel, note)", keys[0])
	}
	lines := tableLines(data, "[[contact]]")
	if len(lines) != len(f.Contact) {
		return nil, errors.New("écrivez chaque contact dans une table [[contact]], sur sa propre ligne")
	}
	rows := make([]importRow, len(f.Contact))
	for i, t := range f.Contact {
		rows[i] = importRow{line: lines[i], c: content.LocalContact{
			INSEE: strings.ToUpper(strings.TrimSpace(t.INSEE)), Role: content.Role(strings.ToLower(strings.TrimSpace(t.Role))),
			Name: strings.TrimSpace(t.Nom), Phone: strings.TrimSpace(t.Telephone),
			Email: strings.TrimSpace(t.Courriel), Note: strings.TrimSpace(t.Note),
		}}
	}
	return rows, nil
}

// tableLines returns the line numbers of a TOML table header, in order:
// the decoder does not tell where each table starts.
func tableLines(data []byte, header string) []int {
	var out []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), header) {
			out = append(out, i+1)
		}
	}
	return out
}
