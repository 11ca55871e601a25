"""Backups, restore and damaged databases, on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.errors import StorageError
from reader.paths import DataPaths
from reader.services.library import Library, open_library
from reader.storage.backups import Backup, BackupSet, Retention, restore, verify


def _add(lib: Library, title: str) -> int:
    result = lib.add_article(Article(title=title, text=f"{title} body", html="<p>x</p>"))
    assert result.article_id is not None
    return result.article_id


def test_backup_is_verified_and_rotated(library: Library) -> None:
    _add(library, "One")
    library.backups.retention = Retention(last=3, daily=1, weekly=1, monthly=1)
    made = [library.backup() for _ in range(5)]
    kept = library.backups.list()
    assert [b.path for b in kept] == [b.path for b in reversed(made[-3:])]
    assert all(verify(b.path) for b in kept)
    assert not list(library.paths.backups.glob("*.partial"))


def test_failed_backup_never_replaces_a_good_one(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(library, "One")
    good = library.backup()

    def refuse(path: Path) -> None:
        raise StorageError(f"{path} is not a usable library backup (integrity check failed)")

    monkeypatch.setattr("reader.storage.backups.check_backup", refuse)
    with pytest.raises(StorageError, match="failed verification"):
        library.backup()
    monkeypatch.undo()
    assert [b.path for b in library.backups.list()] == [good.path]
    assert sorted(p.name for p in library.paths.backups.iterdir()) == [good.path.name]


def test_restore_keeps_the_current_library_aside(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    with Library(paths) as lib:
        _add(lib, "Before")
        backup = lib.backup()
        _add(lib, "After")
    kept = restore(backup.path, paths.database, paths.library_lock)
    assert kept is not None and kept.exists()
    with Library(paths) as lib:
        assert [a.title for a in lib.list_articles()] == ["Before"]
    with sqlite3.connect(kept) as conn:  # the replaced library still has both
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    conn.close()


def test_restore_refuses_a_bad_file(data_dir: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError, match="not a usable library backup"):
        paths = DataPaths(data_dir)
        restore(bogus, paths.database, paths.library_lock)


def _damaged_after_a_backup(paths: DataPaths) -> Backup:
    """A library of one article ("Precious"), backed up, then its header overwritten."""
    with Library(paths) as lib:
        _add(lib, "Precious")
        good = lib.backup()
    raw = bytearray(paths.database.read_bytes())
    raw[:16] = b"garbage-garbage!"
    paths.database.write_bytes(bytes(raw))
    return good


@pytest.mark.logs
def test_damaged_header_is_set_aside_and_backup_offered(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    good = _damaged_after_a_backup(paths)
    lib, recovery = open_library(paths)
    with lib:
        assert recovery is not None
        assert recovery.damaged.exists() and ".damaged-" in recovery.damaged.name
        assert recovery.damaged.read_bytes()[:16] == b"garbage-garbage!"
        assert recovery.backup is not None and recovery.backup.path == good.path
        assert lib.count() == 0
        assert "can be restored" in recovery.message()
    restore(good.path, paths.database, paths.library_lock)
    with Library(paths) as lib:
        assert [a.title for a in lib.list_articles()] == ["Precious"]


@pytest.mark.logs
def test_the_backup_to_restore_outlives_the_backups_of_the_empty_library(data_dir: Path) -> None:
    """Found by a user's test: three backups of the empty library opened after the damage
    (`reader backup`, or the automatic ones) thinned away the good one the message named."""
    paths = DataPaths(data_dir)
    good = _damaged_after_a_backup(paths)
    lib, recovery = open_library(paths)
    with lib:
        assert recovery is not None and recovery.backup is not None
        lib.backups.retention = Retention(last=2, daily=1, weekly=1, monthly=1)
        for _ in range(4):
            lib.backup()
        kept = [b.path for b in lib.backups.list()]
    assert good.path in kept and len(kept) == 3  # the two newest, and the one to restore
    restore(good.path, paths.database, paths.library_lock)
    with Library(paths) as lib:
        assert [a.title for a in lib.list_articles()] == ["Precious"]


@pytest.mark.logs
def test_damaged_without_backup_starts_empty(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    paths.root.mkdir(parents=True)
    paths.database.write_bytes(b"\x00" * 4096)
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    lib, recovery = open_library(paths)
    with lib:
        assert recovery is not None and recovery.backup is None
        assert "starting with an empty library" in recovery.message()
    assert BackupSet(paths.backups).list() == []


def test_a_backup_leaves_another_process_copy_in_progress_alone(library: Library) -> None:
    """The cause of a "disk I/O error" in a backup made while another Reader also backed up:
    its clean-up deleted the other's unfinished copy and that copy's rollback journal, and
    SQLite could not finish the copy without it."""
    _add(library, "One")
    folder = library.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    in_progress = [
        folder / "library-20250101T000000000000Z.sqlite3.partial",
        folder / "library-20250101T000000000000Z.sqlite3.partial-journal",
        folder / "library-k2j4h5.partial",
        folder / "library-k2j4h5.partial-journal",
    ]
    for path in in_progress:
        path.write_bytes(b"being written")
    library.backup()
    assert all(p.exists() for p in in_progress)
    abandoned = time.time() - 2 * 24 * 3600  # left by a crash two days ago
    for path in in_progress:
        os.utime(path, (abandoned, abandoned))
    library.backup()
    assert not any(p.exists() for p in in_progress)


def test_a_restored_library_is_searched_as_restored(data_dir: Path) -> None:
    """Found by a user's test: after a restore, search still found an article by the note
    added after the backup (in the set-aside library only), until `reader reindex`."""
    paths = DataPaths(data_dir)
    with Library(paths) as lib:
        article = _add(lib, "Harbour")
        backup = lib.backup()
        lib.annotations.set_note(article, "zyzzyva marks the spot")
        lib.update_search_index()
        assert [hit.id for hit in lib.search("zyzzyva").hits] == [article]
    restore(backup.path, paths.database, paths.library_lock)
    with Library(paths) as lib:
        assert lib.search("zyzzyva").hits == []
        assert [hit.id for hit in lib.search("Harbour").hits] == [article]
