-- Schema 11: highlights from other tools that the user deleted. Importing the same file again
-- (a Kindle's My Clippings.txt only grows) must not bring them back: their import uid is kept
-- here when the user deletes one. Not when its article is removed (the highlights go with it,
-- and come back with the article and the file), and not for the user's own highlights.
CREATE TABLE dismissed_imports (
    uid TEXT PRIMARY KEY,
    source TEXT NOT NULL
) WITHOUT ROWID;
