package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Communes are the current communes, kept as the rows of communes.tsv:
// the text of the file and where each row starts. 35,000 Commune values
// would take some 5 MB of memory in 70,000 small pieces, held for the
// whole life of the program; the rows take the file's 1.5 MB and 140 KB
// of offsets, and a commune is read from its row when asked for, in a
// fraction of a microsecond. Rows are in INSEE order.
//
// A row is: INSEE code, name, postcodes (separated by spaces),
// département, région, EPCI SIREN, population, separated by tabs.
type Communes struct {
	text string
	rows []uint32 // start of each row in text
}

// communeFields is the number of fields of a row of communes.tsv.
const communeFields = 7

// parseCommunes checks every row of communes.tsv (its fields, its
// population) and keeps the text. The first bad row is reported by its
// line number.
func parseCommunes(data []byte) (Communes, error) {
	cs := Communes{text: string(data)}
	if len(cs.text) > 1<<32-1 { // rows start at 32-bit offsets
		return Communes{}, fmt.Errorf("communes.tsv: too large")
	}
	for at, line := 0, 1; at < len(cs.text); line++ {
		end := strings.IndexByte(cs.text[at:], '\n')
		if end < 0 {
			end = len(cs.text) - at
		}
		row := strings.TrimSuffix(cs.text[at:at+end], "\r")
		if n := strings.Count(row, "\t") + 1; n != communeFields {
			return Communes{}, fmt.Errorf("communes.tsv:%d: %d fields, want %d", line, n, communeFields)
		}
		if _, err := strconv.Atoi(rowField(row, 6)); err != nil {
			return Communes{}, fmt.Errorf("communes.tsv:%d: population %q: %w", line, rowField(row, 6), err)
		}
		cs.rows = append(cs.rows, uint32(at))
		at += end + 1
	}
	cs.rows = slices.Clip(cs.rows)
	// The generated file is in INSEE order; a content pack's may not be.
	byCode := func(a, b uint32) int { return strings.Compare(cs.codeAt(a), cs.codeAt(b)) }
	if !slices.IsSortedFunc(cs.rows, byCode) {
		slices.SortStableFunc(cs.rows, byCode)
	}
	return cs, nil
}

// NewCommunes makes the table of a list of communes, for atlases built
// by hand (tests, tools). Tabs and line breaks in values become spaces.
func NewCommunes(list []Commune) Communes {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace
	var b strings.Builder
	for _, c := range list {
		for _, f := range [...]string{c.INSEE, c.Name, strings.Join(c.Postcodes, " "), c.Departement, c.Region, c.EPCI} {
			b.WriteString(clean(f))
			b.WriteByte('\t')
		}
		b.WriteString(strconv.Itoa(c.Population))
		b.WriteByte('\n')
	}
	cs, err := parseCommunes([]byte(b.String()))
	if err != nil {
		panic("content: NewCommunes wrote a bad row: " + err.Error()) // the rows are written just above
	}
	return cs
}

// Len is the number of communes.
func (cs Communes) Len() int { return len(cs.rows) }

func (cs Communes) row(i int) string {
	at := cs.rows[i]
	end := strings.IndexByte(cs.text[at:], '\n')
	if end < 0 {
		return strings.TrimSuffix(cs.text[at:], "\r")
	}
	return strings.TrimSuffix(cs.text[at:int(at)+end], "\r")
}

// rowField is the k-th tab-separated field of a row.
func rowField(row string, k int) string {
	for ; k > 0; k-- {
		i := strings.IndexByte(row, '\t')
		if i < 0 {
			return ""
		}
		row = row[i+1:]
	}
	if i := strings.IndexByte(row, '\t'); i >= 0 {
		return row[:i]
	}
	return row
}

func (cs Communes) codeAt(at uint32) string {
	rest := cs.text[at:]
	if i := strings.IndexAny(rest, "\t\n"); i >= 0 {
		return rest[:i]
	}
	return rest
}

// INSEE is the code of the i-th commune.
func (cs Communes) INSEE(i int) string { return cs.codeAt(cs.rows[i]) }

// Name is the name of the i-th commune.
func (cs Communes) Name(i int) string { return rowField(cs.row(i), 1) }

// Departement is the département code of the i-th commune.
func (cs Communes) Departement(i int) string { return rowField(cs.row(i), 3) }

// EPCI is the intercommunality SIREN of the i-th commune.
func (cs Communes) EPCI(i int) string { return rowField(cs.row(i), 5) }

// Population is the population of the i-th commune.
func (cs Communes) Population(i int) int {
	n, _ := strconv.Atoi(rowField(cs.row(i), 6)) // checked when parsed
	return n
}

// EachPostcode calls fn with each postcode of the i-th commune.
func (cs Communes) EachPostcode(i int, fn func(string)) {
	for pc := range strings.FieldsSeq(rowField(cs.row(i), 2)) {
		fn(pc)
	}
}

// Postcode is the n-th postcode of the i-th commune ("" past its last).
func (cs Communes) Postcode(i, n int) string {
	for pc := range strings.FieldsSeq(rowField(cs.row(i), 2)) {
		if n == 0 {
			return pc
		}
		n--
	}
	return ""
}

// At is the i-th commune.
func (cs Communes) At(i int) Commune {
	r := cs.row(i)
	var f [communeFields]string
	for k := range f {
		if k == communeFields-1 {
			f[k] = r
			break
		}
		j := strings.IndexByte(r, '\t')
		f[k], r = r[:j], r[j+1:]
	}
	pop, _ := strconv.Atoi(f[6]) // checked when parsed
	// Split as EachPostcode and Postcode split, so that the commune a
	// postcode finds lists that postcode, even in a pack's file with
	// doubled spaces.
	pcs := strings.Fields(f[2])
	if len(pcs) == 0 {
		pcs = nil
	}
	return Commune{INSEE: f[0], Name: f[1], Postcodes: pcs, Departement: f[3], Region: f[4], EPCI: f[5], Population: pop}
}

// All lists every commune, in INSEE order.
func (cs Communes) All() []Commune {
	out := make([]Commune, cs.Len())
	for i := range out {
		out[i] = cs.At(i)
	}
	return out
}

// Find is the position of the commune with an INSEE code, by binary
// search.
func (cs Communes) Find(insee string) (int, bool) {
	return slices.BinarySearchFunc(cs.rows, insee, func(at uint32, code string) int { return strings.Compare(cs.codeAt(at), code) })
}
