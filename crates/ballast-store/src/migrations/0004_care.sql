-- The self-care plan, kept in versions (each save that changes it adds one), as a JSON object of
-- its parts; and the support resources, one ordered list. The simple notes kept as settings until
-- now move in: the self-care note becomes the plan's first version ("notes"), the support note a
-- resource named "My notes".
CREATE TABLE self_care_plans (
    version  INTEGER PRIMARY KEY CHECK (version >= 1),
    saved_at TEXT    NOT NULL,
    body     TEXT    NOT NULL CHECK (json_valid(body) AND json_type(body) = 'object')
) STRICT;

CREATE TABLE support_resources (
    position INTEGER PRIMARY KEY CHECK (position >= 0),
    name     TEXT    NOT NULL,
    contact  TEXT    NOT NULL,
    note     TEXT    NOT NULL
) STRICT;

INSERT INTO self_care_plans (version, saved_at, body)
    SELECT 1, strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now'), json_object('notes', value)
    FROM settings WHERE key = 'self_care_note' AND value <> '';
INSERT INTO support_resources (position, name, contact, note)
    SELECT 0, 'My notes', '', value FROM settings WHERE key = 'support_note' AND value <> '';
DELETE FROM settings WHERE key IN ('self_care_note', 'support_note');
