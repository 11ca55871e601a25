-- Schema 1: articles, their bodies, sections and bookmarks.
CREATE TABLE sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created TEXT NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    site TEXT,
    author TEXT,
    published TEXT,               -- ISO date
    url TEXT,
    source_path TEXT,
    language TEXT,
    encoding TEXT,
    source_hash TEXT NOT NULL,    -- sha256 of the original bytes
    content_hash TEXT NOT NULL,   -- sha256 of the normalized title and text
    added TEXT NOT NULL,          -- ISO timestamp, UTC
    updated TEXT NOT NULL,
    read_at TEXT,                 -- when last opened; NULL = unread
    reading_position REAL NOT NULL DEFAULT 0
        CHECK (reading_position >= 0 AND reading_position <= 1)
);
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_source_path ON articles(source_path);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_section ON articles(section_id, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_added ON articles(added);

-- Bodies live apart so that paging through 100,000 rows never reads article text.
CREATE TABLE article_content (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    html TEXT NOT NULL
);

CREATE TABLE bookmarks (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    position REAL,
    created TEXT NOT NULL
);
