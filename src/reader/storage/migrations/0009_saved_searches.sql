-- Schema 9: saved searches. A named query the reader runs again from the sidebar; logged like
-- every other piece of user data so that sync can carry it.
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TRIGGER saved_searches_logged_insert AFTER INSERT ON saved_searches BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('saved_search', NEW.id, NULL, 'insert');
END;
CREATE TRIGGER saved_searches_logged_update AFTER UPDATE ON saved_searches BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('saved_search', NEW.id, NULL, 'update');
END;
CREATE TRIGGER saved_searches_logged_delete AFTER DELETE ON saved_searches BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('saved_search', OLD.id, NULL, 'delete');
END;
