-- Schema 4: the change log. Every mutation of user data writes a row here in the same
-- transaction, by trigger, so no code path can forget to: the search index, the window's
-- refresh, the backup counter and sync all read this one log and never miss a change, after
-- a crash included.
--
-- entity names what changed: 'article' (metadata), 'content' (text and HTML), 'reading'
-- (read state and position), 'bookmark', 'highlight', 'highlight_tag', 'note', 'article_tag',
-- 'section', 'color', 'tag'. entity_id is that row's id (the article's for per-article rows).
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    article_id INTEGER,                 -- the article concerned; NULL for library-wide rows
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX changes_article ON changes(article_id, seq);

-- How far each reader of the log has got. `token` ties the position to one copy of what the
-- consumer keeps (the search index's build id), so a copy swapped in from elsewhere is noticed.
CREATE TABLE change_cursors (
    consumer TEXT PRIMARY KEY,
    seq INTEGER NOT NULL DEFAULT 0,
    token TEXT
);

-- What the search queue of schema 2 still held becomes the first entries of the log.
INSERT INTO changes (entity, entity_id, article_id, op)
    SELECT 'article', article_id, article_id, 'update' FROM search_queue ORDER BY seq;
DROP TABLE search_queue;

-- articles -------------------------------------------------------------------------------------
CREATE TRIGGER articles_logged_insert AFTER INSERT ON articles BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('article', NEW.id, NEW.id, 'insert');
END;
CREATE TRIGGER articles_logged_update AFTER UPDATE OF
    title, section_id, site, author, published, url, source_path, language, encoding,
    source_hash, content_hash ON articles
BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('article', NEW.id, NEW.id, 'update');
END;
CREATE TRIGGER articles_logged_reading AFTER UPDATE OF read_at, reading_position ON articles
BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('reading', NEW.id, NEW.id, 'update');
END;
CREATE TRIGGER articles_logged_delete AFTER DELETE ON articles BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('article', OLD.id, OLD.id, 'delete');
END;

CREATE TRIGGER content_logged_insert AFTER INSERT ON article_content BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('content', NEW.article_id, NEW.article_id, 'insert');
END;
CREATE TRIGGER content_logged_update AFTER UPDATE ON article_content BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('content', NEW.article_id, NEW.article_id, 'update');
END;

CREATE TRIGGER bookmarks_logged_insert AFTER INSERT ON bookmarks BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('bookmark', NEW.article_id, NEW.article_id, 'insert');
END;
CREATE TRIGGER bookmarks_logged_update AFTER UPDATE ON bookmarks BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('bookmark', NEW.article_id, NEW.article_id, 'update');
END;
CREATE TRIGGER bookmarks_logged_delete AFTER DELETE ON bookmarks BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('bookmark', OLD.article_id, OLD.article_id, 'delete');
END;

-- sections: a rename changes what every article in it is found by --------------------------
CREATE TRIGGER sections_logged_insert AFTER INSERT ON sections BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('section', NEW.id, NULL, 'insert');
END;
CREATE TRIGGER sections_logged_update AFTER UPDATE OF name ON sections BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('section', NEW.id, NULL, 'update');
    INSERT INTO changes (entity, entity_id, article_id, op)
    SELECT 'article', id, id, 'update' FROM articles WHERE section_id = NEW.id;
END;
CREATE TRIGGER sections_logged_delete AFTER DELETE ON sections BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('section', OLD.id, NULL, 'delete');
END;

-- annotations ----------------------------------------------------------------------------------
CREATE TRIGGER highlights_logged_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('highlight', NEW.id, NEW.article_id, 'insert');
END;
CREATE TRIGGER highlights_logged_update AFTER UPDATE ON highlights BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('highlight', NEW.id, NEW.article_id, 'update');
END;
CREATE TRIGGER highlights_logged_delete AFTER DELETE ON highlights BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('highlight', OLD.id, OLD.article_id, 'delete');
END;

CREATE TRIGGER highlight_tags_logged_insert AFTER INSERT ON highlight_tags BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('highlight_tag', NEW.highlight_id,
            (SELECT article_id FROM highlights WHERE id = NEW.highlight_id), 'insert');
END;
CREATE TRIGGER highlight_tags_logged_delete AFTER DELETE ON highlight_tags BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('highlight_tag', OLD.highlight_id,
            (SELECT article_id FROM highlights WHERE id = OLD.highlight_id), 'delete');
END;

CREATE TRIGGER notes_logged_insert AFTER INSERT ON article_notes BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('note', NEW.article_id, NEW.article_id, 'insert');
END;
CREATE TRIGGER notes_logged_update AFTER UPDATE ON article_notes BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('note', NEW.article_id, NEW.article_id, 'update');
END;
CREATE TRIGGER notes_logged_delete AFTER DELETE ON article_notes BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('note', OLD.article_id, OLD.article_id, 'delete');
END;

CREATE TRIGGER article_tags_logged_insert AFTER INSERT ON article_tags BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('article_tag', NEW.article_id, NEW.article_id, 'insert');
END;
CREATE TRIGGER article_tags_logged_delete AFTER DELETE ON article_tags BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('article_tag', OLD.article_id, OLD.article_id, 'delete');
END;

-- A renamed tag changes what its articles and highlights are found by.
CREATE TRIGGER tags_logged_update AFTER UPDATE OF name ON tags BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('tag', NEW.id, NULL, 'update');
    INSERT INTO changes (entity, entity_id, article_id, op)
    SELECT 'article_tag', article_id, article_id, 'update' FROM article_tags
    WHERE tag_id = NEW.id;
    INSERT INTO changes (entity, entity_id, article_id, op)
    SELECT 'highlight_tag', h.id, h.article_id, 'update'
    FROM highlight_tags t JOIN highlights h ON h.id = t.highlight_id WHERE t.tag_id = NEW.id;
END;

CREATE TRIGGER colors_logged_update AFTER UPDATE ON colors BEGIN
    INSERT INTO changes (entity, entity_id, article_id, op)
    VALUES ('color', NEW.position, NULL, 'update');
END;

-- Facts about this library as a whole; `id` tells its search index (and later its sync files)
-- from another library's.
CREATE TABLE library_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO library_meta (key, value) VALUES ('id', lower(hex(randomblob(16))));

-- Every file an import has read, and what it became, so that importing the same folder again
-- recognises an unchanged file by its size and modification time (or, failing that, by the
-- hash of its bytes) before decoding or extracting anything. A cache: losing it costs time only.
CREATE TABLE import_sources (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    source_hash TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX import_sources_hash ON import_sources(source_hash);
CREATE INDEX import_sources_article ON import_sources(article_id);
