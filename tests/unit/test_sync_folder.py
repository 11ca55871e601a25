"""Sync through a shared folder: two and three libraries, conflicts, removals, identity."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import SyncError
from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write
from tests.cli import reader

SECOND = """A walk along the river

The path follows the water past three mills and a ferry landing.

Herons wait in the shallows while the morning fog lifts.
"""


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    return tmp_path / "Sync"


@pytest.fixture
def libs(tmp_path: Path, shared: Path) -> Iterator[list[Library]]:
    """Three libraries, the first set up on the folder, the others joined to it: Alice's
    two devices (both may edit her annotations, so their edits can conflict) and Carol's."""
    opened = [Library(DataPaths(tmp_path / name)) for name in ("a", "b", "c")]
    opened[0].sync.setup(shared, "alice")
    opened[0].sync_now()
    library_id = opened[0].sync.status().library
    for lib, author in zip(opened[1:], ("alice", "carol"), strict=True):
        lib.sync.join(library_id, shared, author)
    yield opened
    for lib in opened:
        lib.close()


def add(lib: Library, tmp_path: Path, text: str = PLAIN_EN, name: str = "harbour.txt") -> int:
    result = lib.import_path(write(tmp_path / "in" / name, text))
    assert result.article_id is not None
    return result.article_id


def sync_all(libs: list[Library], rounds: int = 2) -> None:
    for _ in range(rounds):
        for lib in libs:
            lib.sync_now()


def only_id(lib: Library) -> int:
    (summary,) = lib.list_articles()
    return summary.id


def snapshot(lib: Library) -> dict[str, object]:
    """User data by uid, comparable across libraries."""
    with lib.db.reading() as conn:
        articles = conn.execute(
            """SELECT a.uid, a.title, s.name, a.read_at, a.reading_position,
                      b.article_id IS NOT NULL, n.text
               FROM articles a LEFT JOIN sections s ON s.id = a.section_id
               LEFT JOIN bookmarks b ON b.article_id = a.id
               LEFT JOIN article_notes n ON n.article_id = a.id ORDER BY a.uid"""
        ).fetchall()
        highlights = conn.execute(
            """SELECT h.uid, a.uid, h.color, h.exact, h.start_offset, h.end_offset, h.note
               FROM highlights h JOIN articles a ON a.id = h.article_id ORDER BY h.uid"""
        ).fetchall()
        tags = conn.execute(
            """SELECT a.uid, t.name FROM article_tags x JOIN articles a ON a.id = x.article_id
               JOIN tags t ON t.id = x.tag_id ORDER BY 1, 2"""
        ).fetchall()
    return {
        "articles": [tuple(r) for r in articles],
        "highlights": [tuple(r) for r in highlights],
        "tags": [tuple(r) for r in tags],
    }


def test_import_highlight_tags_position_reach_the_other_library(
    libs: list[Library], tmp_path: Path
) -> None:
    a, b, _ = libs
    article = add(a, tmp_path)
    a.annotations.highlight_quote(article, "fishing boats", note="early start", tags=["sea"])
    a.annotations.set_tags(article, ["travel", "harbour"])
    a.annotations.set_note(article, "visit in May")
    a.set_reading_position(article, 0.5)
    a.set_bookmarked(article)
    a.sync_now()
    b.sync_now()
    other = only_id(b)
    assert b.get_article(other).text == a.get_article(article).text
    (highlight,) = b.annotations.highlights(other)
    assert (highlight.quote.exact, highlight.note, highlight.tags) == (
        "fishing boats",
        "early start",
        ("sea",),
    )
    assert set(b.annotations.for_article(other).all_tags) >= {"travel", "harbour"}
    assert snapshot(a) == snapshot(b)
    assert b.search("herons").total == 0 and b.search("quay").total == 1


def test_applied_changes_are_not_published_again(libs: list[Library], tmp_path: Path) -> None:
    a, b, _ = libs
    add(a, tmp_path)
    a.sync_now()
    report = b.sync_now()
    assert report.applied_records == 1
    assert report.published_files == 0 and report.captured == 0
    assert b.sync.status().pending == 0


def test_two_libraries_import_the_same_text_as_one_article(
    libs: list[Library], tmp_path: Path
) -> None:
    a, b, _ = libs
    add(a, tmp_path / "a")
    add(b, tmp_path / "b")
    sync_all([a, b])
    assert len(a.list_articles()) == len(b.list_articles()) == 1
    assert snapshot(a) == snapshot(b)


