"""Opening the library database: WAL, foreign keys, schema versions and migrations."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from reader.errors import (
    DamagedDatabase,
    DataDirError,
    NoLibrary,
    ReadOnlyLibrary,
    SchemaTooNew,
    StorageError,
)
from reader.paths import PRIVATE_DIR, create_private_file
from reader.storage.locks import LibraryLock
from reader.storage.readers import ReadConnections
from reader.storage.sqlite_errors import Failure, classify
from reader.storage.sqlite_files import claim_unique, set_aside_foreign_journal, verify

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_S = 30.0
WAL_ATTEMPTS = 40
# Libraries up to this size have every page checked when opened (`PRAGMA quick_check`: about
# 0.1 s for 300 MB from the page cache); damage in a bigger one is noticed at the first read
# of a bad page, and the front ends set the file aside then (see library.recover_damaged).
CHECK_AT_OPEN_BYTES = 128 * 1024 * 1024


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str]]:
    """The numbered SQL migrations shipped with the package, in order."""
    found = []
    for entry in resources.files("reader.storage").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    for expected, (number, _) in enumerate(found, start=1):
        if number != expected:
            raise RuntimeError(f"migration numbers must be contiguous; missing {expected:04d}")
    return found


SCHEMA_VERSION = len(migrations())


class Database:
    """The library database: one writer connection, and a read connection per reading thread.

    Writes go through `transaction()`, one at a time on the writer connection. Reads go
    through `reading()` on the calling thread's own connection (WAL: they see the last commit
    and never wait for the writer); inside a transaction, on its thread, `reading()` hands out
    the writer connection, so the transaction sees its own changes.

    With a `lock` file it holds the library lock shared while open (see storage/locks.py),
    taken before SQLite opens the file, so a restore never swaps the file away beneath it.
    """

    def __init__(self, path: Path, lock: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._writer_thread: int | None = None  # the thread inside transaction(), if any
        self._ro_flags = ""  # how a read-only library was opened, for its read connections
        check_database_path(path)
        # An existing library on a read-only disk or folder is opened read-only: it can still
        # be browsed, and every change is refused at once (see transaction()).
        self.read_only = _opens_read_only(path, read_only)
        self._hold = LibraryLock(lock) if lock is not None else None
        # A stray journal is only judged by a Reader alone with the library: while another
        # connection switches a new file to WAL, its own live journal sits beside a WAL header.
        if self._hold is not None:
            if self._hold.exclusive():
                try:
                    if not self.read_only:
                        _move_stray_journal(path)
                finally:
                    self._hold.release()
            self._hold.shared(BUSY_TIMEOUT_S)
        try:
            self._open()
        except BaseException:
            if self._hold is not None:
                self._hold.release()
            raise

    def _open(self) -> None:
        path = self.path
        if self.read_only:
            self.conn, self._ro_flags = _connect_read_only(path)
        else:
            self.conn = _connect(path)
        try:
            self.conn.row_factory = sqlite3.Row
            self._configure()
            self._check_pages()
            self._migrate()
            # Read connections open lazily, once the writer has brought the schema up to date.
            self._readers = ReadConnections(self._open_reader)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise _storage_error(exc, path) from exc
        except StorageError:
            self.conn.close()
            raise

    def _configure(self) -> None:
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            return
        mode = self._enable_wal()
        if str(mode).lower() != "wal":
            log.warning("database %s is in %s mode, not WAL", self.path, mode)
        # NORMAL is safe against application crashes in WAL mode; annotation writes ask for FULL.
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def _enable_wal(self) -> str:
        # Switching a new file to WAL while another Reader does the same fails at once with
        # "locked" (SQLite skips the busy handler there to avoid a deadlock): wait and retry.
        for attempt in range(WAL_ATTEMPTS):
            try:
                return str(self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            except sqlite3.OperationalError as exc:
                if classify(exc) is not Failure.BUSY or attempt == WAL_ATTEMPTS - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    def _open_reader(self) -> sqlite3.Connection:
        """A read connection with the writer's settings, unable to write (query_only)."""
        try:
            if self.read_only:
                conn = _connect_uri(self.path, self._ro_flags)
            else:
                conn = sqlite3.connect(
                    self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
                )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.DatabaseError as exc:
            raise self._failed(exc) from exc
        return conn

    @property
    def read_connections(self) -> int:
        """How many read connections are open (one per thread that has read)."""
        return self._readers.count

    @property
    def suspect_flag(self) -> Path:
        """Left beside the database when a read found it damaged: check it fully next open."""
        return self.path.with_name(self.path.name + ".check")

    def _check_pages(self) -> None:
        """Read every page of a small (or suspect) library once: damage shows at open."""
        try:
            size = self.path.stat().st_size
        except OSError:
            return
        suspect = self.suspect_flag.exists()
        if not suspect and not 0 < size <= CHECK_AT_OPEN_BYTES:
            return
        first = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if first != "ok":
            raise DamagedDatabase(f"the library {self.path} is damaged ({first})")
        if suspect and not self.read_only:
            self.suspect_flag.unlink(missing_ok=True)

    def _failed(self, exc: sqlite3.DatabaseError) -> StorageError:
        error = _storage_error(exc, self.path)
        if isinstance(error, DamagedDatabase) and not self.read_only:
            # A library too big to check at every open is checked at the next one.
            with suppress(OSError):
                self.suspect_flag.touch()
        return error

    def integrity_ok(self) -> bool:
        """`PRAGMA quick_check`: reads every page, so callers run it off the hot path."""
        with self.reading() as conn:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")

    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.user_version()
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path} was written by a newer version of Reader (schema {current}, "
                f"this version knows {SCHEMA_VERSION}); upgrade Reader to open it"
            )
        pending = [(n, sql) for n, sql in migrations() if n > current]
        if not pending:
            return
        if self.read_only:
            raise ReadOnlyLibrary(
                f"the library in {self.path.parent} is read-only and needs upgrading to "
                f"schema {SCHEMA_VERSION}; open it once where it can be written"
            )
        if current > 0:
            self._backup_before_migration(current)
        self._apply(pending)

    def _apply(self, pending: list[tuple[int, str]]) -> None:
        """All pending migrations, version bumps included, in one transaction: a failing or
        interrupted upgrade leaves the old schema exactly as it was."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            # Another Reader opening the same new library may have migrated it meanwhile.
            current = self.user_version()
            for number, sql in pending:
                if number <= current:
                    continue
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        log.info("migrated %s to schema %d", self.path, pending[-1][0])

    def _backup_before_migration(self, version: int) -> None:
        # A name of its own: the backup API would overwrite an earlier copy of the same name.
        target = claim_unique(
            self.path.parent, f"{self.path.stem}.before-v{version + 1}", ".sqlite3"
        )
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        if not verify(target):
            raise StorageError(f"the backup {target} made before upgrading failed verification")

    @contextmanager
    def transaction(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction; `durable` asks for a full fsync (annotations, notes)."""
        if self.read_only:
            raise ReadOnlyLibrary(read_only_message(self.path))
        with self._lock, self._writing():
            if durable:
                self.conn.execute("PRAGMA synchronous = FULL")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.conn
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                raise self._failed(exc) from exc
            finally:
                if durable:
                    self.conn.execute("PRAGMA synchronous = NORMAL")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        outer, self._writer_thread = self._writer_thread, threading.get_ident()
        try:
            yield
        finally:
            self._writer_thread = outer

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection to read from: this thread's own, in one consistent snapshot; inside
        transaction() on this thread, the writer's (which sees the uncommitted changes)."""
        if self._writer_thread == threading.get_ident():
            try:
                yield self.conn
            except sqlite3.DatabaseError as exc:
                raise self._failed(exc) from exc
            return
        try:
            with self._readers.snapshot() as conn:
                yield conn
        except sqlite3.DatabaseError as exc:
            raise self._failed(exc) from exc

    def close(self) -> None:
        """Close every connection (the readers' after their reads end) and the library lock."""
        self._readers.close()
        with self._lock:
            self.conn.close()
            if self._hold is not None:
                self._hold.release()


