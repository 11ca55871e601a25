"""`reader restore` accepts only a Reader backup that checks out, and says why not in a line."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.database import SCHEMA_VERSION, migrations
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill
from tests.reliability.test_article_check import flip_bytes


def _sqlite(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def _empty(folder: Path, backup: Path) -> Path:
    return _sqlite(folder / "empty.sqlite3", "VACUUM")


def _other_application(folder: Path, backup: Path) -> Path:
    return _sqlite(
        folder / "places.sqlite",
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
        "INSERT INTO moz_places (url) VALUES ('https://example.org/')",
        "PRAGMA user_version = 70",
    )


def _clashing_schema(folder: Path, backup: Path) -> Path:
    return _sqlite(
        folder / "clash.sqlite3",
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE article_content (article_id INTEGER, body BLOB)",
        f"PRAGMA user_version = {SCHEMA_VERSION}",
    )


def _schema_99(folder: Path, backup: Path) -> Path:
    return _sqlite(shutil.copy(backup, folder / "future.sqlite3"), "PRAGMA user_version = 99")


def _damaged_article(folder: Path, backup: Path) -> Path:
    copy = Path(shutil.copy(backup, folder / "flipped.sqlite3"))
    flip_bytes(copy)
    return copy


CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "empty": (_empty, "not a Reader library: it has none of Reader's tables"),
    "other application": (_other_application, "not a Reader library: it has none of"),
    "clashing schema": (_clashing_schema, f"schema {SCHEMA_VERSION}: it lacks table sections"),
    "schema 99": (_schema_99, f"schema 99, this version knows {SCHEMA_VERSION}"),
    "damaged article": (_damaged_article, "fail their content check, first #3"),
}


@pytest.fixture
def backed_up(paths: DataPaths) -> Path:
    with Library(paths) as lib:
        fill(lib, 4, notes_every=1)
        return lib.backup().path


@pytest.mark.parametrize("case", CASES)
def test_restore_refuses_what_is_not_a_sound_reader_backup(
    case: str, paths: DataPaths, backed_up: Path, tmp_path: Path
) -> None:
    make, why = CASES[case]
    candidate = make(tmp_path, backed_up)
    before = paths.database.read_bytes()
    refused = reader(paths.root, "restore", str(candidate))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1, refused.stderr
    assert "is not a usable library backup" in refused.stderr and why in refused.stderr
    assert paths.database.read_bytes() == before
    assert not list(paths.root.glob("*.replaced-*")) and not list(paths.root.glob("*.restoring*"))


def test_an_older_schema_backup_is_restored_and_upgraded(paths: DataPaths, tmp_path: Path) -> None:
    old = tmp_path / "schema1.sqlite3"
    conn = sqlite3.connect(old)
    conn.executescript(migrations()[0][1])
    conn.execute(
        """INSERT INTO articles (title, source_hash, content_hash, added, updated)
           VALUES ('Old', '', ?, '2020-01-01', '2020-01-01')""",
        (_hash("Old", "old text"),),
    )
    conn.execute("INSERT INTO article_content VALUES (1, 'old text', '<p>old text</p>')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    reader(paths.root, "restore", str(old), check=True)
    with Library(paths) as lib:
        assert [a.title for a in lib.list_articles()] == ["Old"]


def _hash(title: str, text: str) -> str:
    from reader.core.article import content_hash

    return content_hash(title, text)
