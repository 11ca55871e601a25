-- Schema 10: metadata the user corrected by hand belongs to the user. `edited` names those
-- fields (space-separated: title author published site section url; NULL when none), so a
-- re-import, a new version of the same file or URL, a capture or another device's import
-- keeps the user's values. An edit sets its fields and this column in one UPDATE, so the
-- change log gets one 'article' row for it from articles_logged_update.
ALTER TABLE articles ADD COLUMN edited TEXT;
