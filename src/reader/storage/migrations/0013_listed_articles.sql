-- Schema 13: the articles out of the Trash (every list but the Trash), indexed for what the
-- window reads after each change: the sidebar's counts by section, by site and by read state,
-- and the list's ids in its default order (newest first). At 100,000 articles these scanned
-- or sorted the whole table, about 0.5 s of a core per refresh, several times a second while
-- an import ran; with these each is a walk of a small index.
CREATE INDEX articles_listed_sections ON articles(section_id) WHERE trashed IS NULL;
CREATE INDEX articles_listed_sites ON articles(site) WHERE trashed IS NULL;
CREATE INDEX articles_listed_read ON articles(read_at) WHERE trashed IS NULL;
-- The expression is the list's own (storage.article_views.SORT_COLUMNS["published"]): an
-- undated article sorts by the day it was added.
CREATE INDEX articles_listed_newest ON articles(
    COALESCE(published, substr(added, 1, 10)) IS NULL,
    COALESCE(published, substr(added, 1, 10)) DESC,
    id DESC
) WHERE trashed IS NULL;
