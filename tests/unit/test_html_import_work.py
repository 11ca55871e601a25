"""Work an HTML import does once (per process, per page) rather than once per call or step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from reader.importers import gaps, html, paragraph_lists, split_body
from reader.importers.html import import_html, parse_document
from reader.importers.plain_check import _plain_options, plain_text
from reader.importers.sanitize import has_text, html_to_text

DATA = Path(__file__).parent.parent / "data" / "html"
PAGES = sorted(p.name for p in DATA.glob("*.html"))
STEPS = "".join(
    f"<li><p>Step {n}: turn the brass valve a quarter turn and wait for the gauge.</p></li>"
    for n in range(1, 4)
)
PAGE = (
    "<html><head><title>Lamps of the north pier</title></head><body><article>"
    "<h1>Lamps of the north pier</h1>"
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the pier "
    "twice each evening and once more before dawn to trim the wicks.</p>"
    f"<ol>{STEPS}</ol>"
    "<p>In winter the keeper's walk took longer, as ice gathered on the planks and the "
    "wind off the water put out the lamps the keeper had only just lit.</p>"
    "</article></body></html>"
).encode()


def test_the_extractors_settings_are_read_once_not_for_every_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_html(PAGE, "pier.html")  # the first import may read them
    made: list[Extractor] = []
    original = Extractor.__init__

    def counting(self: Extractor, **kwargs: Any) -> None:
        made.append(self)
        original(self, **kwargs)

    monkeypatch.setattr(Extractor, "__init__", counting)
    article = import_html(PAGE, "pier.html")
    assert "Step 2" in article.text  # both extractions ran: the plain check keeps the steps
    assert made == []


@pytest.mark.parametrize("name", PAGES)
def test_the_settings_read_once_extract_as_the_keywords_do(name: str) -> None:
    tree = parse_document((DATA / name).read_text(encoding="utf-8", errors="replace"))
    rich = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_links=True,
        include_formatting=True,
        output_format="xml",
    )
    ours = trafilatura.bare_extraction(tree, options=html._rich_options())
    assert (rich is None) == (ours is None)
    if rich is not None and ours is not None:
        assert etree.tostring(ours.body) == etree.tostring(rich.body)
    plain = trafilatura.bare_extraction(tree, fast=True, include_comments=False)
    assert plain_text(tree) == (plain.text if plain is not None else None) or None
    assert _plain_options().fast


def test_the_pages_paragraphs_are_read_once_for_all_the_restoring_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = gaps.paragraph_origins
    calls: list[Any] = []

    def counting(source: Any) -> dict[str, Any]:
        calls.append(source)
        return original(source)

    for module in (gaps, html, paragraph_lists, split_body):
        if hasattr(module, "paragraph_origins"):
            monkeypatch.setattr(module, "paragraph_origins", counting)
    article = import_html(PAGE, "pier.html")
    assert "<li><p>Step 1" in article.html.replace("\n", "")  # the list steps used them
    assert len(calls) == 1


@pytest.mark.parametrize(
    "fragment",
    [
        "",
        "<p> </p>",
        "<p>&nbsp;</p>",
        "<p>\u3000</p>",
        "<p>&amp;</p>",
        "<p><ruby>漢<rt>かん</rt></ruby></p>",
        "<p><ruby><rp>(</rp><rt>かん</rt><rp>)</rp></ruby></p>",
        "<p></rt>stray end of a reading</p>",
        "<pre>\n\n  \n</pre>",
        "<table><tr><td> </td><td>\t</td></tr></table>",
        "<table><tr><td> </td><td>669</td></tr></table>",
        "<br><br>",
        "<p>Lamps</p>",
    ],
)
def test_has_text_says_whether_the_rendered_text_holds_anything(fragment: str) -> None:
    assert has_text(fragment) is bool(html_to_text(fragment).strip())
