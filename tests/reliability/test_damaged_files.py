"""Damaged library and index files: set aside or rebuilt, never a crash, never data loss."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli.main import main as cli_main
from reader.errors import DamagedDatabase
from reader.paths import DataPaths
from reader.services.library import Library, open_library
from reader.storage import database
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill, integrity

ARTICLES = 40


@pytest.fixture
def backed_up(paths: DataPaths) -> dict[int, str]:
    """A library of 40 articles with notes, a verified backup, and the WAL checkpointed."""
    with Library(paths) as lib:
        notes = fill(lib, ARTICLES, notes_every=4)
        lib.backup()
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return notes


def _root_page(paths: DataPaths, table: str) -> int:
    conn = sqlite3.connect(paths.database)
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
                0
            ]
        )
    finally:
        conn.close()


def _flip_page(paths: DataPaths, page: int) -> None:
    """Invert every byte of one b-tree page after its 8-byte header (pages count from 1)."""
    raw = bytearray(paths.database.read_bytes())
    size = int.from_bytes(raw[16:18], "big")
    start = (page - 1) * size
    for i in range(start + 8, start + size):
        raw[i] ^= 0xFF
    paths.database.write_bytes(bytes(raw))


def _assert_set_aside_with_backup(paths: DataPaths, damaged_bytes: bytes) -> None:
    lib, recovery = open_library(paths)
    with lib:
        assert recovery is not None
        assert ".damaged-" in recovery.damaged.name
        assert recovery.damaged.read_bytes() == damaged_bytes  # kept as it was, never deleted
        assert recovery.backup is not None
        assert recovery.backup.taken.strftime("%Y-%m-%d") in recovery.message()
        assert lib.count() == 0  # an empty library in the meantime
    with sqlite3.connect(f"file:{recovery.backup.path}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == ARTICLES
    conn.close()


@pytest.mark.logs
@pytest.mark.parametrize("table", ["articles", "article_content", "article_notes"])
def test_flipped_bytes_in_a_data_page_are_noticed_at_open(
    paths: DataPaths, backed_up: dict[int, str], table: str
) -> None:
    _flip_page(paths, _root_page(paths, table))
    _assert_set_aside_with_backup(paths, paths.database.read_bytes())


@pytest.mark.logs
def test_a_truncated_library_is_set_aside(paths: DataPaths, backed_up: dict[int, str]) -> None:
    with paths.database.open("r+b") as handle:
        handle.truncate(paths.database.stat().st_size // 2)
    _assert_set_aside_with_backup(paths, paths.database.read_bytes())


@pytest.mark.logs
def test_damage_found_after_open_is_set_aside_by_the_cli(
    paths: DataPaths,
    backed_up: dict[int, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A library too big for the check at open: the first read of the bad page sets it aside."""
    monkeypatch.setattr(database, "CHECK_AT_OPEN_BYTES", 0)
    _flip_page(paths, _root_page(paths, "article_content"))
    try:
        status = cli_main(["--data-dir", str(paths.root), "show", "--text", "1"])
    finally:  # the command line logs into the data directory; detach from it
        for handler in logging.getLogger("reader").handlers[:]:
            logging.getLogger("reader").removeHandler(handler)
            handler.close()
    err = capsys.readouterr().err
    assert status == 1
    assert "damaged" in err and "Traceback" not in err
    assert "set aside as" in err and "backups" in err  # the backup to restore is named
    assert not paths.database.exists()
    assert list(paths.root.glob("library.sqlite3.damaged-*"))


def test_a_passing_error_never_moves_a_sound_library(
    paths: DataPaths, backed_up: dict[int, str]
) -> None:
    from reader.services.library import recover_damaged

    assert recover_damaged(paths) is None
    assert paths.database.exists()


@pytest.mark.logs
def test_cli_reports_damage_and_restore_brings_the_notes_back(
    paths: DataPaths, backed_up: dict[int, str]
) -> None:
    _flip_page(paths, _root_page(paths, "articles"))
    opened = reader(paths.root, "list", "--json")
    assert opened.returncode == 0, opened.stderr
    assert "damaged" in opened.stderr and "Traceback" not in opened.stderr
    assert json.loads(opened.stdout) == []
    backup = reader(paths.root, "backup", "--list", "--json", check=True)
    newest = json.loads(backup.stdout)[0]["path"]
    restored = reader(paths.root, "restore", newest, check=True)
    assert "kept as" in restored.stdout
    listed = json.loads(reader(paths.root, "list", "--json", check=True).stdout)
    assert len(listed) == ARTICLES
    with Library(paths) as lib:
        for article_id, text in backed_up.items():
            note = lib.annotations.for_article(article_id).note
            assert note is not None and note.text == text


# -- the search index: a cache, rebuilt from the library with a message ---------------------


def _live(paths: DataPaths) -> Path:
    folders = [p for p in paths.index_root.iterdir() if p.name.startswith("gen-")]
    assert len(folders) == 1
    return folders[0]


def _truncate_toc(live: Path) -> None:
    for toc in live.glob("*.toc"):
        with toc.open("r+b") as handle:
            handle.truncate(toc.stat().st_size // 3)


def _remove_a_segment(live: Path) -> None:
    next(live.glob("*.seg")).unlink()


def _garbage(live: Path) -> None:
    for path in [*live.glob("*.seg"), *live.glob("*.toc")]:
        path.write_bytes(os.urandom(path.stat().st_size))


def _delete_all(live: Path) -> None:
    shutil.rmtree(live.parent)


@pytest.mark.logs
@pytest.mark.parametrize("damage", [_truncate_toc, _remove_a_segment, _garbage, _delete_all])
def test_a_damaged_index_is_rebuilt_through_library_search(
    paths: DataPaths, damage: Callable[[Path], None]
) -> None:
    with Library(paths) as lib:
        notes = fill(lib, ARTICLES, notes_every=4)
        assert lib.search("kites", limit=1).total == ARTICLES
        lib.update_search_index()
    damage(_live(paths))
    with Library(paths) as lib:
        found = lib.search("kites", limit=5)
        assert found.total == ARTICLES
        assert found.message is not None and "rebuilt" in found.message
        assert lib.search("笔记", limit=1).total == len(notes)  # notes are indexed again
        assert lib.count() == ARTICLES
    assert integrity(paths.database) == "ok"


@pytest.mark.logs
def test_cli_search_says_the_index_was_rebuilt(paths: DataPaths) -> None:
    with Library(paths) as lib:
        fill(lib, 10)
        lib.search("kites")
    _garbage(_live(paths))
    found = reader(paths.root, "search", "kites", "--json", "--limit", "50")
    assert found.returncode == 0, found.stderr
    assert "Search index rebuilt" in found.stderr and "Traceback" not in found.stderr
    assert len(json.loads(found.stdout)) == 10


@pytest.mark.logs
def test_damage_in_a_library_too_big_to_check_at_open_is_recovered_next_time(
    paths: DataPaths, backed_up: dict[int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend every library is too big for the check at open (as a 1 GB one is).
    monkeypatch.setattr("reader.storage.database.CHECK_AT_OPEN_BYTES", 0)
    _flip_page(paths, _root_page(paths, "article_content"))
    damaged = paths.database.read_bytes()
    lib = Library(paths)  # opens: nothing is checked yet
    with lib, pytest.raises(DamagedDatabase):
        for article_id in lib.article_ids():
            lib.get_article(article_id)
    assert paths.database.with_name(paths.database.name + ".check").exists()
    # The next start checks the whole file because the last session saw damage.
    _assert_set_aside_with_backup(paths, damaged)
