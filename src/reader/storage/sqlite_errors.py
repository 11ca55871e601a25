"""SQLite failures told apart by their result codes, never by the wording of the message."""

from __future__ import annotations

import sqlite3
from enum import Enum

# Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the
# low byte, e.g. SQLITE_IOERR_SHORT_READ = 522 = 10 | (2 << 8).
_BUSY, _LOCKED, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 10, 11, 13, 14, 26
_READONLY = 8


class Failure(Enum):
    READ_ONLY = "read-only"
    DISK_FULL = "disk full"
    DAMAGED = "damaged"
    BUSY = "busy"
    CANNOT_OPEN = "cannot open"
    IO = "i/o"
    OTHER = "other"


_BY_CODE = {
    _READONLY: Failure.READ_ONLY,
    _FULL: Failure.DISK_FULL,
    _CORRUPT: Failure.DAMAGED,
    _NOTADB: Failure.DAMAGED,
    _BUSY: Failure.BUSY,
    _LOCKED: Failure.BUSY,
    _CANTOPEN: Failure.CANNOT_OPEN,
    _IOERR: Failure.IO,
}


def classify(exc: sqlite3.Error) -> Failure:
    """What kind of failure an sqlite3 exception reports, from its (extended) result code."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return Failure.OTHER
    return _BY_CODE.get(code & 0xFF, Failure.OTHER)
