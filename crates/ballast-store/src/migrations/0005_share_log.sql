-- The share log: each supervision summary the worker exported (when, the range, what kinds of
-- things it held, the file's name), never its content. The worker can clear it.
CREATE TABLE share_log (
    id             INTEGER PRIMARY KEY,
    shared_at      TEXT NOT NULL,
    range_from     TEXT NOT NULL CHECK (length(range_from) = 10),
    range_to       TEXT NOT NULL CHECK (length(range_to) = 10 AND range_to >= range_from),
    format         TEXT NOT NULL CHECK (format IN ('pdf', 'markdown')),
    file_name      TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 1000),
    check_ins      INTEGER NOT NULL CHECK (check_ins >= 0),
    charts         INTEGER NOT NULL CHECK (charts >= 0),
    shared_entries INTEGER NOT NULL CHECK (shared_entries >= 0),
    person_codes   INTEGER NOT NULL CHECK (person_codes IN (0, 1)),
    tags           INTEGER NOT NULL CHECK (tags IN (0, 1)),
    note           INTEGER NOT NULL CHECK (note IN (0, 1)),
    name           INTEGER NOT NULL CHECK (name IN (0, 1))
) STRICT;
CREATE INDEX share_log_by_time ON share_log (shared_at);
