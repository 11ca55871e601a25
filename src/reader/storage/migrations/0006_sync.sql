-- Schema 5: sync through immutable per-device files (reader/sync/).
--
-- Articles get a uid that names them on every device. An imported article takes its content
-- hash as uid, so two devices importing the same text independently name it alike; a second
-- article with that text (the first was given a new version since) gets a random one.
ALTER TABLE articles ADD COLUMN uid TEXT;
UPDATE articles SET uid = content_hash;
CREATE UNIQUE INDEX articles_uid ON articles(uid);
CREATE TRIGGER articles_uid_given AFTER INSERT ON articles WHEN NEW.uid IS NULL BEGIN
    UPDATE articles SET uid = CASE
        WHEN EXISTS (SELECT 1 FROM articles WHERE uid = NEW.content_hash)
        THEN lower(hex(randomblob(16))) ELSE NEW.content_hash END
    WHERE id = NEW.id;
END;

-- This installation's side of sync: library id it syncs, device id and the file identity it
-- was minted for, author name, Lamport clock, folder, cursors.
CREATE TABLE sync_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every synced entity (article or highlight) by uid, with its local row id once it has one.
-- `pending` marks one whose state could not be written into the tables yet (its article or
-- content has not arrived).
CREATE TABLE sync_entities (
    uid TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'highlight')),
    local_id INTEGER,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_entities_local ON sync_entities(kind, local_id);
CREATE INDEX sync_entities_pending ON sync_entities(pending) WHERE pending = 1;

-- The merged state: per (entity, field) the winning value (JSON) and its version
-- (Lamport clock, device). The field 'deleted' is the tombstone: its value lists the versions
-- the remover had seen, so an edit it had not seen keeps the entity.
CREATE TABLE sync_fields (
    uid TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    lamport INTEGER NOT NULL,
    device TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (uid, field)
) WITHOUT ROWID;
-- A highlight's article, to find the highlights that keep a removed article.
CREATE INDEX sync_fields_article ON sync_fields(value) WHERE field = 'article';
CREATE VIEW sync_tombstones AS
    SELECT uid, lamport, device FROM sync_fields WHERE field = 'deleted' AND value != 'null';

-- Records captured from local changes, waiting for (or already written to) a sync file.
CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device TEXT NOT NULL,
    record TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_outbox_unpublished ON sync_outbox(published, seq);

-- Other devices' files applied here (by name, so a file seen twice is applied once), and the
-- highest seq applied per device.
CREATE TABLE sync_files (
    device TEXT NOT NULL,
    name TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    applied TEXT NOT NULL,
    PRIMARY KEY (device, name)
) WITHOUT ROWID;

-- Losing values of notes: kept, never dropped, for the "conflicting versions" view. A removal
-- overridden by an edit the remover had not seen is recorded here too (field 'deleted').
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    lamport INTEGER NOT NULL,
    device TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    winner_lamport INTEGER NOT NULL,
    winner_device TEXT NOT NULL,
    recorded TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (uid, field, lamport, device)
);
