"""Keeping the library safe: rotating backups (periodic and after many changes) and the
check of every article against its content hash, repaired from those backups."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from reader.errors import DamagedDatabase, ReaderError
from reader.paths import make_private
from reader.services.backup_runs import Attempts, BackupProcess, attempt_backup
from reader.storage.articles import ArticleStore
from reader.storage.backups import Backup, BackupSet
from reader.storage.checksums import (
    ArticleCheck,
    check_contents,
    repair_from_backups,
    stored_contents,
)
from reader.storage.database import Database

log = logging.getLogger(__name__)

# A backup is taken at start when the newest is older than this, and after this many changes
# (but not within an hour of the last: a bulk import makes one backup, not one per 500 files).
BACKUP_EVERY = timedelta(hours=24)
BACKUP_AFTER_CHANGES = 500
BACKUP_AT_MOST_EVERY = timedelta(hours=1)
# Below this (database and its log) the command line backs up on the spot: well under a second.
CHEAP_BYTES = 8 * 1024 * 1024


class Safekeeping:
    """The backups of one library, and the article check that repairs from them."""

    def __init__(
        self,
        db: Database,
        articles: ArticleStore,
        backups: BackupSet,
        require_writable: Callable[[], None],
        index: Callable[[], None],
        lock: Path,
    ) -> None:
        self._db = db
        self._articles = articles
        self.backups = backups
        self._require_writable = require_writable
        self._index = index
        self._changes = 0
        self._attempts = Attempts(backups.folder)
        self._reported: datetime | None = None  # the failed attempt last logged
        # Detached by default (the command line returns without waiting); see in_worker().
        self.process = BackupProcess(db.path, backups.folder, lock, detached=True)
        self._in_worker = False

    def in_worker(self) -> None:
        """From now on every automatic backup runs in a worker process, however small the
        library (the window: copying and checking hold the interpreter for seconds)."""
        self.process = BackupProcess(
            self._db.path, self.backups.folder, self.process.lock, detached=False
        )
        self._in_worker = True

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
            self._start()

    def count_change(self, n: int = 1) -> None:
        """`n` more changes; enough of them since the last backup take one."""
        self._changes += n
        if self._changes < BACKUP_AFTER_CHANGES or not self.backups.due(BACKUP_AT_MOST_EVERY):
            return
        self._changes = 0
        self._start()

    def _start(self) -> None:
        """An automatic backup, unless one was tried within the hour, by any process: a
        library whose backups fail (a full disk, a damaged article) must not pay for a full
        copy at every command. A small library is backed up on the spot by the command line;
        otherwise a process of its own does it, and nobody waits for it."""
        if self._attempts.recent(BACKUP_AT_MOST_EVERY):
            self._report_failure()
            return
        if self._in_worker or _size(self._db.path) > CHEAP_BYTES:
            self.process.start(BACKUP_AT_MOST_EVERY)
            return
        try:
            attempt_backup(self.backups, self._db.reading, BACKUP_AT_MOST_EVERY)
        except ReaderError as exc:
            log.warning("automatic backup failed: %s", exc)
            last = self._attempts.last()
            self._reported = last.started if last is not None else None

    def _report_failure(self) -> None:
        """Log, once per process, an attempt that failed in another process."""
        last = self._attempts.last()
        if last is not None and last.ok is False and last.started != self._reported:
            self._reported = last.started
            log.warning("the last automatic backup failed: %s", last.error)

    def check_articles(self, repair: bool) -> ArticleCheck:
        """Check every article against its content hash; rewrite damaged ones from the newest
        backup holding them intact (see Library.check_articles)."""
        if not self._db.integrity_ok():
            raise DamagedDatabase(f"the library {self._db.path} is damaged")
        with self._db.reading() as conn:
            checked, ids = check_contents(conn)
            damaged = list(stored_contents(conn, ids))
        repaired: dict[int, Path] = {}
        if repair and damaged:
            with self._db.transaction(durable=True) as conn:
                # The rewritten rows reach the change log (and so the index) by trigger.
                repaired = repair_from_backups(conn, damaged, [b.path for b in self.backups.list()])
            self._index()
        return ArticleCheck(checked, tuple(c.article_id for c in damaged), repaired)


def _size(database: Path) -> int:
    """The database with its write-ahead log: what a backup copies and checks."""
    total = 0
    for path in (database, database.with_name(database.name + "-wal")):
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total
