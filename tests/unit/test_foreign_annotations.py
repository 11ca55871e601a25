"""Parsing other tools' highlight files: each format, detection, colours, malformed input."""

from __future__ import annotations

import pytest

from reader.core.annotation import Color
from reader.core.foreign import ForeignKey, nearest_color
from reader.errors import InvalidAnnotations
from reader.importers.annotations import PARSERS, detect, parse_foreign
from tests.interop_library import FIXTURES

FILES = {
    "hypothesis.json": "hypothesis",
    "hypothesis-api.json": "hypothesis",
    "readwise.csv": "readwise",
    "My Clippings.txt": "kindle",
    "koreader.json": "koreader",
    "obsidian-clipper.json": "obsidian",
    "zotero.json": "zotero",
}


@pytest.mark.parametrize(("name", "format"), FILES.items())
def test_each_fixture_is_detected_by_its_content(name: str, format: str) -> None:
    data = (FIXTURES / name).read_bytes()
    assert detect(data, "export.bin") == format


def test_w3c_is_detected_and_unknown_text_is_refused_in_one_line() -> None:
    w3c = b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}'
    assert detect(w3c) == "w3c"
    with pytest.raises(InvalidAnnotations, match="--from"):
        detect(b"just some notes\nnothing else\n")
    # JSON of no known shape is read as W3C (the command's historic format): its loader then
    # says in one line what is missing.
    assert detect(b'{"hello": "world"}') == "w3c"
    assert detect(b"[" + b"9" * 5000 + b"]") == "w3c"


def test_hypothesis_export_keeps_selectors_notes_tags_and_skips_page_notes_and_replies() -> None:
    found = parse_foreign((FIXTURES / "hypothesis.json").read_bytes(), "hypothesis")
    assert [h.source_id for h in found] == ["hyp-Aa1", "hyp-Aa2", "hyp-Aa3"]
    first = found[0]
    harbour = ForeignKey("https://example.org/harbour", "Morning light on the old harbour")
    assert first.key == harbour
    assert first.quote == "The fishing boats leave before sunrise"
    assert first.suffix == ", and by seven the quay is quiet"
    assert first.note == "Early start, every day."
    assert first.tags == ("harbour", "work")
    assert first.created is not None and first.created.year == 2024


def test_hypothesis_api_rows() -> None:
    found = parse_foreign((FIXTURES / "hypothesis-api.json").read_bytes(), "hypothesis")
    assert [h.key.url for h in found] == [
        "http://example.org/harbour/",
        "https://news.example.cn/kites/2024/10/26.html",
    ]


def test_readwise_csv_rows_with_quoted_commas_colours_and_books() -> None:
    found = parse_foreign((FIXTURES / "readwise.csv").read_bytes(), "readwise")
    assert len(found) == 3
    assert found[0].key.author == "Ana Lima" and found[0].tags == ("harbour", "morning")
    assert (found[0].source_color, found[0].color) == ("blue", Color.BLUE)
    assert found[1].color is Color.YELLOW  # orange is nearest yellow
    book = found[2]
    assert book.book and book.quote.endswith('with a comma, and "quotes".')
    assert book.location == "location 812"


def test_kindle_clippings_join_notes_skip_bookmarks_and_read_bom_and_crlf() -> None:
    found = parse_foreign((FIXTURES / "My Clippings.txt").read_bytes(), "kindle")
    assert [h.key.title for h in found] == ["The Long Walk"] * 2 + ["Salt and Stone"] * 2
    walk = found[0]
    assert walk.key.author == "Jane Doe" and walk.book
    assert walk.note == "The turning point."  # the note at location 42 ends that highlight
    assert walk.location == "location 40-42"
    assert found[1].location == "location 130-131"  # Kindle writes 130-31
    assert walk.created is not None and (walk.created.month, walk.created.hour) == (3, 22)


def test_koreader_documents_with_colours() -> None:
    found = parse_foreign((FIXTURES / "koreader.json").read_bytes(), "koreader")
    assert [(h.key.title, h.color) for h in found] == [
        ("The Long Walk", Color.PINK),
        ("The Long Walk", Color.GREEN),
        ("Harbour Songs", Color.BLUE),
    ]
    assert found[0].note == "Read aloud" and found[0].location == "page 3"
    single = b'{"title": "One", "author": "A", "entries": [{"text": "x y z", "time": 5}]}'
    assert [h.quote for h in parse_foreign(single, "koreader")] == ["x y z"]