def test_notes_edited_on_both_sides_keep_the_losing_text(
    libs: list[Library], tmp_path: Path
) -> None:
    a, b, _ = libs
    article = add(a, tmp_path)
    highlight = a.annotations.highlight_quote(article, "fishing boats")
    sync_all([a, b])
    other = only_id(b)
    (theirs,) = b.annotations.highlights(other)
    a.annotations.set_note(article, "note from alice")
    b.annotations.set_note(other, "note from bob")
    a.annotations.update_highlight(highlight.id, note="alice's highlight note")
    b.annotations.update_highlight(theirs.id, note="bob's highlight note")
    sync_all([a, b])
    assert snapshot(a) == snapshot(b)
    for lib in (a, b):
        lost = {c.value for c in lib.sync.conflicts()}
        assert lost == {"note from alice", "note from bob", "alice's highlight note",
                        "bob's highlight note"} - {_note(lib), _highlight_note(lib)}  # fmt: skip
        assert len(lost) == 2


def _note(lib: Library) -> str:
    note = lib.annotations.for_article(only_id(lib)).note
    return note.text if note else ""


def _highlight_note(lib: Library) -> str:
    (highlight,) = lib.annotations.highlights(only_id(lib))
    return highlight.note


def test_an_edit_beats_a_removal_it_was_not_seen_by(libs: list[Library], tmp_path: Path) -> None:
    a, b, _ = libs
    article = add(a, tmp_path)
    highlight = a.annotations.highlight_quote(article, "fishing boats")
    sync_all([a, b])
    (theirs,) = b.annotations.highlights(only_id(b))
    a.annotations.delete_highlight(highlight.id)
    b.annotations.update_highlight(theirs.id, note="keep this")
    sync_all([a, b])
    for lib in (a, b):
        (kept,) = lib.annotations.highlights(only_id(lib))
        assert kept.note == "keep this"
        assert [c.field for c in lib.sync.conflicts()] == ["deleted"]  # and the user is told


def test_a_removal_after_the_edit_was_seen_removes(libs: list[Library], tmp_path: Path) -> None:
    a, b, _ = libs
    article = add(a, tmp_path)
    highlight = a.annotations.highlight_quote(article, "fishing boats")
    sync_all([a, b])
    (theirs,) = b.annotations.highlights(only_id(b))
    b.annotations.update_highlight(theirs.id, note="seen by alice")
    sync_all([b, a])
    a.annotations.delete_highlight(highlight.id)
    sync_all([a, b])
    assert a.annotations.highlights(article) == b.annotations.highlights(only_id(b)) == []


def test_a_removed_article_goes_everywhere_unless_annotated_meanwhile(
    libs: list[Library], tmp_path: Path
) -> None:
    a, b, c = libs
    first = add(a, tmp_path)
    second = add(a, tmp_path, SECOND, "river.txt")
    sync_all(libs)
    river = next(s.id for s in c.list_articles() if s.title.startswith("A walk"))
    a.remove(first)
    a.remove(second)
    c.annotations.highlight_quote(river, "Herons", note="made while it was removed")
    sync_all(libs)
    for lib in libs:
        (kept,) = lib.list_articles()
        assert kept.title.startswith("A walk")
        assert [h.note for h in lib.annotations.highlights(kept.id)] == [
            "made while it was removed"
        ]
        assert [c.field for c in lib.sync.conflicts()] == ["deleted"]  # and the user is told
    assert snapshot(a) == snapshot(b) == snapshot(c)


def test_a_new_version_of_an_article_reaches_the_other_library(
    libs: list[Library], tmp_path: Path
) -> None:
    a, b, _ = libs
    source = write(tmp_path / "in" / "harbour.txt", PLAIN_EN)
    article = a.import_path(source).article_id
    assert article is not None
    a.annotations.highlight_quote(article, "fishing boats")
    sync_all([a, b])
    write(source, PLAIN_EN.replace("by seven", "by eight"))
    assert a.import_path(source).status.value == "updated"
    sync_all([a, b])
    assert "by eight" in b.get_article(only_id(b)).text
    assert snapshot(a) == snapshot(b)


def test_tags_added_at_once_on_two_devices_are_both_kept(
    libs: list[Library], tmp_path: Path
) -> None:
    a, b, _ = libs
    article = add(a, tmp_path)
    a.annotations.set_tags(article, ["common"])
    sync_all([a, b])
    a.annotations.set_tags(article, ["common", "alpha"])
    b.annotations.set_tags(only_id(b), ["beta"])
    sync_all([a, b])
    assert a.annotations.for_article(article).all_tags == ("alpha", "beta")
    assert snapshot(a) == snapshot(b)


