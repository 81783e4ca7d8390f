-- A save no longer writes the search index in its own commit: writing FTS5's pages there made a
-- save 2.5-2.8 times a bare insert (8.5 pages a commit against 2.9; docs/PERFORMANCE.md). Instead
-- a save or an edit notes the entry's id here (one small page), and the index catches up from
-- this list before anything is searched (`search::catch_up`), and at the end of an import. Ids
-- only: no text is kept here. A delete still takes its words out of the index at once.
CREATE TABLE search_pending (
    entry_id INTEGER PRIMARY KEY
) STRICT;

DROP TRIGGER entries_search_insert;
DROP TRIGGER entries_search_update;

CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
    INSERT OR IGNORE INTO search_pending (entry_id) VALUES (new.id);
END;

CREATE TRIGGER entries_search_update AFTER UPDATE OF id, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, template ON entries BEGIN
    INSERT OR IGNORE INTO search_pending (entry_id) VALUES (old.id);
    INSERT OR IGNORE INTO search_pending (entry_id) VALUES (new.id);
END;
