"""Verified backups of the library database, made with SQLite's backup API, thinned by age."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.errors import StorageError
from reader.paths import move_to_free_name
from reader.storage.backup_check import check_backup
from reader.storage.changes import mark_restored
from reader.storage.locks import LibraryLock
from reader.storage.retention import Retention, to_keep
from reader.storage.sqlite_files import (
    claim_unique,
    move_back,
    open_read_only,
    remove_with_sides,
    set_aside,
    verify,
)

__all__ = ["Backup", "BackupSet", "Retention", "restore", "set_aside", "verify"]

log = logging.getLogger(__name__)

PREFIX = "library-"
SUFFIX = ".sqlite3"
PARTIAL = ".partial"
PINNED = "kept-backups.txt"  # names of backups thinning leaves alone (see BackupSet.pin)
_STAMP = "%Y%m%dT%H%M%S%fZ"
# A copy in progress is left alone (another process may be writing it); one this old was
# abandoned by a crash.
STALE_PARTIAL_S = 24 * 3600
IN_USE = "the library is open in another Reader (close it first)"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


class BackupSet:
    """The backups folder of one library, newest first, thinned by `retention`."""

    def __init__(self, folder: Path, retention: Retention | None = None) -> None:
        self.folder = folder
        self.retention = retention or Retention()

    def list(self) -> list[Backup]:
        found = []
        for path in self.folder.glob(f"{PREFIX}*{SUFFIX}"):
            stamp = path.name[len(PREFIX) : -len(SUFFIX)]
            try:
                taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            except ValueError:
                continue
            found.append(Backup(path, taken))
        return sorted(found, key=lambda b: b.taken, reverse=True)

    def newest_good(self) -> Backup | None:
        """The newest backup that `reader restore` would accept."""
        for backup in self.list():
            try:
                check_backup(backup.path)
            except StorageError:
                continue
            return backup
        return None

    def pin(self, backup: Backup) -> None:
        """Keep `backup` whatever the retention rules say: the one to restore after the
        library was found damaged. The empty library opened in its place is backed up as
        usual, and three such backups pushed the last good one out."""
        names = self.pinned() | {backup.path.name}
        try:
            _replace_text(self.folder / PINNED, "".join(f"{name}\n" for name in sorted(names)))
        except OSError as exc:
            raise StorageError(f"could not keep the backup {backup.path}: {exc}") from exc

    def pinned(self) -> set[str]:
        """The names of the backups `thin` never deletes."""
        try:
            text = (self.folder / PINNED).read_text("utf-8", errors="replace")
        except FileNotFoundError:
            return set()
        except OSError as exc:  # unreadable: thin nothing rather than guess
            raise StorageError(f"could not read the kept backups' list: {exc}") from exc
        return {line.strip() for line in text.splitlines() if line.strip()}

    def due(self, every: timedelta) -> bool:
        backups = self.list()
        return not backups or datetime.now(UTC) - backups[0].taken >= every

    def create(self, reading: Callable[[], AbstractContextManager[sqlite3.Connection]]) -> Backup:
        """Copy the live database; only a copy that passes `check_backup` joins the set.

        The backup API copies a consistent snapshot even while other connections write. The
        connection is held only for the copy: checking every article's hash (about 0.1 ms an
        article) runs on the copy, with the library free for others.
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=PREFIX, suffix=PARTIAL, dir=self.folder)
            os.close(handle)
        except OSError as exc:
            raise StorageError(f"could not back up the library: {exc}") from exc
        partial = Path(name)
        try:
            with reading() as conn:
                _copy(conn, partial)
            check_backup(partial)
            backup = self._publish(partial)
        except (OSError, sqlite3.Error) as exc:
            remove_with_sides(partial)
            raise StorageError(f"could not back up the library: {exc}") from exc
        except StorageError as exc:
            remove_with_sides(partial)
            raise StorageError(
                f"the new backup failed verification and was dropped: {exc}"
            ) from exc
        self.thin()
        return backup

    def _publish(self, partial: Path) -> Backup:
        """Give the copy its final name, never taking one another backup already has."""
        taken = datetime.now(UTC)
        while True:
            final = self.folder / f"{PREFIX}{taken.strftime(_STAMP)}{SUFFIX}"
            try:
                move_to_free_name(partial, final)
            except FileExistsError:
                taken += timedelta(microseconds=1)
                continue
            return Backup(final, taken)

    def thin(self) -> None:
        """Delete the backups the retention rules no longer keep, and abandoned partial copies."""
        backups = self.list()
        keep = to_keep([b.taken for b in backups], self.retention)
        pinned = self.pinned()
        for old in backups:
            if old.taken not in keep and old.path.name not in pinned:
                old.path.unlink(missing_ok=True)
        cutoff = time.time() - STALE_PARTIAL_S
        for stale in self.folder.glob(f"{PREFIX}*{PARTIAL}*"):
            try:
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
            except OSError:
                continue


def _replace_text(path: Path, text: str) -> None:
    """Write `path` whole or not at all (a crash leaves the old list)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        Path(name).replace(path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _mark_restored(database: Path) -> None:
    """Mark a restored copy as such: a search index built before the restore holds what the
    library had then (notes added since the backup was made), and is rebuilt."""
    conn = sqlite3.connect(database)
    try:
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'library_meta'"
        ).fetchone()
        if has_meta:  # a backup from before the change log is rebuilt anyway
            with conn:
                mark_restored(conn, uuid.uuid4().hex)
    finally:
        conn.close()


def _copy(conn: sqlite3.Connection, target_path: Path) -> None:
    target = sqlite3.connect(target_path)
    try:
        conn.backup(target)
        # A copy of a WAL library is in WAL mode too: make the backup one plain file.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def restore(source: Path, database: Path, lock: Path) -> Path | None:
    """Make `source` (a Reader backup that checks out) the library; the current file is kept
    aside under a new name. Refused while any Reader has the library open: a window would go
    on writing into the file set aside, and its notes would be missing from the restored one.
    """
    check_backup(source)
    hold = LibraryLock(lock)
    if not hold.exclusive():
        raise StorageError(IN_USE)
    try:
        return _swap_in(source, database)
    finally:
        hold.release()


def _swap_in(source: Path, database: Path) -> Path | None:
    try:
        incoming = claim_unique(database.parent, f"{database.name}.restoring")
    except OSError as exc:
        raise StorageError(f"could not restore {source}: {exc}") from exc
    try:
        src = open_read_only(source)
        try:
            _copy(src, incoming)
        finally:
            src.close()
        _mark_restored(incoming)
        if not verify(incoming):
            raise StorageError(f"could not restore {source}: the copy failed its integrity check")
        kept = set_aside(database, "replaced")
        try:
            move_to_free_name(incoming, database)
        except OSError:
            if kept is not None:
                move_back(kept, database)  # the library as it was rather than none at all
            raise
    except (OSError, sqlite3.Error) as exc:
        remove_with_sides(incoming)
        raise StorageError(f"could not restore {source}: {exc}") from exc
    except StorageError:
        remove_with_sides(incoming)
        raise
    return kept