def test_three_libraries_converge(libs: list[Library], tmp_path: Path) -> None:
    a, b, c = libs
    first = add(a, tmp_path / "a")
    add(c, tmp_path / "c", SECOND, "river.txt")
    a.annotations.highlight_quote(first, "quay", color="green")
    sync_all(libs)
    river = next(s.id for s in b.list_articles() if s.title.startswith("A walk"))
    b.annotations.highlight_quote(river, "Herons", note="birds")
    b.move_to_section([river], "Walks")
    c.mark_read([s.id for s in c.list_articles()])
    sync_all(libs)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    assert len(snapshot(a)["highlights"]) == 2  # type: ignore[arg-type]
    assert [s for s in a.sections() if s[0] == "Walks"] == [("Walks", 1)]


def test_a_copied_library_gets_a_new_device_id_and_does_not_fork(
    libs: list[Library], tmp_path: Path, shared: Path
) -> None:
    a = libs[0]
    add(a, tmp_path)
    a.sync_now()
    device = a.sync.status().device
    a.close()
    shutil.copytree(tmp_path / "a", tmp_path / "copy")
    copy = Library(DataPaths(tmp_path / "copy"))
    original = Library(DataPaths(tmp_path / "a"))
    libs[0] = original
    try:
        copy.annotations.set_note(only_id(copy), "written in the copy")
        copy.sync_now()
        original.sync_now()
        assert original.sync.status().device == device
        assert copy.sync.status().device not in (device, "")
        devices = shared / "reader-sync" / "v1" / original.sync.status().library / "devices"
        # The copy wrote none of its files under the original's id.
        assert len(list((devices / device).glob("*.jsonl.gz"))) == 1
        assert _note(original) == "written in the copy"
    finally:
        copy.close()


def test_a_library_restored_over_itself_gets_a_new_device_id(
    libs: list[Library], tmp_path: Path
) -> None:
    a = libs[0]
    add(a, tmp_path)
    a.sync_now()
    device = a.sync.status().device
    a.close()
    database = DataPaths(tmp_path / "a").database
    shutil.copy2(database, database.with_name("restored"))
    database.with_name("restored").replace(database)  # a new file in its place
    libs[0] = Library(DataPaths(tmp_path / "a"))
    libs[0].sync_now()
    assert libs[0].sync.status().device not in (device, "")


def test_the_command_line_sets_up_joins_and_reports(tmp_path: Path, shared: Path) -> None:
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    reader(a_dir, "import", str(write(tmp_path / "in.txt", PLAIN_EN)), check=True)
    setup = reader(a_dir, "sync", "setup", str(shared), "--author", "alice", "--json", check=True)
    library = json.loads(setup.stdout)["library"]
    reader(a_dir, "sync", "now", check=True)
    reader(b_dir, "sync", "join", library, str(shared), check=True)
    now = json.loads(reader(b_dir, "sync", "now", "--json", check=True).stdout)
    assert now["applied_records"] == 1
    status = json.loads(reader(b_dir, "sync", "status", "--json", check=True).stdout)
    assert status["library"] == library and status["pending"] == 0
    assert status["conflicts"] == 0 and status["last_sync"]
    listed = reader(b_dir, "list", "--json", check=True)
    assert "Morning light" in listed.stdout


def test_the_command_line_refuses_what_it_cannot_do(tmp_path: Path, shared: Path) -> None:
    not_set_up = reader(tmp_path / "a", "sync", "now")
    assert not_set_up.returncode == 1 and "not set up" in not_set_up.stderr
    bad = reader(tmp_path / "a", "sync", "join", "nonsense", str(shared))
    assert bad.returncode == 1 and "not a library id" in bad.stderr
    absent = reader(tmp_path / "a", "sync", "join", "0" * 32, str(shared))
    assert absent.returncode == 1 and "no library" in absent.stderr
    assert "Traceback" not in not_set_up.stderr + bad.stderr + absent.stderr


def test_a_failed_join_leaves_the_sync_folder_as_it_was(
    libs: list[Library], tmp_path: Path, shared: Path
) -> None:
    """Found by a user's test: `sync join` of a library not in folder f2 failed, yet the
    folder was switched to f2, and the next `sync now` published there."""
    carol = libs[2]
    before = carol.sync.status()
    other = tmp_path / "Elsewhere"
    other.mkdir()
    with pytest.raises(SyncError, match="there is no library"):
        carol.sync.join("0" * 32, other, "carol")
    after = carol.sync.status()
    assert (after.folder, after.library) == (before.folder, before.library)
    add(libs[0], tmp_path)
    sync_all(libs)
    assert len(carol.list_articles()) == 1
    assert list(other.iterdir()) == []
