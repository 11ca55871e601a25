"""Sync's storage: the migration gives existing articles uids; the folder writes files once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import SyncError
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.database import _statements, migrations
from reader.sync.transport import FolderTransport


def test_articles_of_an_older_library_get_their_content_hash_as_uid(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    paths.root.mkdir()
    conn = sqlite3.connect(paths.database, isolation_level=None)
    for number, sql in migrations()[:4]:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        """INSERT INTO articles (title, source_hash, content_hash, added, updated)
           VALUES ('Old', 's', 'c0ffee', '2024-01-01', '2024-01-01')"""
    )
    conn.execute("INSERT INTO article_content VALUES (1, 'old text', '<p>old text</p>')")
    conn.close()
    with Library(paths) as lib, lib.db.reading() as read:
        rows = read.execute("SELECT uid, title FROM articles").fetchall()
    assert [tuple(r) for r in rows] == [("c0ffee", "Old")]


def test_a_second_article_with_a_taken_uid_gets_a_random_one(library: Library) -> None:
    with library.db.transaction() as conn:
        for title, content in (("One", "h1"), ("Two", "h2")):
            conn.execute(
                "INSERT INTO articles (title, source_hash, content_hash, added, updated) "
                "VALUES (?, 's', ?, 'now', 'now')",
                (title, content),
            )
        # The first article's text changed (a new version): its uid stays, its hash moves on.
        conn.execute("UPDATE articles SET content_hash = 'h3' WHERE title = 'One'")
        conn.execute(
            "INSERT INTO articles (title, source_hash, content_hash, added, updated) "
            "VALUES ('Three', 's', 'h1', 'now', 'now')"
        )
        uids = {str(r[0]): str(r[1]) for r in conn.execute("SELECT title, uid FROM articles")}
    assert uids["One"] == "h1" and uids["Two"] == "h2"
    assert len(uids["Three"]) == 32 and uids["Three"] not in ("h1", "h2")


def test_the_folder_writes_a_file_once_and_lists_only_finished_ones(tmp_path: Path) -> None:
    folder = FolderTransport(tmp_path / "root")
    folder.put("devices/" + "a" * 32 + "/1-2.jsonl.gz", b"first")
    folder.put("devices/" + "a" * 32 + "/1-2.jsonl.gz", b"second")  # never overwritten
    assert folder.read("devices/" + "a" * 32 + "/1-2.jsonl.gz") == b"first"
    (tmp_path / "root" / "devices" / ("a" * 32) / ".tmp-1234-3-4.jsonl.gz").write_bytes(b"x")
    (tmp_path / "root" / "devices" / "not-a-device").mkdir()
    assert folder.devices() == ["a" * 32]
    assert folder.record_files("a" * 32) == ["1-2.jsonl.gz"]
    assert list((tmp_path / "root" / "devices" / ("a" * 32)).glob(".tmp-*")) != []


def test_a_folder_listing_that_fails_names_that_folder(tmp_path: Path) -> None:
    # Every listing goes through one reader; the snapshots' named the sync root instead.
    folder = FolderTransport(tmp_path / "root")
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "snapshots").write_bytes(b"a file where the folder belongs")
    assert folder.devices() == [] and folder.record_files("a" * 32) == []
    with pytest.raises(SyncError, match=r"cannot read the sync folder .*snapshots: "):
        folder.snapshots()
