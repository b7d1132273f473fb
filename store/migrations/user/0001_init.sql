-- User database: what the person adds. Content rebuilds never touch it.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE favourites (
	entry_id TEXT PRIMARY KEY,
	added_at TEXT NOT NULL
);

CREATE TABLE history (
	id        INTEGER PRIMARY KEY,
	entry_id  TEXT NOT NULL,
	opened_at TEXT NOT NULL
);

CREATE INDEX history_opened ON history (opened_at);

-- Contacts a mairie knows locally (its brigade, IT provider, insurer…),
-- keyed by commune and role so a référent can hold many communes.
CREATE TABLE local_contacts (
	insee      TEXT NOT NULL,
	role       TEXT NOT NULL,
	name       TEXT NOT NULL,
	phone      TEXT NOT NULL,
	email      TEXT NOT NULL,
	note       TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (insee, role)
) WITHOUT ROWID;
