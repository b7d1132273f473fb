-- The incident journal: a log, not a document. Entries and evidence are
-- only ever added; triggers refuse any change or deletion, so a
-- correction is a new entry that points to the old one.
CREATE TABLE incidents (
	id            INTEGER PRIMARY KEY,
	insee         TEXT NOT NULL,
	commune       TEXT NOT NULL,
	outcome_id    TEXT NOT NULL,
	title         TEXT NOT NULL,
	summary       TEXT NOT NULL,
	opened_by     TEXT NOT NULL,
	personal_data INTEGER NOT NULL,
	discovered_at TEXT NOT NULL,
	opened_at     TEXT NOT NULL,
	closed_at     TEXT NOT NULL DEFAULT '',
	steps         TEXT NOT NULL, -- JSON array, copied from the outcome
	deadlines     TEXT NOT NULL  -- JSON array, copied from the outcome
);

CREATE TABLE incident_entries (
	id          INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	at          TEXT NOT NULL,
	kind        TEXT NOT NULL,
	text        TEXT NOT NULL,
	step        INTEGER NOT NULL DEFAULT 0,
	corrects    INTEGER REFERENCES incident_entries (id)
);

CREATE INDEX incident_entries_incident ON incident_entries (incident_id, id);

CREATE TABLE incident_evidence (
	id          INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	name        TEXT NOT NULL,
	source      TEXT NOT NULL,
	size        INTEGER NOT NULL,
	added_at    TEXT NOT NULL,
	sha256      TEXT NOT NULL,
	stored      TEXT NOT NULL
);

CREATE TRIGGER incident_entries_append_only_update BEFORE UPDATE ON incident_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are never edited'); END;
CREATE TRIGGER incident_entries_append_only_delete BEFORE DELETE ON incident_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are never deleted'); END;
CREATE TRIGGER incident_evidence_append_only_update BEFORE UPDATE ON incident_evidence
BEGIN SELECT RAISE(ABORT, 'evidence is never edited'); END;
CREATE TRIGGER incident_evidence_append_only_delete BEFORE DELETE ON incident_evidence
BEGIN SELECT RAISE(ABORT, 'evidence is never deleted'); END;
