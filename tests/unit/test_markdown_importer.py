"""The Markdown importer: front matter, the title heading, raw HTML kept as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reader.errors import ImportFailed
from reader.importers.markdown import import_markdown, split_front_matter
from tests.hostile_images import data_uri, png

DATA = Path(__file__).parent.parent / "data" / "markdown"


class TestFrontMatterFile:
    article = import_markdown((DATA / "front-matter.md").read_bytes(), "front-matter.md")

    def test_metadata(self) -> None:
        a = self.article
        assert a.title == "Winter notes from the allotment"
        assert a.author == "Ines Farrow"
        assert a.published == date(2023, 12, 2)
        assert a.section == "Gardening"
        assert a.site == "The Patient Gardener"
        assert a.url == "https://gardener.example.net/winter-notes"
        assert a.language == "en"
        assert a.encoding == "utf-8"

    def test_body_text(self) -> None:
        paragraphs = self.article.text.split("\n\n")
        assert paragraphs[0] == (
            "The allotment is quiet in December. Most beds are covered with straw and old sacks, "
            "and the only green left is the row of leeks by the shed."
        )
        assert paragraphs[1] == "Jobs for the month"
        assert "Mend the broken fence panel before the spring winds." in paragraphs
        assert paragraphs[-1] == "seed order: 3 x broad beans\n            2 x onions"

    def test_title_heading_is_not_repeated(self) -> None:
        assert "Winter notes" not in self.article.text
        assert "<h1>" not in self.article.html

    def test_front_matter_is_not_body(self) -> None:
        assert "Ines Farrow" not in self.article.text
        assert "block scalar" not in self.article.text

    def test_html_is_rendered_and_safe(self) -> None:
        html = self.article.html
        assert "<h2>Jobs for the month</h2>" in html
        assert "<em>broken</em>" in html and "<strong>spring</strong>" in html
        assert '<a href="https://example.org/seeds" rel="noopener noreferrer">safe one</a>' in html
        assert "<script" not in html and "<b>" not in html
        assert "&lt;script&gt;" in html
        assert 'href="javascript' not in html


def test_title_from_first_heading_without_front_matter() -> None:
    article = import_markdown(b"Intro line.\n\n# The *Real* Title\n\nBody text.\n", "notes.md")
    assert article.title == "The Real Title"
    assert article.text == "Intro line.\n\nBody text."


def test_heading_that_differs_from_the_front_matter_title_stays() -> None:
    source = b"---\ntitle: Chosen\n---\n# Chapter one\n\nText.\n"
    article = import_markdown(source, "a.md")
    assert article.title == "Chosen"
    assert article.text == "Chapter one\n\nText."


def test_title_falls_back_to_the_file_name() -> None:
    assert import_markdown(b"Only a paragraph.\n", "my-note.md").title == "my-note"


def test_chinese_markdown_with_bom_crlf_and_wrapped_lines() -> None:
    source = "\ufeff# 雨后的菜园\r\n\r\n雨停以后，菜园里的泥土\r\n变得又松又软。\r\n".encode()
    article = import_markdown(source, "菜园.md")
    assert article.title == "雨后的菜园"
    assert article.text == "雨停以后，菜园里的泥土变得又松又软。"
    assert article.language == "zh-Hans"


def test_gbk_markdown() -> None:
    source = "# 老屋\n\n老屋门前有一棵桂花树，每年秋天都开得很香，整条巷子都能闻到花香。\n".encode(
        "gbk"
    )
    article = import_markdown(source, "old-house.md")
    assert article.title == "老屋"
    assert article.encoding == "gb18030"
    assert "桂花树" in article.text


def test_images_are_embedded_or_web_placeholders() -> None:
    inline = data_uri(png(4, 3))
    source = (
        b"Text.\n\n![local](../secret.png) ![remote](https://x.example/a.png) "
        + f"![inline]({inline})\n".encode()
    )
    article = import_markdown(source, "a.md")
    html = article.html
    # Without a place on disk no local file is read; the web image waits to be downloaded.
    assert html.count("<img") == 2
    assert f'src="{inline}"' in html
    (name,) = article.remote_images
    assert f'<img src="assets/{name}" alt="remote">' in html and "x.example" not in html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: A\n---\nbody", {"title": "A"}),
        ("---\ntitle: 'Quoted: yes'\n...\nbody", {"title": "Quoted: yes"}),
        (
            '---\ntags:\n  - one\n  - two\nauthors: [Ann, "Bo"]\n---\n',
            {"tags": "one, two", "author": "Ann, Bo"},
        ),
        ("---\ncategories:\n- News\n- Local\n---\n", {"section": "News, Local"}),
        ("---\nmeta:\n  title: nested, ignored\n---\n", {}),
        ("--- \ntitle: Spaces after the fence\n---\n", {"title": "Spaces after the fence"}),
    ],
)
def test_split_front_matter(source: str, expected: dict[str, str]) -> None:
    fields, _body = split_front_matter(source)
    assert fields == expected


def test_no_front_matter_when_the_fence_is_not_first_or_not_closed() -> None:
    assert split_front_matter("text\n---\ntitle: A\n---\n") == ({}, "text\n---\ntitle: A\n---\n")
    assert split_front_matter("---\ntitle: A\nnever closed\n") == (
        {},
        "---\ntitle: A\nnever closed\n",
    )


def test_thematic_breaks_are_not_front_matter() -> None:
    article = import_markdown(b"---\nA paragraph between rules.\n---\nMore.\n", "a.md")
    assert "A paragraph between rules." in article.text


def test_unsafe_front_matter_url_is_dropped() -> None:
    article = import_markdown(b"---\nurl: javascript:alert(1)\n---\nText.\n", "a.md")
    assert article.url is None


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_registry_uses_the_markdown_importer(suffix: str) -> None:
    from reader.importers import import_bytes

    article = import_bytes((DATA / "front-matter.md").read_bytes(), f"notes{suffix}")
    assert article.title == "Winter notes from the allotment"


@pytest.mark.parametrize("depth", [19, 20, 200, 50_000])
def test_a_quote_nested_too_deep_keeps_its_text(depth: int) -> None:
    """Found by a user's test: a quote 20 levels deep vanished while the import reported
    success (markdown-it drops what is nested deeper than 20)."""
    note = "Intro line.\n\n" + "> " * depth + "deep quote\n\nAfter.\n"
    article = import_markdown(note.encode(), "quotes.md")
    assert article.text.split("\n\n") == ["Intro line.", "deep quote", "After."]
    assert "<blockquote>" in article.html


def test_front_matter_alone_is_no_article() -> None:
    """It was imported as an empty article; an empty file is refused."""
    for note in ("---\n---\n", "---\ntitle: Nothing yet\n---\n\n   \n"):
        with pytest.raises(ImportFailed, match="no readable text"):
            import_markdown(note.encode(), "empty.md")
    # A stub note, its heading alone, is a note (found in review: vaults hold many).
    assert import_markdown(b"# Just a title\n", "stub.md").title == "Just a title"
