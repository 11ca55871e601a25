"""SQLite failures are classified by result code, from errors real SQLite raised."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.storage.sqlite_errors import Failure, classify


def _raised(action: object) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        action()  # type: ignore[operator]
    return caught.value


def test_read_only(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert classify(_raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))) is Failure.READ_ONLY


def test_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "garbage.sqlite3"
    db.write_bytes(b"this is not a database at all" * 200)
    conn = sqlite3.connect(db)
    assert classify(_raised(lambda: conn.execute("SELECT * FROM sqlite_master"))) is (
        Failure.DAMAGED
    )


def test_busy(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    first = sqlite3.connect(db, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN IMMEDIATE")
    second = sqlite3.connect(db, timeout=0, isolation_level=None)
    assert classify(_raised(lambda: second.execute("BEGIN IMMEDIATE"))) is Failure.BUSY
    first.execute("ROLLBACK")


def test_extended_codes_keep_their_primary_code() -> None:
    full = sqlite3.OperationalError("whatever the wording")
    full.sqlite_errorcode = 13  # SQLITE_FULL
    assert classify(full) is Failure.DISK_FULL
    short_read = sqlite3.OperationalError("disk I/O error")
    short_read.sqlite_errorcode = 522  # SQLITE_IOERR_SHORT_READ
    assert classify(short_read) is Failure.IO
    assert classify(sqlite3.Error("no code")) is Failure.OTHER
