"""Highlights from other tools land in the library: matched, anchored, reported, never twice."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from reader.core.annotation import AnchorStatus, Color
from reader.core.article import Article
from reader.importers.annotations import detect, parse_foreign
from reader.services.library import Library
from reader.storage import annotation_rows
from reader.storage.foreign import ForeignImportReport
from tests.articles import PLAIN_EN, write
from tests.cli import reader
from tests.interop_library import FIXTURES, HARBOUR, fill

# (exact, fuzzy, orphaned, in book entries) per fixture, on the three-article library.
EXPECTED = {
    "hypothesis.json": (1, 1, 1, 0),
    "hypothesis-api.json": (2, 0, 0, 0),
    "readwise.csv": (2, 0, 0, 1),
    "My Clippings.txt": (2, 0, 0, 2),
    "koreader.json": (2, 0, 0, 1),
    "obsidian-clipper.json": (2, 0, 1, 0),
    "zotero.json": (2, 0, 0, 0),
}


def _import(library: Library, name: str) -> ForeignImportReport:
    report = library.annotations.import_annotations(FIXTURES / name)
    assert isinstance(report, ForeignImportReport)
    return report


def _counts(library: Library) -> tuple[int, int]:
    with library.db.reading() as conn:
        highlights = conn.execute("SELECT count(*) FROM highlights").fetchone()[0]
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return int(highlights), int(articles)


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items())
def test_each_format_matches_anchors_and_adds_nothing_the_second_time(
    library: Library, tmp_path: Path, name: str, expected: tuple[int, int, int, int]
) -> None:
    fill(library, tmp_path)
    [counts] = _import(library, name).sources.values()
    assert (counts.exact, counts.fuzzy, counts.orphaned, counts.in_books) == expected
    before = _counts(library)
    [again] = _import(library, name).sources.values()
    assert (again.exact, again.fuzzy, again.orphaned, again.in_books) == (0, 0, 0, 0)
    assert again.already_present == sum(expected)
    assert _counts(library) == before


def test_anchored_highlights_sit_on_their_passage_with_note_tags_colour_and_time(
    library: Library, tmp_path: Path
) -> None:
    ids = fill(library, tmp_path)
    _import(library, "zotero.json")
    text = library.get_article(ids["harbour"]).text
    [h] = library.annotations.highlights(ids["harbour"])
    assert text[h.start : h.end] == "the painted warehouses and the smell of fresh bread"
    assert (h.color, h.note, h.tags) == (Color.PURPLE, "Smells as memory.", ("harbour", "senses"))
    assert h.created.isoformat().startswith("2024-02-01T09:00")
    with library.db.reading() as conn:
        row = conn.execute(
            "SELECT source, source_id, source_color FROM highlight_sources WHERE highlight_id = ?",
            (h.id,),
        ).fetchone()
    assert tuple(row) == ("zotero", "4242/ANN1", "#a28ae5")  # the original colour is kept
    # Found by quote search: no URL or title in the file names the Chinese article.
    [kite] = library.annotations.highlights(ids["kites"])
    assert kite.quote.exact == "今年的比赛增加了夜间项目" and kite.color is Color.GREEN


def test_quote_search_works_without_the_search_index(library: Library, tmp_path: Path) -> None:
    ids = fill(library, tmp_path)
    library.annotations._articles_quoting = lambda quote: []  # type: ignore[method-assign]
    [counts] = _import(library, "hypothesis-api.json").sources.values()
    assert counts.exact == 2
    assert [h.quote.exact for h in library.annotations.highlights(ids["kites"])] == [
        "带灯的风筝在湖面上空组成了一条发光的长龙"
    ]


def test_books_not_in_the_library_become_entries_holding_their_quotes(
    library: Library, tmp_path: Path
) -> None:
    fill(library, tmp_path)
    report = _import(library, "My Clippings.txt")
    assert report.sources["kindle"].books == ["Salt and Stone"]
    assert "new book entry" in report.sources["kindle"].summary()
    [book] = [a for a in library.list_articles() if a.title == "Salt and Stone"]
    assert book.author == "Rui Costa" and book.site == "Kindle"
    highlights = library.annotations.highlights(book.id)
    assert [h.status for h in highlights] == [AnchorStatus.ANCHORED] * 2
    # A later clipping of the same book joins its entry, and anchors there too.
    later = tmp_path / "later.txt"
    later.write_text(
        "Salt and Stone (Rui Costa)\n- Your Highlight on Location 400-401 | Added on "
        "Friday, March 8, 2024 9:00:00 PM\n\nThe tide keeps no promises.\n==========\n",
        encoding="utf-8",
    )
    [more] = library.annotations.import_annotations(later).sources.values()  # type: ignore[union-attr]
    assert (more.exact, more.orphaned) == (1, 0)
    assert library.get_article(book.id).text.endswith("The tide keeps no promises.")


def test_orphans_wait_under_a_placeholder_until_their_article_arrives(
    library: Library, tmp_path: Path
) -> None:
    fill(library, tmp_path)
    [first] = _import(library, "hypothesis.json").sources.values()
    assert first.placeholders == ["On tides"]
    [holder] = [a for a in library.list_articles() if a.title == "On tides"]
    [orphan] = library.annotations.highlights(holder.id)
    assert orphan.status is AnchorStatus.ORPHANED and orphan.note == "Check the tide tables."
    tides = library.add_article(
        Article(
            title="On tides",
            text="Spring tides come twice a month, whatever the season, as the moon goes round.",
            html="<p>…</p>",
            url="https://elsewhere.example/essays/tides",
        )
    ).article_id
    assert tides is not None
    [again] = _import(library, "hypothesis.json").sources.values()
    assert (again.moved, again.exact, again.already_present) == (1, 1, 2)
    [moved] = library.annotations.highlights(tides)
    assert moved.uid == orphan.uid and moved.status is AnchorStatus.ANCHORED
    assert not library.articles.exists(holder.id)  # the emptied placeholder is gone


def test_a_failure_half_way_leaves_the_library_as_it_was(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(library, tmp_path)
    before = _counts(library)
    real = annotation_rows.insert_highlight
    calls = []

    def failing(conn: sqlite3.Connection, highlight: object) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise sqlite3.OperationalError("disk I/O error")
        return real(conn, highlight)  # type: ignore[arg-type]

    monkeypatch.setattr(annotation_rows, "insert_highlight", failing)
    with pytest.raises(Exception, match="disk I/O"):
        _import(library, "My Clippings.txt")
    assert len(calls) == 3
    assert _counts(library) == before  # no highlight and no book entry survived


@pytest.mark.parametrize(
    ("format", "content"),
    [
        ("hypothesis", '{"rows": [{"id": "a", "uri": "u", "target": []}]}'),
        ("readwise", "Title,Author\nx,y\n"),
        ("kindle", "Title (A)\nno metadata line\n==========\n"),
        ("koreader", '{"documents": [{"entries": []}]}'),
        ("obsidian", '[{"url": "https://x.example", "highlights": 3}]'),
        ("zotero", '[{"data": {"itemType": "annotation", "annotationType": "highlight"'),
    ],
)
def test_malformed_file_on_the_command_line_imports_nothing(
    tmp_path: Path, format: str, content: str
) -> None:
    lib = tmp_path / "lib"
    reader(lib, "import", str(write(tmp_path / "harbour.txt", PLAIN_EN)), check=True)
    bad = tmp_path / f"bad-{format}.txt"
    bad.write_text(content, encoding="utf-8")
    result = reader(lib, "annotations", "import", str(bad), "--from", format)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    notes = json.loads(reader(lib, "notes", "--json", check=True).stdout)
    assert notes == []
    listed = json.loads(reader(lib, "list", "--json", check=True).stdout)
    assert len(listed) == 1  # no book entry or placeholder either


def test_command_line_report_per_source_and_json(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    out = reader(lib, "annotations", "import", str(FIXTURES / "koreader.json"), check=True)
    assert out.stdout.startswith("KOReader: 0 matched exactly, 0 fuzzy, 0 orphaned")
    assert "new book entries made of their quotes" in out.stdout
    again = reader(
        lib, "annotations", "import", str(FIXTURES / "koreader.json"), "--from", "koreader",
        "--json", check=True,
    )  # fmt: skip
    data = json.loads(again.stdout)
    assert data["format"] == "koreader"
    assert data["sources"]["koreader"]["already_present"] == 3


@pytest.mark.parametrize("name", EXPECTED)
def test_each_format_keeps_the_original_colour_and_the_creation_time(
    library: Library, tmp_path: Path, name: str
) -> None:
    fill(library, tmp_path)
    data = (FIXTURES / name).read_bytes()
    parsed = parse_foreign(data, detect(data, name))
    _import(library, name)
    with library.db.reading() as conn:
        rows = conn.execute(
            "SELECT h.uid, h.color, h.created, s.source_color FROM highlights h "
            "JOIN highlight_sources s ON s.highlight_id = h.id"
        ).fetchall()
    stored = {row[0]: tuple(row[1:]) for row in rows}
    assert len(stored) == len(parsed)
    for item in parsed:
        color, created, source_color = stored[item.uid]
        assert (color, source_color) == (item.color.value, item.source_color)
        if item.created is not None:
            assert datetime.fromisoformat(created) == item.created


@pytest.mark.parametrize("undo", [False, True])
def test_a_highlight_the_user_deleted_is_not_imported_again(
    library: Library, tmp_path: Path, undo: bool
) -> None:
    ids = fill(library, tmp_path)
    _import(library, "zotero.json")
    [imported] = library.annotations.highlights(ids["harbour"])
    deleted = library.annotations.delete_highlight(imported.id)
    if undo:  # Edit → Undo puts it back (under a new uid): still one highlight after
        library.annotations.restore_highlight(deleted)
    before = _counts(library)
    [again] = _import(library, "zotero.json").sources.values()
    assert (again.exact, again.dismissed, again.already_present) == (0, 1, 1)
    assert "1 you deleted after an earlier import left out" in again.summary()
    assert _counts(library) == before
    assert len(library.annotations.highlights(ids["harbour"])) == int(undo)


def test_highlights_removed_with_their_article_come_back_with_it(
    library: Library, tmp_path: Path
) -> None:
    ids = fill(library, tmp_path)
    _import(library, "zotero.json")
    library.remove(ids["harbour"], with_annotations=True)
    harbour = library.add_article(HARBOUR).article_id
    assert harbour is not None
    [again] = _import(library, "zotero.json").sources.values()
    assert (again.exact, again.dismissed) == (1, 0)
    assert [h.note for h in library.annotations.highlights(harbour)] == ["Smells as memory."]
