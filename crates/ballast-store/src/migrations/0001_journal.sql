-- The journal: entries of two kinds sharing one id space, their tags, settings and drafts.
-- Times are UTC, RFC 3339 with microseconds and a Z, so text order is time order.
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('reflection', 'setback')),
    occurred_at TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    person_code TEXT,
    mood        INTEGER CHECK (mood BETWEEN 0 AND 10),
    share_text  INTEGER NOT NULL DEFAULT 0 CHECK (share_text IN (0, 1))
) STRICT;
CREATE INDEX entries_newest_first ON entries (occurred_at DESC, id DESC);

CREATE TABLE reflections (
    entry_id               INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    self_worth             INTEGER CHECK (self_worth BETWEEN 0 AND 10),
    worth_tied_to_outcomes INTEGER CHECK (worth_tied_to_outcomes BETWEEN 0 AND 10),
    outcome                TEXT CHECK (outcome IN ('setback', 'no_change', 'progress', 'not_applicable')),
    push_patience          INTEGER CHECK (push_patience BETWEEN -2 AND 2),
    disclosure_used        INTEGER NOT NULL DEFAULT 0 CHECK (disclosure_used IN (0, 1)),
    disclosure_landed      TEXT CHECK (disclosure_landed IN ('helped', 'unsure', 'regretted')),
    connected_to_service   INTEGER CHECK (connected_to_service IN (0, 1)),
    strengths              TEXT,
    text                   TEXT
) STRICT;

CREATE TABLE setbacks (
    entry_id           INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    setback_type       TEXT NOT NULL CHECK (setback_type IN ('relapse', 'hospital_admission', 'disengagement', 'crisis', 'loss', 'conflict_with_services', 'other')),
    what_happened      TEXT,
    in_my_control      TEXT,
    outside_my_control TEXT,
    my_reaction        TEXT,
    support            TEXT
) STRICT;

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (entry_id, position)
) STRICT;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- At most one unsaved form, kept when the journal locks and handed back after unlock.
CREATE TABLE drafts (
    slot     TEXT PRIMARY KEY CHECK (slot = 'form'),
    body     TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;
