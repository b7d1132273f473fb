-- Reference database: a cache of the content bundled in the binary, rebuilt
-- in one transaction whenever the bundled content's fingerprint changes.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE regions (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL
);

CREATE TABLE departements (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions (code)
);

CREATE TABLE epcis (
	siren TEXT PRIMARY KEY,
	name  TEXT NOT NULL,
	type  TEXT NOT NULL
);

CREATE TABLE communes (
	insee       TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	name_folded TEXT NOT NULL, -- search.Fold(name), for lookups by name
	departement TEXT NOT NULL REFERENCES departements (code),
	region      TEXT NOT NULL REFERENCES regions (code),
	epci        TEXT REFERENCES epcis (siren),
	population  INTEGER NOT NULL
);

CREATE INDEX communes_name_folded ON communes (name_folded);
CREATE INDEX communes_departement ON communes (departement);
CREATE INDEX communes_epci ON communes (epci);

CREATE TABLE postcodes (
	postcode TEXT NOT NULL,
	insee    TEXT NOT NULL REFERENCES communes (insee),
	position INTEGER NOT NULL,
	PRIMARY KEY (postcode, insee)
) WITHOUT ROWID;

CREATE INDEX postcodes_insee ON postcodes (insee);

CREATE TABLE categories (
	id       TEXT PRIMARY KEY,
	kind     TEXT NOT NULL,
	title    TEXT NOT NULL,
	position INTEGER NOT NULL
);

CREATE TABLE entries (
	id         TEXT PRIMARY KEY,
	kind       TEXT NOT NULL,
	category   TEXT NOT NULL REFERENCES categories (id),
	title      TEXT NOT NULL,
	summary    TEXT NOT NULL,
	body       TEXT NOT NULL,
	synonyms   TEXT NOT NULL, -- JSON array of strings
	keywords   TEXT NOT NULL, -- JSON array of strings
	audience   TEXT NOT NULL, -- JSON array of strings
	status     TEXT NOT NULL,
	note       TEXT NOT NULL,
	historical INTEGER NOT NULL,
	position   INTEGER NOT NULL
);

CREATE INDEX entries_kind_category ON entries (kind, category, position);

CREATE TABLE entry_regions (
	entry_id TEXT NOT NULL REFERENCES entries (id),
	region   TEXT NOT NULL REFERENCES regions (code),
	PRIMARY KEY (entry_id, region)
) WITHOUT ROWID;

CREATE INDEX entry_regions_region ON entry_regions (region);

CREATE TABLE entry_departements (
	entry_id    TEXT NOT NULL REFERENCES entries (id),
	departement TEXT NOT NULL REFERENCES departements (code),
	PRIMARY KEY (entry_id, departement)
) WITHOUT ROWID;

CREATE TABLE entry_related (
	entry_id   TEXT NOT NULL REFERENCES entries (id),
	related_id TEXT NOT NULL REFERENCES entries (id),
	position   INTEGER NOT NULL,
	PRIMARY KEY (entry_id, related_id)
) WITHOUT ROWID;

CREATE TABLE entry_sources (
	entry_id TEXT NOT NULL REFERENCES entries (id),
	position INTEGER NOT NULL,
	url      TEXT NOT NULL,
	date     TEXT NOT NULL,
	undated  INTEGER NOT NULL,
	PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;

CREATE TABLE contacts (
	entry_id TEXT NOT NULL REFERENCES entries (id),
	position INTEGER NOT NULL,
	type     TEXT NOT NULL,
	label    TEXT NOT NULL,
	value    TEXT NOT NULL,
	source   TEXT NOT NULL,
	date     TEXT NOT NULL,
	undated  INTEGER NOT NULL,
	status   TEXT NOT NULL,
	note     TEXT NOT NULL,
	PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;

CREATE TABLE gaps (
	region   TEXT NOT NULL REFERENCES regions (code),
	category TEXT NOT NULL REFERENCES categories (id),
	note     TEXT NOT NULL,
	fallback TEXT NOT NULL, -- JSON array of entry ids
	sources  TEXT NOT NULL, -- JSON array of {url, date, undated}
	PRIMARY KEY (region, category)
) WITHOUT ROWID;
