-- Schema 12: articles found by the hash of the bytes they were made from. Each file an import
-- has not seen under its name is looked up by that hash (storage.sources.article_for_bytes):
-- without an index every new file scanned the whole articles table, hundreds of megabytes in
-- a large library, while the window read the same file.
CREATE INDEX articles_source_hash ON articles(source_hash);
