-- Nudges the worker has dismissed, by id (a rule and what raised it), so each appears once.
CREATE TABLE dismissed_nudges (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    dismissed_at TEXT NOT NULL
) STRICT;
