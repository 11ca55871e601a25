"""Opening the library's file: its path and folder checked, connected read-write or
read-only, and SQLite's failures turned into the library's errors."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

from reader.errors import (
    DamagedDatabase,
    DataDirError,
    NoLibrary,
    ReadOnlyLibrary,
    StorageError,
)
from reader.paths import PRIVATE_DIR, create_private_file
from reader.storage.sqlite_errors import Failure, classify
from reader.storage.sqlite_files import set_aside_foreign_journal

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30.0


def check_data_dir(root: Path) -> None:
    try:
        created = not root.is_dir()
        root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        if created:
            root.chmod(PRIVATE_DIR)  # the umask may have taken owner bits off
    except FileExistsError:
        raise DataDirError(f"data directory {root} is not a directory") from None
    except OSError as exc:
        raise DataDirError(f"cannot create data directory {root}: {exc.strerror}") from None
    # A probe of its own: two Readers starting at once must not remove each other's.
    try:
        handle, probe = tempfile.mkstemp(prefix=".write-test-", dir=root)
        os.close(handle)
        Path(probe).unlink()
    except OSError as exc:
        raise _NotWritable(f"data directory {root} is not writable: {exc.strerror}") from None


def move_stray_journal(path: Path) -> None:
    try:
        set_aside_foreign_journal(path)
    except OSError as exc:
        raise StorageError(f"cannot move a stray journal beside {path}: {exc}") from exc


def storage_error(exc: sqlite3.DatabaseError, path: Path) -> StorageError:
    failure = classify(exc)
    if failure is Failure.READ_ONLY:
        return ReadOnlyLibrary(read_only_message(path))
    if failure is Failure.DISK_FULL:
        return StorageError(f"the disk holding {path} is full; nothing was saved")
    if failure is Failure.DAMAGED:
        return DamagedDatabase(f"the library {path} is damaged ({exc})")
    if failure is Failure.BUSY:
        return StorageError(f"the library {path} is busy in another Reader; try again")
    return StorageError(f"library error in {path}: {exc}")


# -- opening: the path, the folder, read-only libraries -----------------------------------------

# SQLite's Unix VFS refuses paths of this many bytes (with the terminating NUL), and it names
# side files by appending to the database path ("-journal" the longest).
SQLITE_MAX_PATH = 512
_SIDE_FILES = ("-wal", "-shm", "-journal")
# Other databases live beside the library and must fit too: the longest is a backup copy in
# progress, "backups/library-<stamp>-<n>.sqlite3.partial-journal" (about 60 bytes) in place of
# "library.sqlite3"; with room to spare for set-aside names.
_LONGEST_BESIDE = 80


class _NotWritable(DataDirError):
    """The data directory exists but nothing can be created in it."""


def read_only_message(path: Path) -> str:
    return f"the library in {path.parent} is read-only; changes are off"


def check_database_path(path: Path) -> None:
    """Refuse a database path SQLite cannot use, before anything opens it.

    Only stat(): opening a FIFO would hang, and SQLite opens a folder only to fail obscurely.
    """
    size = len(os.fsencode(path))
    if size + _LONGEST_BESIDE >= SQLITE_MAX_PATH:
        limit = SQLITE_MAX_PATH - _LONGEST_BESIDE - 1
        raise DataDirError(
            f"the library path is too long for SQLite ({size} bytes, at most {limit}); "
            f"choose a data folder with a shorter path: {path}"
        )
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        try:
            mode = candidate.stat().st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DataDirError(f"cannot use the library {candidate}: {exc.strerror}") from None
        if stat.S_ISDIR(mode):
            raise DataDirError(f"the library file {candidate} is a folder; move it away")
        if not stat.S_ISREG(mode):
            raise DataDirError(
                f"the library file {candidate} is not a regular file (a FIFO, socket or "
                "device); move it away"
            )


def opens_read_only(path: Path, asked: bool) -> bool:
    """Whether to open read-only: when asked, or an existing library cannot be written."""
    if asked:
        return True
    try:
        check_data_dir(path.parent)
    except _NotWritable:
        if path.is_file():
            return True
        raise
    return path.is_file() and not os.access(path, os.W_OK)


def connect(path: Path) -> sqlite3.Connection:
    # Created owner-only first: SQLite gives the -wal and -shm files the database's mode.
    if not create_private_file(path):
        raise DataDirError(f"cannot create the library {path}")
    try:
        return sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) from exc


def connect_read_only(path: Path) -> tuple[sqlite3.Connection, str]:
    """A connection that cannot write, to a library that may sit on a read-only disk.

    Returns the connection and the URI flags that opened it. `mode=ro` reads a WAL library
    when its -shm exists or can be created; in a read-only folder without one, only
    `immutable` opens it (nothing can write it there meanwhile: a writer would need those
    files too). The -wal's content is then not seen.
    """
    if not path.is_file():
        raise NoLibrary(f"there is no library in {path.parent}")
    failure: sqlite3.DatabaseError | None = None
    for flags in ("mode=ro", "immutable=1"):
        conn = connect_uri(path, flags)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_CANTOPEN:
                raise storage_error(exc, path) from exc
            failure = exc
            continue
        log.info("library %s opened read-only (%s)", path, flags)
        return conn, flags
    assert failure is not None
    raise storage_error(failure, path)


def connect_uri(path: Path, flags: str) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{path.absolute().as_uri()}?{flags}",
        uri=True,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
    )
