-- Schema 5: where highlights imported from other tools came from, and the entries made for them.
--
-- A highlight from Hypothesis, Readwise, Kindle, KOReader, the Obsidian Web Clipper or Zotero
-- keeps what that tool said about it that our model has no field for: the tool, its own id,
-- its colour as the tool named it (ours is the nearest of the palette), its page or location,
-- and the article key it gave (url, title, author), so an orphan can be matched again later.
CREATE TABLE highlight_sources (
    highlight_id INTEGER PRIMARY KEY REFERENCES highlights(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    source_id TEXT,
    source_color TEXT,
    location TEXT,
    article_key TEXT NOT NULL DEFAULT '{}'   -- JSON {url, title, author}
);
CREATE INDEX highlight_sources_source ON highlight_sources(source);

-- Articles an import made to hold highlights whose article is not in the library: a book's
-- quotes (Kindle, KOReader), or a placeholder under which a web page's highlights wait as
-- orphans. A book entry may be matched by any later import; a placeholder only by its own
-- tool's highlights (until the real article arrives and takes them over).
CREATE TABLE import_entries (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('book', 'placeholder'))
);
