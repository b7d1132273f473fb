-- Searches that found nothing: the query and the day, nothing else, so
-- that what people did not find can later improve the content.
CREATE TABLE missed_queries (
	id    INTEGER PRIMARY KEY,
	query TEXT NOT NULL,
	day   TEXT NOT NULL
);
