package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/store"
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
	rows, enc, err := readContactsFile(args[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s\nAucun contact n'a été importé.\n", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "Encodage lu : %s.\n", enc)
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	if problems := checkImport(c, rows); len(problems) > 0 {
		fmt.Fprintf(env.Stderr, "%s : %d erreur%s, aucun contact n'a été importé.\n", printable(args[0]), len(problems), plural(len(problems), "", "s"))
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, "  "+printable(p))
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
		if errors.Is(err, store.ErrReadOnly) {
			return userDataFailed(env, env.Core.Paths.User, err)
		}
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
		problems := append(r.c.Problems(), glyphProblems(r.c)...)
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

// readContactsFile reads a CSV or TOML file of local contacts, in any of
// the encodings decodeText knows, and returns the encoding it was read in.
func readContactsFile(path string) ([]importRow, string, error) {
	parse := map[string]func([]byte) ([]importRow, error){".csv": parseContactsCSV, ".toml": parseContactsTOML}[strings.ToLower(filepath.Ext(path))]
	if parse == nil {
		return nil, "", fmt.Errorf("« %s » : le fichier doit finir par .csv ou .toml.\n%s", printable(path), importUsage)
	}
	data, err := readImportFile(path)
	if err != nil {
		return nil, "", err
	}
	data, enc, err := decodeText(data)
	var rows []importRow
	if err == nil {
		rows, err = parse(data)
	}
	if err == nil && len(rows) == 0 {
		err = errors.New("le fichier ne contient aucun contact")
	}
	if err != nil {
		return nil, "", fmt.Errorf("« %s » : %w", printable(path), err)
	}
	return rows, enc, nil
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
	r := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, csvProblem(err)
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
			return nil, fmt.Errorf("ligne 1 : colonne « %s » inconnue (colonnes possibles : insee, role, nom, telephone, courriel, note)", printable(h))
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
		if err != nil {
			return nil, csvProblem(err) // before FieldPos, which panics after an error
		}
		line, _ := r.FieldPos(0)
		if blankRecord(rec) {
			continue // a spreadsheet's empty row: « ;;;;; »
		}
		if len(rows) == maxImportRows {
			return nil, fmt.Errorf("plus de %d contacts : découpez le fichier", maxImportRows)
		}
		if len(rec) != len(cols) {
			return nil, fmt.Errorf("ligne %d : %d colonnes au lieu de %d", line, len(rec), len(cols))
		}
		var c content.LocalContact
		for i, v := range rec {
			cols[i](&c, oneLine(v))
		}
		rows = append(rows, importRow{line: line, c: c})
	}
}

// tomlContact is one [[contact]] table. Values are decoded as any, so
// that a number written without quotes (insee = 29019) is reported with
// its line and key, in French, instead of as the decoder's type error.
type tomlContact struct {
	INSEE     any `toml:"insee"`
	Role      any `toml:"role"`
	Nom       any `toml:"nom"`
	Telephone any `toml:"telephone"`
	Courriel  any `toml:"courriel"`
	Note      any `toml:"note"`
}

func parseContactsTOML(data []byte) ([]importRow, error) {
	var f struct {
		Contact []tomlContact `toml:"contact"`
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, tomlProblem(err)
	}
	if len(f.Contact) > maxImportRows {
		return nil, fmt.Errorf("plus de %d contacts : découpez le fichier", maxImportRows)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return nil, fmt.Errorf("clé « %s » inconnue (clés possibles : insee, role, nom, telephone, courriel, note)", printable(keys[0].String()))
	}
	lines := tableLines(data, "[[contact]]")
	if len(lines) != len(f.Contact) {
		return nil, errors.New("écrivez chaque contact dans une table [[contact]], sur sa propre ligne")
	}
	rows := make([]importRow, len(f.Contact))
	for i, t := range f.Contact {
		var bad []string
		str := func(key string, v any) string {
			s, ok := v.(string)
			if v != nil && !ok {
				bad = append(bad, key)
			}
			return oneLine(s)
		}
		rows[i] = importRow{line: lines[i], c: content.LocalContact{
			INSEE: strings.ToUpper(str("insee", t.INSEE)), Role: content.Role(strings.ToLower(str("role", t.Role))),
			Name: str("nom", t.Nom), Phone: str("telephone", t.Telephone),
			Email: str("courriel", t.Courriel), Note: str("note", t.Note),
		}}
		if len(bad) > 0 {
			return nil, fmt.Errorf("ligne %d : « %s » doit s'écrire entre guillemets, même un code ou un numéro (insee = \"29019\", telephone = \"02 98 00 00 00\")", lines[i], strings.Join(bad, " », « "))
		}
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
