"""Work an import does once, not again: the finished article is copied once, and a page's own
headline never becomes a regular expression of its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest

import reader.core.article
from reader.core.article import Article
from reader.importers import _finish
from reader.importers.html import import_html, parse_document
from reader.importers.html_metadata import read_metadata, strip_site_name
from reader.importers.tree import declared_side


def test_finishing_an_import_copies_the_article_once(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(title=" Title\u202e ", text="Body  \n\n\n\ntext", html="<p>Body</p>")
    normalized: list[str] = []
    normalize = reader.core.article.normalize_text

    def counting(text: str) -> str:
        normalized.append(text)
        return normalize(text)

    monkeypatch.setattr(reader.core.article, "normalize_text", counting)
    finished = _finish(article, b"Body text", "/notes/body.txt")
    assert (finished.title, finished.text) == ("Title", "Body\n\ntext")
    assert finished.source_path == "/notes/body.txt"
    assert finished.source_hash and finished.content_hash
    assert len(normalized) == 1  # each copy of an Article normalizes its text again


def _patterns_compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    patterns: list[str] = []
    for name in ("fullmatch", "match", "search", "compile"):
        real: Callable[..., Any] = getattr(re, name)

        def seen(pattern: Any, *args: Any, _real: Callable[..., Any] = real) -> Any:
            patterns.append(pattern if isinstance(pattern, str) else pattern.pattern)
            return _real(pattern, *args)

        monkeypatch.setattr(re, name, seen)
    return patterns


@pytest.mark.parametrize(
    ("title", "site", "kept_title"),
    [
        ("Quarterly Harvest Figures - Farm Weekly", "Farm Weekly", "Quarterly Harvest Figures"),
        ("Something else entirely", None, "Something else entirely"),
    ],
)
def test_a_pages_headline_is_not_made_into_a_pattern(
    monkeypatch: pytest.MonkeyPatch, title: str, site: str | None, kept_title: str
) -> None:
    heading = "<h1>Quarterly Harvest Figures</h1>"
    page = f"<html><head><title>{title}</title></head><body>{heading}</body></html>"
    meta = read_metadata(parse_document(page), page)
    patterns = _patterns_compiled(monkeypatch)
    meta.complete(None)
    assert (meta.title, meta.site) == (kept_title, site)
    assert not [p for p in patterns if "Harvest" in p]


@pytest.mark.parametrize(
    ("title", "site", "stripped"),
    [
        ("Quarterly Harvest Figures - Farm Weekly", "farm weekly", "Quarterly Harvest Figures"),
        ("FARM WEEKLY | Quarterly Harvest Figures", "Farm Weekly", "Quarterly Harvest Figures"),
        ("Farm Weekly:Quarterly Harvest Figures", "Farm Weekly", "Quarterly Harvest Figures"),
        ("Quarterly Harvest Figures", "Farm Weekly", "Quarterly Harvest Figures"),
        ("Farm Weeklyish news", "Farm Weekly", "Farm Weeklyish news"),
        ("Farm Weekly", "Farm Weekly", "Farm Weekly"),
    ],
)
def test_a_site_name_is_stripped_from_a_title_without_a_pattern_where_it_cannot_be(
    monkeypatch: pytest.MonkeyPatch, title: str, site: str, stripped: str
) -> None:
    patterns = _patterns_compiled(monkeypatch)
    assert strip_site_name(title, site) == stripped
    if stripped == title:  # no separator meets the name: no pattern was made of it
        assert not [p for p in patterns if "Farm" in p]


def _image(**attributes: str) -> Any:
    image = lxml.html.fromstring("<img>")
    for name, value in attributes.items():
        image.set(name, value)
    return image


def test_a_declared_side_is_read_only_from_ascii_digits() -> None:
    assert declared_side(_image(width="120"), "width") == 120
    assert declared_side(_image(width=" 48px "), "width") == 48
    assert declared_side(_image(width="0"), "width") == 0
    assert declared_side(_image(), "width") is None
    assert declared_side(_image(width="50%"), "width") is None
    # isdigit() holds for a superscript two, which int() refuses: a pass would raise
    assert declared_side(_image(width="²"), "width") is None


def test_a_page_declaring_a_superscript_size_imports() -> None:
    text = "<p>The keeper lit the north lamp at dusk and wrote each lighting in the log.</p>" * 5
    icon = '<a href="/harbour"><img src="lamp.png" width="²" height="²"></a>'
    body = f"<article><h1>The log</h1>{text}{icon}{text}</article>"
    page = f"<html><head><title>The log</title></head><body>{body}</body></html>"
    assert "north lamp" in import_html(page.encode(), "log.html").text
