"""Corrected metadata through sync: it travels as ordinary fields and stays the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Library, Library]]:
    """Two libraries syncing through one folder."""
    a, b = (Library(DataPaths(tmp_path / name)) for name in ("a", "b"))
    a.sync.setup(tmp_path / "Sync", "alice")
    a.sync_now()
    b.sync.join(a.sync.status().library, tmp_path / "Sync", "bob")
    yield a, b
    a.close()
    b.close()


def sync_all(*libs: Library) -> None:
    for _ in range(2):
        for lib in libs:
            lib.sync_now()


def only(lib: Library) -> int:
    (summary,) = lib.list_articles()
    return summary.id


def test_an_edit_reaches_the_other_library_and_stays_the_users_there(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    source = write(tmp_path / "in" / "harbour.txt", PLAIN_EN)
    mine = a.import_path(source).article_id
    assert mine is not None
    sync_all(a, b)
    a.edit_details(mine, {"title": "Harbour at dawn", "published": "2019-06", "section": "Sea"})
    sync_all(a, b)
    theirs = only(b)
    details = b.details(theirs)
    assert details.values["title"] == "Harbour at dawn"
    assert (details.values["published"], details.values["section"]) == ("2019-06-01", "Sea")
    assert details.edited == {"title", "published", "section"}
    assert b.search("dawn").total == 1
    assert b.check_articles(repair=False).damaged == ()
    # A new version imported on b keeps the title a made.
    write(source, PLAIN_EN + "\nThe ferry leaves at noon.\n")
    assert b.import_path(source, replace_id=theirs).article_id == theirs
    assert b.details(theirs).values["title"] == "Harbour at dawn"


def test_an_import_elsewhere_does_not_undo_an_edit_it_had_not_seen(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    mine = a.import_path(write(tmp_path / "a" / "harbour.txt", PLAIN_EN)).article_id
    assert mine is not None
    sync_all(a, b)
    a.edit_details(mine, {"title": "Harbour at dawn", "site": "My notes"})
    # Meanwhile b, not yet told of the edit, takes a new version with a new headline, its
    # clock ahead of a's (two changes synced first): by version alone, b's headline wins.
    for read in (False, True):
        b.mark_read([only(b)], read)
        b.sync_now()
    newer = PLAIN_EN.replace("Morning light", "Evening light") + "\nThe ferry leaves at noon.\n"
    b.import_path(write(tmp_path / "b" / "harbour.txt", newer), replace_id=only(b))
    a.sync_now()
    b.sync_now()  # b's import is newer: without the marks, its headline would win
    sync_all(a, b)
    for lib in (a, b):
        details = lib.details(only(lib))
        assert (details.values["title"], details.values["site"]) == ("Harbour at dawn", "My notes")
        assert "ferry leaves at noon" in lib.get_article(only(lib)).text
        assert lib.check_articles(repair=False).damaged == ()


def test_an_undone_edit_is_undone_on_the_other_library_too(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    mine = a.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
    assert mine is not None
    before = a.edit_details(mine, {"title": "Harbour at dawn", "author": ""})
    sync_all(a, b)
    assert b.details(only(b)).edited == {"title", "author"}
    a.restore_details(mine, before)
    sync_all(a, b)
    assert b.details(only(b)) == a.details(mine) == before


def test_a_note_edited_after_it_was_seen_is_no_conflict_anywhere(tmp_path: Path) -> None:
    """Ana writes a note on her laptop, edits it later on her desktop: nothing lost on any
    library, so no conflict is listed, on hers or on a third that held the first text."""
    laptop, desktop, third = (Library(DataPaths(tmp_path / n)) for n in ("lap", "desk", "c"))
    laptop.sync.setup(tmp_path / "Sync", "ana")
    article = laptop.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
    assert article is not None
    laptop.annotations.highlight_quote(article, "fishing boats", note="first")
    laptop.sync_now()
    library = laptop.sync.status().library
    desktop.sync.join(library, tmp_path / "Sync", "ana")
    third.sync.join(library, tmp_path / "Sync", "cleo")
    sync_all(desktop, third)
    (seen,) = desktop.annotations.highlights(only(desktop))
    desktop.annotations.update_highlight(seen.id, note="second, having read the first")
    sync_all(desktop, laptop, third)
    for lib in (laptop, desktop, third):
        (highlight,) = lib.annotations.highlights(only(lib))
        assert highlight.note == "second, having read the first"
        assert lib.sync.conflicts() == []
        lib.close()
