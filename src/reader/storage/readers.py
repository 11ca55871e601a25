"""Read connections to the library, one per reading thread, so reads never wait for a write.

In WAL mode a reader sees the last committed state while the writer works: a read on the UI
thread returns at once even while an import holds a long transaction. Each connection is
`query_only`, so a read path can never write by mistake.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# How long close() waits for a read in progress on another thread before closing under it.
CLOSE_WAIT_S = 5.0

Connect = Callable[[], sqlite3.Connection]


@dataclass
class _Reader:
    conn: sqlite3.Connection
    depth: int = 0  # nested reading() blocks on its thread
    busy: threading.Lock = field(default_factory=threading.Lock)


class ReadConnections:
    """Opens a connection for each thread the first time it reads; closes them all at close().

    Keyed by the OS thread id, not `threading.local`: Qt's pool threads get a fresh Python
    thread state for each job, so a thread-local would be lost (and its connection leaked)
    between jobs. A dead thread's id can be reused by a new thread, which then inherits an
    idle connection: harmless, and it bounds their number by the threads alive at once.
    """

    def __init__(self, connect: Connect) -> None:
        self._connect = connect
        self._readers: dict[int, _Reader] = {}
        self._guard = threading.Lock()
        self._closed = False

    @property
    def count(self) -> int:
        with self._guard:
            return len(self._readers)

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection inside one read transaction: every statement of the block
        sees the same committed state (nested blocks share the outer one's)."""
        reader = self._mine()
        if reader.depth:
            reader.depth += 1
            try:
                yield reader.conn
            finally:
                reader.depth -= 1
            return
        with reader.busy:
            reader.depth = 1
            try:
                reader.conn.execute("BEGIN")
                try:
                    yield reader.conn
                finally:
                    if reader.conn.in_transaction:
                        reader.conn.execute("COMMIT")  # ends the read; nothing to write
            finally:
                reader.depth = 0

    def _mine(self) -> _Reader:
        ident = threading.get_ident()
        with self._guard:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            reader = self._readers.get(ident)
        if reader is None:
            # Opened outside the guard: opening may wait on the disk; only this thread uses it.
            reader = _Reader(self._connect())
            with self._guard:
                if self._closed:
                    reader.conn.close()
                    raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
                self._readers[ident] = reader
        return reader

    def close(self) -> None:
        """Close every connection, after the reads in progress on other threads end."""
        with self._guard:
            self._closed = True
            readers, self._readers = list(self._readers.items()), {}
        here = threading.get_ident()
        for ident, reader in readers:
            # A read still running elsewhere ends first; a stuck one (or this thread's own,
            # when closing inside a read) does not hold the library open.
            waited = ident != here and reader.busy.acquire(timeout=CLOSE_WAIT_S)
            try:
                reader.conn.close()
            finally:
                if waited:
                    reader.busy.release()
