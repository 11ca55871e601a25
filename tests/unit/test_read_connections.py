"""One writer and a read connection per thread: reads never wait behind a write."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.errors import ReadOnlyLibrary, StorageError
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.database import Database

# How long a writer holds its transaction unless released: a hang guard, far longer than
# any read takes even on a loaded machine.
HOLD_S = 60.0


def _db(tmp_path: Path, **kwargs: bool) -> Database:
    root = tmp_path / "library"
    root.mkdir(exist_ok=True)
    return Database(root / "library.sqlite3", **kwargs)


def _count_sections(db: Database) -> int:
    with db.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM sections").fetchone()[0])


def test_a_read_returns_at_once_while_the_writer_holds_a_long_transaction(tmp_path: Path) -> None:
    db = _db(tmp_path)
    inside, release, left = threading.Event(), threading.Event(), threading.Event()

    def write() -> None:
        with db.transaction() as conn:
            conn.execute("INSERT INTO sections (name, created) VALUES ('held', 'now')")
            inside.set()
            release.wait(HOLD_S)  # a hang guard only: released as soon as the read is back
        left.set()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert inside.wait(HOLD_S)
        seen = _count_sections(db)
        # The read came back while the writer was still inside its transaction: a read
        # queued behind the writer could only return after `left` (HOLD_S later).
        assert not left.is_set(), "the read waited for the writer to finish"
    finally:
        release.set()
        writer.join()
    assert seen == 0  # the uncommitted row is not seen: the snapshot before the write
    assert _count_sections(db) == 1  # and the commit is seen by the next read
    db.close()


def test_each_thread_reads_on_its_own_connection_all_closed_at_close(tmp_path: Path) -> None:
    db = _db(tmp_path)
    seen: list[sqlite3.Connection] = []
    together = threading.Barrier(3)

    def read(wait: bool = True) -> None:
        with db.reading() as conn:
            seen.append(conn)
            with db.reading() as inner:  # nested: the same connection, the same snapshot
                assert inner is conn
            if wait:  # three threads reading at once (a finished thread's id may be reused)
                together.wait(5)

    read(wait=False)
    read(wait=False)  # the same thread again: the same connection
    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen[0] is seen[1]
    assert len({id(c) for c in seen}) == 4
    assert db.conn not in seen
    assert db.read_connections == 4
    with db.reading() as conn, pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("INSERT INTO sections (name, created) VALUES ('x', 'now')")
    db.close()
    for conn in seen:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("SELECT 1")
    with pytest.raises(StorageError, match="closed"):
        _count_sections(db)


def test_a_read_inside_a_transaction_sees_its_uncommitted_changes(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.transaction() as conn:
        conn.execute("INSERT INTO sections (name, created) VALUES ('new', 'now')")
        with db.reading() as same:
            assert same is conn
        assert _count_sections(db) == 1
    assert _count_sections(db) == 1
    db.close()


def test_read_only_library_reads_on_read_only_connections(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.transaction() as conn:
        conn.execute("INSERT INTO sections (name, created) VALUES ('kept', 'now')")
    db.close()
    ro = _db(tmp_path, read_only=True)
    counts: list[int] = []
    thread = threading.Thread(target=lambda: counts.append(_count_sections(ro)))
    thread.start()
    thread.join()
    assert counts == [1] and _count_sections(ro) == 1
    assert ro.read_connections == 2
    with pytest.raises(ReadOnlyLibrary), ro.transaction():
        pass
    ro.close()


def test_damage_found_by_a_read_connection_flags_the_library(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO sections (name, created) VALUES (?, 'now')",
            [(f"section {n} " + "x" * 200,) for n in range(400)],
        )
    db.close()  # the last connection checkpoints: every page is in the main file
    db = _db(tmp_path)  # checked whole at open, then damaged beneath it
    with db.path.open("r+b") as file:
        size = file.seek(0, 2)
        page = 4096
        for offset in range(page, size, page):
            file.seek(offset)
            file.write(b"\xff" * 64)
    failures: list[BaseException] = []

    def read() -> None:
        try:
            with db.reading() as conn:
                conn.execute("SELECT count(*), max(name) FROM sections").fetchone()
        except StorageError as exc:
            failures.append(exc)

    thread = threading.Thread(target=read)  # a fresh connection: nothing cached
    thread.start()
    thread.join()
    assert [type(f).__name__ for f in failures] == ["DamagedDatabase"]
    assert db.suspect_flag.exists()
    db.close()


def test_library_reads_while_an_import_transaction_is_open(data_dir: Path) -> None:
    with Library(DataPaths(data_dir)) as lib:
        inside, release, left = threading.Event(), threading.Event(), threading.Event()

        def hold() -> None:
            with lib.db.transaction():
                inside.set()
                release.wait(HOLD_S)  # a hang guard only: released once the reads are back
            left.set()

        writer = threading.Thread(target=hold)
        writer.start()
        try:
            assert inside.wait(HOLD_S)
            assert lib.count() == 0 and lib.sections() == []
            assert not left.is_set(), "the reads waited for the writer to finish"
        finally:
            release.set()
            writer.join()
