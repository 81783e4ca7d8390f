-- Search: an FTS5 index of every text a worker writes in an entry, inside the encrypted database
-- (its pages are encrypted like every other page, so no word is ever on disk in plaintext).
-- Case and diacritics are folded ('cafe' finds 'café'). The table keeps its own copy of the text
-- (not external content), so deleting a row never needs the old values and cannot leave the index
-- out of step. `answers` holds a templated entry's answers, one per line.
-- The triggers keep it in step with `entries` on every save, edit, delete and import; a restore
-- or a delete-all replaces the whole file, index and all.
CREATE VIRTUAL TABLE entries_search USING fts5(
    text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, answers,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- A deleted entry's words leave the index at once, not at the next merge.
INSERT INTO entries_search (entries_search, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_search (rowid, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support)
    VALUES (new.id, new.text, new.strengths, new.what_happened, new.in_my_control, new.outside_my_control, new.my_reaction, new.support);
END;

CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
    DELETE FROM entries_search WHERE rowid = old.id;
END;

-- Only an edit of the texts (or of the id) touches the index: marking an entry shared does not.
CREATE TRIGGER entries_search_update AFTER UPDATE OF id, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support ON entries BEGIN
    DELETE FROM entries_search WHERE rowid = old.id;
    INSERT INTO entries_search (rowid, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support)
    VALUES (new.id, new.text, new.strengths, new.what_happened, new.in_my_control, new.outside_my_control, new.my_reaction, new.support);
END;

-- Existing journals: every entry indexed once.
INSERT INTO entries_search (rowid, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support)
SELECT id, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support FROM entries;
