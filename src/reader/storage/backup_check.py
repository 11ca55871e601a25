"""Is this file a Reader library we can restore? Pages, schema, version and article hashes."""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from reader.errors import StorageError
from reader.storage.checksums import damaged_articles
from reader.storage.database import SCHEMA_VERSION, migrations
from reader.storage.sqlite_files import open_read_only


def check_backup(path: Path) -> None:
    """Raise StorageError, in one line, unless `path` is a sound Reader library.

    Sound means: every page passes `integrity_check`, the schema version is one this Reader
    knows, every table and column that version's migrations create is there, and every
    article's title and text still match its content hash.
    """
    if not path.is_file():
        raise StorageError(f"no backup file {path}")
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        raise _unusable(path, f"cannot open it: {exc}") from exc
    try:
        problem = _problem(conn)
    except sqlite3.DatabaseError as exc:
        problem = f"not a SQLite library: {exc}"
    finally:
        conn.close()
    if problem is not None:
        raise _unusable(path, problem)


def _unusable(path: Path, why: str) -> StorageError:
    return StorageError(f"{path} is not a usable library backup ({why})")


def _problem(conn: sqlite3.Connection) -> str | None:
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        return "integrity check failed"
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version <= 0 or not expected_schema(1).keys() & _columns(conn).keys():
        return "not a Reader library: it has none of Reader's tables"
    if version > SCHEMA_VERSION:
        return f"written by a newer Reader: schema {version}, this version knows {SCHEMA_VERSION}"
    missing = _missing_columns(conn, version)
    if missing:
        return f"not a Reader library of schema {version}: it lacks {', '.join(missing[:3])}"
    damaged = damaged_articles(conn)
    if damaged:
        return f"{len(damaged)} article(s) fail their content check, first #{damaged[0]}"
    return None


def _missing_columns(conn: sqlite3.Connection, version: int) -> list[str]:
    found = _columns(conn)
    missing = []
    for table, columns in expected_schema(version).items():
        have = found.get(table)
        if have is None:
            missing.append(f"table {table}")
        else:
            missing.extend(f"{table}.{c}" for c in sorted(columns - have))
    return missing


@cache
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns the migrations up to `version` create (run on an empty copy)."""
    conn = sqlite3.connect(":memory:")
    try:
        for number, sql in migrations():
            if number <= version:
                conn.executescript(sql)
        return _columns(conn)
    finally:
        conn.close()


_TABLE_INFO = "SELECT * FROM pragma_table_info(?)"


def _columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: frozenset(
            str(r[1]) for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))
        )
        for table in tables
    }
