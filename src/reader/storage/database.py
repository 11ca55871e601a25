"""The library database: WAL, foreign keys, schema versions and migrations, transactions."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from reader.errors import (
    DamagedDatabase,
    ReadOnlyLibrary,
    SchemaTooNew,
    StorageError,
)
from reader.storage.locks import LibraryLock
from reader.storage.opening import (
    BUSY_TIMEOUT_S,
    check_database_path,
    connect,
    connect_read_only,
    connect_uri,
    move_stray_journal,
    opens_read_only,
    storage_error,
)
from reader.storage.opening import read_only_message as read_only_message  # for the services
from reader.storage.readers import ReadConnections
from reader.storage.sqlite_errors import Failure, classify
from reader.storage.sqlite_files import claim_unique, verify

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
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
        self.read_only = opens_read_only(path, read_only)
        self._hold = LibraryLock(lock) if lock is not None else None
        # A stray journal is only judged by a Reader alone with the library: while another
        # connection switches a new file to WAL, its own live journal sits beside a WAL header.
        if self._hold is not None:
            if self._hold.exclusive():
                try:
                    if not self.read_only:
                        move_stray_journal(path)
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
            self.conn, self._ro_flags = connect_read_only(path)
        else:
            self.conn = connect(path)
        try:
            self.conn.row_factory = sqlite3.Row
            self._configure()
            self._check_pages()
            self._migrate()
            # Read connections open lazily, once the writer has brought the schema up to date.
            self._readers = ReadConnections(self._open_reader)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise storage_error(exc, path) from exc
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
                conn = connect_uri(self.path, self._ro_flags)
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
        error = storage_error(exc, self.path)
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
