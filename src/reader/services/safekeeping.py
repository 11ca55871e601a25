"""Keeping the library safe: rotating backups (periodic and after many changes) and the
check of every article against its content hash, repaired from those backups."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.errors import DamagedDatabase, ReaderError
from reader.paths import make_private
from reader.storage.articles import ArticleStore
from reader.storage.backups import Backup, BackupSet
from reader.storage.checksums import ArticleCheck, repair_from_backups, stored_contents
from reader.storage.database import Database

log = logging.getLogger(__name__)

# A backup is taken at start when the newest is older than this, and after this many changes
# (but not within an hour of the last: a bulk import makes one backup, not one per 500 files).
BACKUP_EVERY = timedelta(hours=24)
BACKUP_AFTER_CHANGES = 500
BACKUP_AT_MOST_EVERY = timedelta(hours=1)


class Safekeeping:
    """The backups of one library, and the article check that repairs from them."""

    def __init__(
        self,
        db: Database,
        articles: ArticleStore,
        backups: BackupSet,
        require_writable: Callable[[], None],
        index: Callable[[], None],
    ) -> None:
        self._db = db
        self._articles = articles
        self.backups = backups
        self._require_writable = require_writable
        self._index = index
        self._changes = 0
        self._last_attempt: datetime | None = None  # of a change-triggered backup

    def backup(self) -> Backup:
        """Take a verified backup now (kept in the rotating set)."""
        self._require_writable()
        self._changes = 0
        backup = self.backups.create(self._db.reading)
        make_private(backup.path)
        return backup

    def backup_if_due(self) -> None:
        """The periodic backup; cheap when none is due."""
        if not self._db.read_only and self._articles.count() and self.backups.due(BACKUP_EVERY):
            self._safe_backup()

    def count_change(self, n: int = 1) -> None:
        """`n` more changes; enough of them since the last backup take one."""
        self._changes += n
        if self._changes < BACKUP_AFTER_CHANGES or not self.backups.due(BACKUP_AT_MOST_EVERY):
            return
        # A failed attempt waits as long as a success would: a library whose backups fail
        # (a full disk, a damaged article) must not pay for a full copy every 500 changes.
        now = datetime.now(UTC)
        if self._last_attempt is not None and now - self._last_attempt < BACKUP_AT_MOST_EVERY:
            return
        self._last_attempt = now
        self._safe_backup()

    def _safe_backup(self) -> None:
        try:
            self.backup()
        except ReaderError as exc:
            log.warning("automatic backup failed: %s", exc)

    def check_articles(self, repair: bool) -> ArticleCheck:
        """Check every article against its content hash; rewrite damaged ones from the newest
        backup holding them intact (see Library.check_articles)."""
        if not self._db.integrity_ok():
            raise DamagedDatabase(f"the library {self._db.path} is damaged")
        with self._db.reading() as conn:
            checked, damaged = 0, []
            for content in stored_contents(conn):
                checked += 1
                if not content.intact:
                    damaged.append(content)
        repaired: dict[int, Path] = {}
        if repair and damaged:
            with self._db.transaction(durable=True) as conn:
                # The rewritten rows reach the change log (and so the index) by trigger.
                repaired = repair_from_backups(conn, damaged, [b.path for b in self.backups.list()])
            self._index()
        return ArticleCheck(checked, tuple(c.article_id for c in damaged), repaired)
