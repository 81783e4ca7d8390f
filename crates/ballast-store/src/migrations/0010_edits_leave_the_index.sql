-- An edit takes the entry's old words out of the search index in its own commit, as a delete
-- does, so text the worker changed is not kept (even encrypted) until the next search; the new
-- words are indexed before the next search (search_pending, 0008). A new save is unchanged.
DROP TRIGGER entries_search_update;

CREATE TRIGGER entries_search_update AFTER UPDATE OF id, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, template ON entries BEGIN
    DELETE FROM entries_search WHERE rowid = old.id;
    DELETE FROM search_pending WHERE entry_id = old.id AND old.id <> new.id;
    INSERT OR IGNORE INTO search_pending (entry_id) VALUES (new.id);
END;
