-- Walks of « que faire ? » that ended on « Autre chose / je ne sais pas »:
-- the question where no answer fitted and the day, nothing else, so that
-- the mairie can export them and the tree can later be improved.
CREATE TABLE dead_ends (
	id      INTEGER PRIMARY KEY,
	node_id TEXT NOT NULL,
	day     TEXT NOT NULL
);
