-- The journal. Both kinds of entry share one table and one id space: a save then touches one row
-- and one index (each extra B-tree page is one more encrypted page written and synced on commit).
-- Kind-specific columns are NULL for the other kind. Times are UTC RFC 3339 text of fixed width
-- (nanoseconds, Z), so text order is time order. Tags are a JSON array of strings, in order.
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('reflection', 'setback')),
    occurred_at TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    person_code TEXT,
    mood        INTEGER CHECK (mood BETWEEN 0 AND 10),
    share_text  INTEGER NOT NULL DEFAULT 0 CHECK (share_text IN (0, 1)),
    -- reflections
    self_worth             INTEGER CHECK (self_worth BETWEEN 0 AND 10),
    worth_tied_to_outcomes INTEGER CHECK (worth_tied_to_outcomes BETWEEN 0 AND 10),
    outcome                TEXT CHECK (outcome IN ('setback', 'no_change', 'progress', 'not_applicable')),
    push_patience          INTEGER CHECK (push_patience BETWEEN -2 AND 2),
    disclosure_used        INTEGER CHECK (disclosure_used IN (0, 1)),
    disclosure_landed      TEXT CHECK (disclosure_landed IN ('helped', 'unsure', 'regretted')),
    connected_to_service   INTEGER CHECK (connected_to_service IN (0, 1)),
    strengths              TEXT,
    tags                   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    text                   TEXT,
    -- setbacks
    setback_type       TEXT CHECK (setback_type IN ('relapse', 'hospital_admission', 'disengagement', 'crisis', 'loss', 'conflict_with_services', 'other')),
    what_happened      TEXT,
    in_my_control      TEXT,
    outside_my_control TEXT,
    my_reaction        TEXT,
    support            TEXT,
    CHECK ((kind = 'setback') = (setback_type IS NOT NULL)),
    CHECK (kind = 'reflection' OR (self_worth IS NULL AND worth_tied_to_outcomes IS NULL AND outcome IS NULL
        AND push_patience IS NULL AND disclosure_used IS NULL AND connected_to_service IS NULL
        AND strengths IS NULL AND tags = '[]' AND text IS NULL)),
    CHECK (kind = 'setback' OR (what_happened IS NULL AND in_my_control IS NULL AND outside_my_control IS NULL
        AND my_reaction IS NULL AND support IS NULL))
) STRICT;
CREATE INDEX entries_newest_first ON entries (occurred_at DESC, id DESC);

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
