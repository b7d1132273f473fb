package content

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCommunes(t *testing.T) {
	brest := Commune{INSEE: "29019", Name: "Brest", Postcodes: []string{"29200"}, Departement: "29", Region: "53", EPCI: "242900314", Population: 139926}
	ajaccio := Commune{INSEE: "2A004", Name: "Ajaccio", Postcodes: []string{"20000", "20090"}, Departement: "2A", Region: "94", EPCI: "242010056", Population: 73615}
	ile := Commune{INSEE: "29155", Name: "Ouessant", Departement: "29", Region: "53", Population: 808}
	for _, c := range []struct {
		name, text string
		want       []Commune
		err        string
	}{
		{name: "rows in INSEE order", text: "29019\tBrest\t29200\t29\t53\t242900314\t139926\n29155\tOuessant\t\t29\t53\t\t808\n2A004\tAjaccio\t20000 20090\t2A\t94\t242010056\t73615\n",
			want: []Commune{brest, ile, ajaccio}},
		{name: "a pack's rows out of order are sorted", text: "2A004\tAjaccio\t20000 20090\t2A\t94\t242010056\t73615\n29019\tBrest\t29200\t29\t53\t242900314\t139926\n",
			want: []Commune{brest, ajaccio}},
		{name: "Windows line ends and no final one", text: "29019\tBrest\t29200\t29\t53\t242900314\t139926\r\n29155\tOuessant\t\t29\t53\t\t808",
			want: []Commune{brest, ile}},
		{name: "empty file", text: "", want: []Commune{}},
		{name: "postcodes apart by doubled spaces", text: "2A004\tAjaccio\t 20000  20090 \t2A\t94\t242010056\t73615\n", want: []Commune{ajaccio}},
		{name: "a field missing", text: "29019\tBrest\t29200\t29\t53\t139926\n", err: "communes.tsv:1: 6 fields, want 7"},
		{name: "a blank line", text: "29019\tBrest\t29200\t29\t53\t242900314\t139926\n\n", err: "communes.tsv:2: 1 fields, want 7"},
		{name: "a population that is not a number", text: "29019\tBrest\t29200\t29\t53\t242900314\tbeaucoup\n", err: `communes.tsv:1: population "beaucoup"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs, err := parseCommunes([]byte(c.text))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := cs.All(); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %+v\nwant %+v", got, c.want)
			}
			for i, w := range c.want {
				if cs.INSEE(i) != w.INSEE || cs.Name(i) != w.Name || cs.Departement(i) != w.Departement || cs.EPCI(i) != w.EPCI || cs.Population(i) != w.Population {
					t.Errorf("fields of %s read apart differ from %+v", w.INSEE, w)
				}
				var pcs []string
				cs.EachPostcode(i, func(pc string) { pcs = append(pcs, pc) })
				if !reflect.DeepEqual(pcs, w.Postcodes) {
					t.Errorf("%s postcodes %v, want %v", w.INSEE, pcs, w.Postcodes)
				}
				for k, pc := range w.Postcodes {
					if got := cs.Postcode(i, k); got != pc {
						t.Errorf("%s postcode %d = %q, want %q", w.INSEE, k, got, pc)
					}
				}
				if got := cs.Postcode(i, len(w.Postcodes)); got != "" {
					t.Errorf("%s postcode past the last = %q", w.INSEE, got)
				}
				if j, ok := cs.Find(w.INSEE); !ok || j != i {
					t.Errorf("Find(%s) = %d, %v; want %d", w.INSEE, j, ok, i)
				}
			}
			if _, ok := cs.Find("99999"); ok {
				t.Error("Find found an unknown code")
			}
		})
	}
}

func TestNewCommunesReadsBackWhatItWrites(t *testing.T) {
	list := []Commune{
		{INSEE: "29019", Name: "Brest", Postcodes: []string{"29200"}, Departement: "29", Region: "53", EPCI: "242900314", Population: 139926},
		{INSEE: "97611", Name: "Mamoudzou", Postcodes: []string{"97600", "97605"}, Departement: "976", Region: "06", Population: 71437},
	}
	if got := NewCommunes(list).All(); !reflect.DeepEqual(got, list) {
		t.Fatalf("got %+v, want %+v", got, list)
	}
	odd := NewCommunes([]Commune{{INSEE: "29019", Name: "Brest\tnord\n"}})
	if odd.Len() != 1 || odd.Name(0) != "Brest nord " {
		t.Fatalf("a tab in a value broke the row: %d rows, name %q", odd.Len(), odd.Name(0))
	}
}

// FuzzParseCommunes: whatever a content pack's communes.tsv holds,
// parsing never panics, and every commune it accepts reads back whole.
func FuzzParseCommunes(f *testing.F) {
	f.Add("29019\tBrest\t29200\t29\t53\t242900314\t139926\n")
	f.Add("a\tb\tc d\te\tf\tg\t-1\r\nb\t\t\t\t\t\t0")
	f.Add("\t\t\t\t\t\t1\n\t\t\t\t\t\t2\n")
	f.Fuzz(func(t *testing.T, text string) {
		cs, err := parseCommunes([]byte(text))
		if err != nil {
			return
		}
		for i := range cs.Len() {
			c := cs.At(i)
			if c.INSEE != cs.INSEE(i) || c.Population != cs.Population(i) {
				t.Fatalf("row %d reads %+v, INSEE %q, population %d", i, c, cs.INSEE(i), cs.Population(i))
			}
			if j, ok := cs.Find(c.INSEE); !ok || cs.INSEE(j) != c.INSEE {
				t.Fatalf("Find(%q) = %d, %v", c.INSEE, j, ok)
			}
		}
	})
}
