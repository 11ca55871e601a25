-- Schema 3: highlights, article notes, tags and the colour palette with its meanings.
--
-- Annotations follow their article out of the database (ON DELETE CASCADE) so that a deleted
-- article leaves nothing dangling; the Library guards that door instead: it refuses to remove
-- an annotated article unless the user confirmed, after offering an export.

-- The palette; a row per colour so a new colour is an INSERT, not a table rebuild.
CREATE TABLE colors (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,   -- order in menus and the 1–5 shortcuts
    meaning TEXT                        -- what the user says the colour stands for
);
INSERT INTO colors (name, position) VALUES
    ('yellow', 1), ('green', 2), ('blue', 3), ('pink', 4), ('purple', 5);

CREATE TABLE highlights (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,            -- uuid; the W3C annotation id, kept across exports
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    color TEXT NOT NULL REFERENCES colors(name) ON UPDATE CASCADE,
    -- TextQuoteSelector
    exact TEXT NOT NULL CHECK (exact != ''),
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    -- TextPositionSelector: code points into article_content.text. For an orphaned highlight
    -- these are where it was last seen, kept as a hint for the next re-anchoring.
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
    status TEXT NOT NULL DEFAULT 'anchored'
        CHECK (status IN ('anchored', 'fuzzy', 'orphaned')),
    note TEXT NOT NULL DEFAULT '',       -- Markdown
    created TEXT NOT NULL,               -- ISO timestamps, UTC
    updated TEXT NOT NULL
);
CREATE INDEX highlights_article ON highlights(article_id, start_offset);
CREATE INDEX highlights_color ON highlights(color, article_id);
CREATE INDEX highlights_unanchored ON highlights(status) WHERE status != 'anchored';

CREATE TABLE article_notes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK (text != ''),   -- Markdown; no note means no row
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE highlight_tags (
    highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id, highlight_id);
