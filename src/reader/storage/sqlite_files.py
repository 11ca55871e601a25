"""SQLite files on disk: opening a copy read-only, checking it, and moving files aside safely."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from reader.paths import move_to_free_name, set_aside_names

log = logging.getLogger(__name__)

# A WAL database keeps these beside it; they belong to it and move with it.
SIDE_SUFFIXES = ("-wal", "-shm")
# Header bytes 18 and 19 (file format write and read versions) are 2 in WAL mode.
_WAL_HEADER = b"\x02\x02"


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; the path goes in as a proper URI (a `?` or `#` in a name is
    a character, not the start of URI parameters)."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


def verify(path: Path) -> bool:
    """True when the file is a SQLite database that passes `PRAGMA integrity_check`."""
    try:
        conn = open_read_only(path)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def claim_unique(folder: Path, stem: str, suffix: str = "", sides: tuple[str, ...] = ()) -> Path:
    """Create and return a new empty file `<stem>-<UTC time in µs>[-n]<suffix>` in folder.

    The name (and the `sides` suffixed to it) is claimed with O_EXCL, so no other thread or
    process, and no earlier set-aside in the same microsecond, ever gets the same one.
    """
    for candidate in set_aside_names(folder, stem, suffix):
        claimed: list[Path] = []
        try:
            for name in (candidate, *(candidate.with_name(candidate.name + s) for s in sides)):
                _create_new(name)
                claimed.append(name)
        except FileExistsError:
            for name in claimed:
                name.unlink(missing_ok=True)
            continue
        return candidate
    raise AssertionError("unreachable")


def _create_new(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def set_aside(database: Path, label: str) -> Path | None:
    """Rename a database (and its WAL files) to a new unique name beside it; never deletes.

    The WAL files move first: a stale `-wal` left under the live name would be replayed into
    whatever database is opened there next.
    """
    if not database.exists():
        return None
    target = claim_unique(database.parent, f"{database.name}.{label}", sides=SIDE_SUFFIXES)
    for suffix in SIDE_SUFFIXES:
        side = database.with_name(database.name + suffix)
        placeholder = target.with_name(target.name + suffix)
        if side.exists():
            # Onto our own empty placeholder, claimed above: nothing of anyone else's is lost.
            side.replace(placeholder)
        else:
            placeholder.unlink(missing_ok=True)
    database.replace(target)
    return target


def move_back(kept: Path, database: Path) -> None:
    """Undo `set_aside`: the kept file and its WAL files return to the database's name."""
    for suffix in SIDE_SUFFIXES:
        side = kept.with_name(kept.name + suffix)
        if side.exists():
            move_to_free_name(side, database.with_name(database.name + suffix))
    move_to_free_name(kept, database)


def remove_with_sides(database: Path) -> None:
    """Delete a database file with its -wal, -shm and -journal (a copy in progress has them)."""
    for suffix in ("", *SIDE_SUFFIXES, "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def set_aside_foreign_journal(database: Path) -> Path | None:
    """Move a `-journal` beside a WAL-mode database out of the way before SQLite sees it.

    A WAL database never writes a rollback journal, so such a file came from elsewhere (a
    copy, another program, another state of this file); SQLite would replay it as a hot
    journal and write someone else's pages into the library. A rollback-mode database keeps
    its journal: after a crash it is the one thing that makes the file whole again.
    """
    journal = database.with_name(database.name + "-journal")
    if not journal.exists() or not _is_wal_mode(database):
        return None
    target = claim_unique(database.parent, f"{database.name}.foreign-journal")
    journal.replace(target)
    log.warning("moved a foreign journal beside %s aside as %s", database, target)
    return target


def _is_wal_mode(database: Path) -> bool:
    try:
        with database.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header.startswith(b"SQLite format 3\x00") and header[18:20] == _WAL_HEADER
