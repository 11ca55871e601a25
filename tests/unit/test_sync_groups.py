"""Groups: every highlight and note shows its author; others' annotations are read-only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import NotYours
from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write
from tests.cli import reader


@pytest.fixture
def group(tmp_path: Path) -> Iterator[tuple[Library, Library]]:
    """Alice annotates an article; Bob, a group member, receives it and adds his own."""
    alice, bob = Library(DataPaths(tmp_path / "alice")), Library(DataPaths(tmp_path / "bob"))
    alice.sync.setup(tmp_path / "Sync", "alice")
    article = alice.import_path(write(tmp_path / "in.txt", PLAIN_EN)).article_id
    assert article is not None
    alice.annotations.highlight_span(article, 0, 7, note="alice's highlight")
    alice.annotations.set_note(article, "alice's note")
    alice.sync_now()
    bob.sync.join(alice.sync.status().library, tmp_path / "Sync", "bob")
    bob.sync_now()
    (theirs,) = bob.list_articles()
    bob.annotations.highlight_span(theirs.id, 10, 20, note="bob's highlight")
    bob.sync_now()
    alice.sync_now()
    yield alice, bob
    alice.close()
    bob.close()


def _highlights(lib: Library) -> dict[str, str | None]:
    return {h.note: h.author for h in lib.annotations.list_highlights()}


def test_every_highlight_and_note_carries_its_author(group: tuple[Library, Library]) -> None:
    alice, bob = group
    expected = {"alice's highlight": "alice", "bob's highlight": "bob"}
    assert _highlights(alice) == _highlights(bob) == expected
    for lib in group:
        note = lib.annotations.for_article(lib.list_articles()[0].id).note
        assert note is not None and note.author == "alice"


def test_others_annotations_are_read_only(group: tuple[Library, Library]) -> None:
    _alice, bob = group
    article = bob.list_articles()[0].id
    by_note = {h.note: h for h in bob.annotations.highlights(article)}
    theirs, mine = by_note["alice's highlight"], by_note["bob's highlight"]
    with pytest.raises(NotYours, match="alice's"):
        bob.annotations.update_highlight(theirs.id, note="bob rewrote it")
    with pytest.raises(NotYours):
        bob.annotations.delete_highlight(theirs.id)
    with pytest.raises(NotYours):
        bob.annotations.reattach(theirs.id, 0, 5)
    with pytest.raises(NotYours):
        bob.annotations.set_note(article, "bob's note instead")
    assert bob.annotations.update_highlight(mine.id, note="bob's, edited").note == ("bob's, edited")
    assert _highlights(bob)["alice's highlight"] == "alice"
    assert bob.annotations.for_article(article).note.text == "alice's note"  # type: ignore[union-attr]


def test_the_cli_shows_and_filters_by_author(group: tuple[Library, Library]) -> None:
    alice, bob = group
    bob.close()
    data = bob.paths.root
    listed = json.loads(reader(data, "notes", "--json", check=True).stdout)
    authors = {h["note"]: h["author"] for g in listed for h in g["highlights"]}
    assert authors == {"alice's highlight": "alice", "bob's highlight": "bob"}
    assert listed[0]["note"]["author"] == "alice"
    only_bob = json.loads(reader(data, "notes", "--author", "bob", "--json", check=True).stdout)
    assert [h["note"] for g in only_bob for h in g["highlights"]] == ["bob's highlight"]
    assert only_bob[0]["note"] is None
    text = reader(data, "notes", check=True).stdout
    assert "by alice" in text and "by bob" not in text
    refused = reader(data, "note", str(listed[0]["article_id"]), "mine now")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "read-only" in refused.stderr
    alice.close()


def test_a_blank_author_is_no_author_anywhere(tmp_path: Path) -> None:
    # Sync used to keep and sign with "   " while the exports read it as no author at all.
    with Library(DataPaths(tmp_path / "lib")) as lib:
        status = lib.sync.setup(tmp_path / "Sync", "   ")
        assert status.author.strip()
        assert lib.annotations.author_name() == status.author


def test_an_article_holding_others_annotations_is_never_deleted_for_good(
    group: tuple[Library, Library],
) -> None:
    """Found by a user's test: Alice removed the article for good with its annotations, and
    once synced Bob's highlight was gone from his library too."""
    alice, bob = group
    article = alice.list_articles()[0].id
    with pytest.raises(NotYours, match="annotations by bob"):
        alice.remove(article, with_annotations=True)
    assert alice.trash([article]) == [article]
    assert alice.empty_trash() == []  # it stays in the Trash
    assert [a.id for a in alice.trashed()] == [article]
    alice.sync_now()
    bob.sync_now()
    assert set(_highlights(bob)) == {"alice's highlight", "bob's highlight"}
    # Bob's own highlight and Alice's: neither is his to take away either.
    (theirs,) = [a.id for a in bob.list_articles()] + [a.id for a in bob.trashed()]
    with pytest.raises(NotYours, match="annotations by alice"):
        bob.remove(theirs, with_annotations=True)
