-- The communes are served from memory by the application core, straight
-- from the embedded atlas, and search has its own index: the communes
-- tables and the full-text table were written and never read.
-- Régions and départements stay: entries and gaps refer to them.
-- A database made before this migration holds an FTS5 table that this
-- build (without FTS5) cannot drop: OpenReference then replaces the file,
-- which is only a cache.
DROP TABLE IF EXISTS entries_fts;
DROP TABLE postcodes;
DROP TABLE communes;
DROP TABLE epcis;
