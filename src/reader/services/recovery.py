"""A library that cannot be used as it is found: a damaged database set aside (never
deleted) at open, and files squatting where the library's folders belong."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reader.errors import DamagedDatabase, DataDirError, ReaderError, StorageError
from reader.paths import DataPaths, make_private, move_aside
from reader.storage.assets import AssetStore
from reader.storage.backups import Backup, BackupSet, set_aside, verify
from reader.storage.locks import LibraryLock

log = logging.getLogger(__name__)
_Library = TypeVar("_Library")  # the facade, which imports this module


def settle(paths: DataPaths, assets: AssetStore, exists: Callable[[int], bool]) -> None:
    """Put a writable library's folder in order as it opens: its folders made room for,
    assets staged by an import that never finished published or dropped (`exists`: is that
    article stored), and every entry owner-only."""
    make_room_for_folders(paths)
    assets.finish_staged(exists)
    for entry in paths.private_entries():  # a library made before they were private
        make_private(entry)


def make_room_for_folders(paths: DataPaths) -> None:
    """A file (or FIFO…) where the backups or assets folder belongs is set aside, never
    deleted, so backups and imports work again."""
    for folder in (paths.backups, paths.assets):
        if not os.path.lexists(folder) or folder.is_dir():
            continue
        try:
            aside = move_aside(folder, "not-a-folder")
        except OSError as exc:
            raise DataDirError(
                f"{folder} should be a folder and cannot be moved away: {exc.strerror}"
            ) from exc
        log.warning("%s was not a folder; set aside as %s", folder, aside)


@dataclass(frozen=True)
class Recovery:
    """A damaged library was set aside at start; `backup` is the newest good one, if any."""

    damaged: Path
    backup: Backup | None

    def message(self) -> str:
        text = f"The library was damaged and has been set aside as {self.damaged}."
        if self.backup is not None:
            when = self.backup.taken.strftime("%Y-%m-%d %H:%M UTC")
            text += f" A good backup from {when} can be restored: {self.backup.path}"
        else:
            text += " No good backup was found; starting with an empty library."
        return text


def recover_damaged(paths: DataPaths) -> Recovery | None:
    """Set a damaged library aside (never deleting it); None when it is missing or sound.

    Called at open, and by a front end when a read later fails as "malformed": a large
    library is not checked page by page at open (see database.CHECK_AT_OPEN_BYTES).
    The file is checked again first, so a passing error never moves a sound library; and it
    stays where it is while another Reader has it open (that one would go on writing into the
    file set aside).
    """
    hold = LibraryLock(paths.library_lock)
    if not hold.exclusive():
        log.error("library %s is damaged but open in another Reader; left in place", paths.database)
        return None
    try:
        if not paths.database.exists() or verify(paths.database):
            return None
        damaged = set_aside(paths.database, "damaged")
    except OSError as exc:  # a read-only disk: the damage is reported, the file stays
        log.error("damaged library %s cannot be set aside: %s", paths.database, exc)
        return None
    finally:
        hold.release()
    if damaged is None:
        return None
    log.error("library %s was damaged; set aside as %s", paths.database, damaged)
    backups = BackupSet(paths.backups)
    good = backups.newest_good()
    if good is not None:
        try:  # the backups of the empty library opened now must not thin it away
            backups.pin(good)
        except StorageError as exc:
            log.error("the backup to restore, %s, may be thinned away: %s", good.path, exc)
    return Recovery(damaged, good)


def opened(
    paths: DataPaths, read_only: bool, open_: Callable[[bool], _Library]
) -> tuple[_Library, Recovery | None]:
    """Open a library with `open_(writes)`, or raise ReaderError.

    A damaged database is renamed `<name>.damaged-<time>` (never deleted) and an empty
    library opened in its place; the Recovery says where it went and which backup to offer.
    A library that cannot be written (or `read_only`) is opened with changes off.
    """
    try:
        return open_(not read_only), None
    except DamagedDatabase:
        recovery = None if read_only else recover_damaged(paths)
        if recovery is None:
            raise
        return open_(True), recovery
    except ReaderError:
        raise
    except OSError as exc:
        raise ReaderError(f"cannot open the library in {paths.root}: {exc.strerror}") from exc
