-- Self-checks. One row per check-in (instrument id and version, when); each item's raw answer in
-- its own row (NULL = skipped, every item has a row); the scores derived when it was taken, in the
-- instrument's subscale order. Scores are recomputable from the answers and are checked against
-- them whenever they are read.
CREATE TABLE check_ins (
    id         INTEGER PRIMARY KEY,
    instrument TEXT NOT NULL CHECK (length(instrument) BETWEEN 1 AND 64),
    version    TEXT NOT NULL,
    taken_at   TEXT NOT NULL
) STRICT;
CREATE INDEX check_ins_by_instrument ON check_ins (instrument, taken_at DESC, id DESC);

CREATE TABLE check_in_answers (
    check_in INTEGER NOT NULL REFERENCES check_ins (id) ON DELETE CASCADE,
    item     INTEGER NOT NULL CHECK (item >= 1),
    value    INTEGER CHECK (value BETWEEN 0 AND 100),
    PRIMARY KEY (check_in, item)
) STRICT, WITHOUT ROWID;

CREATE TABLE check_in_scores (
    check_in INTEGER NOT NULL REFERENCES check_ins (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    subscale TEXT    NOT NULL,
    score    REAL,
    band     TEXT,
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    PRIMARY KEY (check_in, position)
) STRICT, WITHOUT ROWID;

-- An unfinished check-in, one per instrument, kept until it is finished or discarded. `answers`
-- is a JSON array of option values or nulls in item order; `position` is where the worker was.
CREATE TABLE check_in_drafts (
    instrument TEXT    PRIMARY KEY,
    answers    TEXT    NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array'),
    position   INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    saved_at   TEXT    NOT NULL
) STRICT;
