"""Schema migrations: a newer library is refused, an upgrade is backed up, a failure undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import StorageError
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage import database
from reader.storage.backups import verify
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill, integrity


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _old_library(paths: DataPaths, version: int) -> None:
    """A library as an older Reader left it: only the first `version` migrations applied."""
    paths.root.mkdir(parents=True)
    conn = sqlite3.connect(paths.database)
    for number, sql in database.migrations()[:version]:
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute(
        "INSERT INTO articles (title, source_hash, content_hash, added, updated) "
        "VALUES ('Old article', 's', 'c', '2020-01-01T00:00:00+00:00', '2020-01-01T00:00:00+00:00')"
    )
    conn.commit()
    conn.close()


def test_cli_refuses_a_library_from_a_newer_reader(paths: DataPaths) -> None:
    Library(paths).close()
    conn = sqlite3.connect(paths.database)
    conn.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 5}")
    conn.close()
    before = paths.database.read_bytes()
    done = reader(paths.root, "list")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "newer version of Reader" in lines[0] and "upgrade Reader" in lines[0]
    assert paths.database.read_bytes() == before  # untouched, not set aside
    assert not list(paths.root.glob("*.damaged-*"))


def test_upgrading_a_schema_1_library_backs_it_up_first(paths: DataPaths) -> None:
    try:
        _old_library(paths, 1)
    except sqlite3.OperationalError as exc:
        pytest.fail(f"schema 1 fixture does not match the migration: {exc}")
    old_schema = _schema(paths.database)
    with Library(paths) as lib:
        assert [a.title for a in lib.list_articles()] == ["Old article"]
    backups = list(paths.root.glob("library.before-v2-*.sqlite3"))
    assert len(backups) == 1 and verify(backups[0])
    assert _version(backups[0]) == 1 and _schema(backups[0]) == old_schema
    assert _version(paths.database) == database.SCHEMA_VERSION


@pytest.mark.parametrize("start", [2, database.SCHEMA_VERSION])
def test_a_failing_migration_leaves_the_old_schema_intact(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch, start: int
) -> None:
    if start == database.SCHEMA_VERSION:
        with Library(paths) as lib:
            fill(lib, 3, notes_every=1)
    else:
        _old_library(paths, start)
    old_schema = _schema(paths.database)
    broken = (
        database.SCHEMA_VERSION + 1,
        "CREATE TABLE reading_lists (id INTEGER PRIMARY KEY);\n"
        "ALTER TABLE articles ADD COLUMN list_id INTEGER;\n"
        "INSERT INTO no_such_table VALUES (1);",
    )
    real = database.migrations()
    monkeypatch.setattr(database, "migrations", lambda: [*real, broken])
    monkeypatch.setattr(database, "SCHEMA_VERSION", broken[0])
    with pytest.raises(StorageError, match="no_such_table"):
        Library(paths)
    assert _version(paths.database) == start
    assert _schema(paths.database) == old_schema  # no new table, no new column
    assert integrity(paths.database) == "ok"
    monkeypatch.undo()
    with Library(paths) as lib:
        assert lib.count() >= 1
