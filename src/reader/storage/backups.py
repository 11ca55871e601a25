"""Rotating, verified backups of the library database, made with SQLite's backup API."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.errors import StorageError

log = logging.getLogger(__name__)

KEEP = 5
PREFIX = "library-"
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


def verify(path: Path) -> bool:
    """True when the file is a SQLite database that passes `PRAGMA integrity_check`."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


class BackupSet:
    """The backups folder of one library: newest first, at most KEEP good copies."""

    def __init__(self, folder: Path, keep: int = KEEP) -> None:
        self.folder = folder
        self.keep = keep

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
        return next((b for b in self.list() if verify(b.path)), None)

    def due(self, every: timedelta) -> bool:
        backups = self.list()
        return not backups or datetime.now(UTC) - backups[0].taken >= every

    def create(self, conn: sqlite3.Connection) -> Backup:
        """Copy the live database; only a verified copy joins the set and retires an old one.

        The backup API copies a consistent snapshot even while other connections write.
        """
        taken = datetime.now(UTC)
        final = self.folder / f"{PREFIX}{taken.strftime(_STAMP)}{SUFFIX}"
        partial = final.with_name(final.name + ".partial")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = sqlite3.connect(partial)
            try:
                conn.backup(target)
                # A copy of a WAL library is in WAL mode too: make the backup one plain file.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
            if not verify(partial):
                raise StorageError(f"the backup {partial} failed verification")
            partial.replace(final)
        except (OSError, sqlite3.Error) as exc:
            _remove_with_sides(partial)
            raise StorageError(f"could not back up the library: {exc}") from exc
        self._rotate()
        return Backup(final, taken)

    def _rotate(self) -> None:
        for old in self.list()[self.keep :]:
            old.path.unlink(missing_ok=True)
        for stale in self.folder.glob(f"{PREFIX}*{SUFFIX}.partial*"):
            stale.unlink(missing_ok=True)


def _remove_with_sides(database: Path) -> None:
    """Delete a database file with its -wal and -shm (a copy of a WAL library has them)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def set_aside(database: Path, label: str) -> Path | None:
    """Rename a database (and its WAL files) out of the way; never deletes it."""
    if not database.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = database.with_name(f"{database.name}.{label}-{stamp}")
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    database.replace(target)
    return target


def restore(source: Path, database: Path) -> Path | None:
    """Make `source` (a verified backup) the library; the current file is kept aside."""
    if not source.is_file():
        raise StorageError(f"no backup file {source}")
    if not verify(source):
        raise StorageError(f"{source} is not a usable library backup (integrity check failed)")
    incoming = database.with_name(database.name + ".restoring")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(incoming)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        kept = set_aside(database, "replaced")
        incoming.replace(database)
    except (OSError, sqlite3.Error) as exc:
        incoming.unlink(missing_ok=True)
        raise StorageError(f"could not restore {source}: {exc}") from exc
    return kept
