-- Reflection templates. A templated reflection keeps its template and answers in one column, as
-- JSON ({"template_id", "template_name", "answers": [{"prompt_id", "prompt", "text"}]}), with a
-- copy of each prompt as it read then, so the entry reads the same after the template changes.
-- One column keeps a save to one row (see 0001). The everyday form leaves it NULL.
ALTER TABLE entries ADD COLUMN template TEXT
    CHECK (template IS NULL OR (kind = 'reflection' AND json_valid(template) AND json_type(template, '$.answers') = 'array'));

-- The worker's own templates; the built-in ones ship with Ballast (assets/templates/).
CREATE TABLE templates (
    id         TEXT PRIMARY KEY CHECK (id LIKE 'own\_%' ESCAPE '\'),
    name       TEXT NOT NULL,
    about      TEXT NOT NULL DEFAULT '',
    prompts    TEXT NOT NULL CHECK (json_valid(prompts) AND json_type(prompts) = 'array'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- The order the worker put the templates in, and which are hidden (built-in or their own).
CREATE TABLE template_choices (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    hidden   INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;

-- Search reads the answers too (one a line): the triggers of 0006, with `answers` filled in.
DROP TRIGGER entries_search_insert;
DROP TRIGGER entries_search_update;

CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_search (rowid, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, answers)
    VALUES (new.id, new.text, new.strengths, new.what_happened, new.in_my_control, new.outside_my_control, new.my_reaction, new.support,
            (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new.template, '$.answers')));
END;

CREATE TRIGGER entries_search_update AFTER UPDATE OF id, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, template ON entries BEGIN
    DELETE FROM entries_search WHERE rowid = old.id;
    INSERT INTO entries_search (rowid, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, answers)
    VALUES (new.id, new.text, new.strengths, new.what_happened, new.in_my_control, new.outside_my_control, new.my_reaction, new.support,
            (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new.template, '$.answers')));
END;
