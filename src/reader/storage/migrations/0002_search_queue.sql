-- Schema 2: articles whose search-index entry is out of date.
-- Rows are written in the same transaction as the change, so a crash between the library
-- commit and the index commit leaves a record of what to redo instead of a stale index.
CREATE TABLE search_queue (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL
);
CREATE INDEX search_queue_article ON search_queue(article_id);
