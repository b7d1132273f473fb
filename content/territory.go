package content

// Region is a French région (or overseas collectivity treated as one), by INSEE code.
type Region struct {
	Code string
	Name string
}

// Departement is a French département, by INSEE code.
type Departement struct {
	Code   string
	Name   string
	Region string
}

// EPCI is an intercommunal body (communauté de communes, d'agglomération,
// urbaine, métropole), identified by its SIREN.
type EPCI struct {
	SIREN string
	Name  string
	// Type is the official short form: CC, CA, CU, METRO or MET69.
	Type string
}

// Commune is one current French commune.
type Commune struct {
	// INSEE is the commune's official code (« code officiel géographique »).
	INSEE       string
	Name        string
	Postcodes   []string
	Departement string
	Region      string
	// EPCI is the SIREN of the intercommunality, empty for the few
	// communes that belong to none (islands, overseas collectivities).
	EPCI       string
	Population int
}

// Place is a commune with the names of the territories it belongs to,
// resolved for display.
type Place struct {
	Commune
	DepartementName string
	RegionName      string
	EPCIName        string
	EPCIType        string
	// Aliases are the commune's former communes and arrondissements.
	Aliases []Alias
}

// AliasKind says what an alias of a commune is.
type AliasKind string

// The kinds of alias the communes data lists.
const (
	// AliasDeleguee is a former commune kept as a commune déléguée of a
	// commune nouvelle.
	AliasDeleguee AliasKind = "deleguee"
	// AliasAssociee is a former commune associated with another.
	AliasAssociee AliasKind = "associee"
	// AliasArrondissement is a municipal arrondissement of Paris, Lyon or
	// Marseille.
	AliasArrondissement AliasKind = "arrondissement"
)

// Alias is another name under which people know a current commune: a
// former commune merged into it, or one of its municipal arrondissements.
type Alias struct {
	// Code is the alias's own INSEE code, which may equal the current
	// commune's (the chef-lieu of a commune nouvelle).
	Code string
	Name string
	Kind AliasKind
	// Commune is the INSEE code of the current commune.
	Commune    string
	Postcodes  []string
	Population int
}