def _statements(sql: str) -> list[str]:
    """The statements of a migration script, one by one (triggers with inner `;` stay whole).

    Not executescript(): it commits first, so it cannot run inside our transaction.
    """
    statements, chunk = [], ""
    for line in sql.splitlines(keepends=True):
        chunk += line
        if sqlite3.complete_statement(chunk):
            statements.append(chunk)
            chunk = ""
    if chunk.strip() and not all(
        line.strip().startswith("--") or not line.strip() for line in chunk.splitlines()
    ):
        statements.append(chunk)  # an unterminated last statement: let SQLite judge it
    return statements


def _check_data_dir(root: Path) -> None:
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


def _move_stray_journal(path: Path) -> None:
    try:
        set_aside_foreign_journal(path)
    except OSError as exc:
        raise StorageError(f"cannot move a stray journal beside {path}: {exc}") from exc


def _storage_error(exc: sqlite3.DatabaseError, path: Path) -> StorageError:
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


def _opens_read_only(path: Path, asked: bool) -> bool:
    """Whether to open read-only: when asked, or an existing library cannot be written."""
    if asked:
        return True
    try:
        _check_data_dir(path.parent)
    except _NotWritable:
        if path.is_file():
            return True
        raise
    return path.is_file() and not os.access(path, os.W_OK)


def _connect(path: Path) -> sqlite3.Connection:
    # Created owner-only first: SQLite gives the -wal and -shm files the database's mode.
    if not create_private_file(path):
        raise DataDirError(f"cannot create the library {path}")
    try:
        return sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.DatabaseError as exc:
        raise _storage_error(exc, path) from exc


def _connect_read_only(path: Path) -> tuple[sqlite3.Connection, str]:
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
        conn = _connect_uri(path, flags)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_CANTOPEN:
                raise _storage_error(exc, path) from exc
            failure = exc
            continue
        log.info("library %s opened read-only (%s)", path, flags)
        return conn, flags
    assert failure is not None
    raise _storage_error(failure, path)


def _connect_uri(path: Path, flags: str) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{path.absolute().as_uri()}?{flags}",
        uri=True,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
    )
