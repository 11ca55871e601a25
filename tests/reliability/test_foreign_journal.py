"""A rollback journal from another state of the library, left beside the WAL-mode library."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library, open_library
from tests.reliability.conftest import article, fill, integrity

# Leaves a hot journal: a small page cache makes SQLite spill changed pages into the database
# file mid-transaction (syncing the journal first), then the process dies without committing.
_HALF_WRITE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 2")
conn.execute("BEGIN")
conn.execute("UPDATE article_content SET text = 'x' || text, html = upper(html)")
conn.execute("DELETE FROM article_notes")
os._exit(0)
"""


def _hot_journal_of_an_older_state(paths: DataPaths, folder: Path) -> bytes:
    """A copy of the library taken early, half-written by a killed process: its journal."""
    older = folder / "older.sqlite3"
    shutil.copy(paths.database, older)
    conn = sqlite3.connect(older)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    subprocess.run([sys.executable, "-c", _HALF_WRITE, str(older)], check=True, timeout=60)
    journal = older.with_name(older.name + "-journal")
    assert journal.stat().st_size > 0, "the killed writer left a hot journal"
    return journal.read_bytes()


@pytest.mark.logs
def test_a_foreign_journal_is_moved_aside_not_replayed(paths: DataPaths, tmp_path: Path) -> None:
    with Library(paths) as lib:
        notes = fill(lib, 10, notes_every=1)
    journal = _hot_journal_of_an_older_state(paths, tmp_path)
    with Library(paths) as lib:  # the library moves on after that copy was taken
        for n in range(10, 40):
            result = lib.add_article(article(n))
            assert result.article_id is not None
            notes[result.article_id] = f"late note {n}"
            lib.annotations.set_note(result.article_id, notes[result.article_id])
    paths.database.with_name(paths.database.name + "-journal").write_bytes(journal)

    lib, recovery = open_library(paths)
    with lib:
        assert recovery is None
        assert lib.count() == 40
        for article_id, text in notes.items():
            note = lib.annotations.for_article(article_id).note
            assert note is not None and note.text == text
    assert integrity(paths.database) == "ok"
    kept = list(paths.root.glob("library.sqlite3.foreign-journal-*"))
    assert [k.read_bytes() for k in kept] == [journal]
    assert not paths.database.with_name(paths.database.name + "-journal").exists()


def test_a_rollback_mode_library_keeps_its_own_journal(paths: DataPaths, tmp_path: Path) -> None:
    """A library restored from a backup is in rollback mode until opened: a crash there leaves
    a journal that belongs to it, and SQLite must replay it."""
    with Library(paths) as lib:
        fill(lib, 5)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    subprocess.run([sys.executable, "-c", _HALF_WRITE, str(paths.database)], check=True)
    with Library(paths) as lib:
        assert lib.count() == 5
        assert lib.get_article(1).text.startswith("第0篇")  # the half-write was rolled back
    assert not list(paths.root.glob("*foreign-journal*"))