def test_obsidian_clipper_html_fragments_become_text() -> None:
    found = parse_foreign((FIXTURES / "obsidian-clipper.json").read_bytes(), "obsidian")
    assert found[0].quote == "drawn by the painted warehouses and the smell of fresh bread"
    assert found[0].note == "Bakeries open at six."
    assert found[2].quote == "A line from a page that was never saved & never imported."


def test_zotero_annotation_finds_its_article_through_the_attachment() -> None:
    found = parse_foreign((FIXTURES / "zotero.json").read_bytes(), "zotero")
    assert len(found) == 2  # the sticky note has no text to anchor
    first = found[0]
    assert first.key == ForeignKey(
        "https://example.org/harbour", "Morning light on the old harbour", "Lima, Ana"
    )
    assert (first.source_color, first.color) == ("#a28ae5", Color.PURPLE)
    assert first.tags == ("senses", "harbour") and first.source_id == "4242/ANN1"
    assert found[1].key == ForeignKey()  # its parent is not in the file: quote search only


@pytest.mark.parametrize(
    ("spec", "color"),
    [
        ("#ffd400", Color.YELLOW),
        ("red", Color.PINK),
        ("#5fb236", Color.GREEN),
        ("#2ea8e5", Color.BLUE),
        ("#a28ae5", Color.PURPLE),
        ("#e56eee", Color.PURPLE),
        ("#ff6fa8", Color.PINK),
        ("gray", Color.YELLOW),
        ("orange", Color.YELLOW),
        ("not a colour", Color.YELLOW),
        (None, Color.YELLOW),
    ],
)
def test_colours_go_to_the_nearest_hue(spec: str | None, color: Color) -> None:
    assert nearest_color(spec) is color


MALFORMED = [
    ("hypothesis", b'{"rows": "nope"}', "not a list of objects"),
    ("hypothesis", b'[{"uri": "x", "target": [', "not valid JSON"),
    ("hypothesis", b'{"rows": [{"id": "a", "uri": "u", "target": []}]}', "has no target"),
    ("readwise", b"Title,Author\nx,y\n", "missing column"),
    ("readwise", b'Highlight,Book Title\n"unclosed,x\n', "line 2:"),
    # The line the fault is on, counted from 1 (it said "line 0" of a broken header).
    ("readwise", b'"Highlight"x,Book Title\nx,y\n', "line 1:"),
    ("readwise", b'Highlight,Book Title\n"two\nlines",ok\n"bad"x,y\n', "line 4:"),
    ("readwise", b'Highlight,Book Title\nx,y\n\n\n"bad"x,y\n', "line 5:"),
    ("readwise", b'Highlight,Book Title\n"two\nlines"x,y\n', "line 3:"),
    ("kindle", b"Just a line of text\n", "no '=========='"),
    ("kindle", b"Title (A)\nno metadata line\n==========\n", "entry 1"),
    ("koreader", b'{"documents": [{"entries": []}]}', "without a title"),
    ("koreader", b'{"documents": 5}', "'documents' list"),
    ("obsidian", b'[{"highlights": []}]', "without a 'url'"),
    ("obsidian", b'{"url": "x"}', "not a list of pages"),
    ("zotero", b'[{"data": {"itemType": "book"}}]', "no annotation items"),
    ("zotero", b"\xff\xfe\x00junk", "not UTF-8"),
]


@pytest.mark.parametrize(("format", "data", "message"), MALFORMED)
def test_malformed_files_fail_with_one_clear_line(format: str, data: bytes, message: str) -> None:
    with pytest.raises(InvalidAnnotations, match=message) as caught:
        parse_foreign(data, format)
    assert "\n" not in str(caught.value)


def test_uids_are_stable_and_distinct() -> None:
    for name, format in FILES.items():
        data = (FIXTURES / name).read_bytes()
        first = [h.uid for h in parse_foreign(data, format)]
        assert first == [h.uid for h in parse_foreign(data, format)]
        assert len(set(first)) == len(first)
    assert set(PARSERS) == set(FILES.values())
