-- Schema 7: the Trash. A removed article keeps its row, text, notes and highlights, with the
-- time it was trashed; every view, count and the search index leave it out until it is
-- restored (trashed set back to NULL) or the Trash is emptied (the row is deleted for good).
ALTER TABLE articles ADD COLUMN trashed TEXT;
CREATE INDEX articles_trashed ON articles(trashed) WHERE trashed IS NOT NULL;

-- Trashing or restoring changes what the article is to every reader of the log: the search
-- index drops or re-adds it, the window lists it elsewhere.
CREATE TRIGGER articles_logged_trash AFTER UPDATE OF trashed ON articles
WHEN OLD.trashed IS NOT NEW.trashed
BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('article', NEW.id, NEW.id, 'update');
END;
