"""Setting files aside: every kept file gets a name of its own, nothing is renamed over."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.paths import DataPaths, move_to_free_name
from reader.services.library import Library
from reader.storage.database import migrations
from reader.storage.sqlite_files import claim_unique, set_aside


def _database(path: Path, marker: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (marker TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (marker,))
    conn.commit()
    conn.close()


def _markers(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in conn.execute("SELECT marker FROM t")]
    finally:
        conn.close()


def test_set_asides_in_the_same_second_are_all_kept(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    kept = []
    for n in range(5):  # well within one second: names used to collide and replace each other
        _database(database, f"damage {n}")
        target = set_aside(database, "damaged")
        assert target is not None
        kept.append(target)
    assert len(set(kept)) == 5
    assert [_markers(k) for k in kept] == [[f"damage {n}"] for n in range(5)]
    assert not database.exists()


def test_set_aside_takes_the_wal_along(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    _database(database, "in the wal")
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO t VALUES ('only in the wal')")
    writer.commit()
    reader = sqlite3.connect(database)  # keeps the WAL from being checkpointed at close
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM t").fetchall()
    writer.close()
    target = set_aside(database, "replaced")
    reader.close()
    assert target is not None
    assert not database.with_name(database.name + "-wal").exists()
    assert "only in the wal" in _markers(target)


def test_claimed_names_are_unique_across_threads(tmp_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        names = list(pool.map(lambda _: claim_unique(tmp_path, "x", ".sqlite3"), range(200)))
    assert len(set(names)) == 200 and all(n.exists() for n in names)


def test_a_move_never_replaces_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a")
    (tmp_path / "b").write_text("b")
    with pytest.raises(FileExistsError):
        move_to_free_name(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_text() == "b" and (tmp_path / "a").read_text() == "a"
    move_to_free_name(tmp_path / "a", tmp_path / "c")
    assert (tmp_path / "c").read_text() == "a" and not (tmp_path / "a").exists()


def test_two_upgrades_in_one_second_keep_both_backups(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    paths.root.mkdir()
    for n in range(3):  # three schema-1 libraries upgraded one after another, within a second
        paths.database.unlink(missing_ok=True)
        conn = sqlite3.connect(paths.database)
        conn.executescript(migrations()[0][1])
        conn.execute("CREATE TABLE marker (n INTEGER)")
        conn.execute("INSERT INTO marker VALUES (?)", (n,))
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
        conn.close()
        Library(paths).close()  # backs up, then migrates to the current schema
    made = sorted(paths.root.glob("library.before-v2-*.sqlite3"))
    assert sorted(_marker(b) for b in made) == [0, 1, 2]


def _marker(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT n FROM marker").fetchone()[0])
    finally:
        conn.close()
