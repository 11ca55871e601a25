-- Schema 8: the length of each article's text beside its row, so that a page of the article
-- list shows reading times without reading 256 bodies. Triggers keep it right for every
-- writer of article_content (imports, new versions, sync). Not logged: it follows the text,
-- whose own change is.
ALTER TABLE articles ADD COLUMN chars INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET chars = COALESCE(
    (SELECT length(c.text) FROM article_content c WHERE c.article_id = articles.id), 0);

CREATE TRIGGER content_chars_insert AFTER INSERT ON article_content BEGIN
    UPDATE articles SET chars = length(NEW.text) WHERE id = NEW.article_id;
END;

CREATE TRIGGER content_chars_update AFTER UPDATE OF text ON article_content BEGIN
    UPDATE articles SET chars = length(NEW.text) WHERE id = NEW.article_id;
END;
