"""The headline opening an extracted body is dropped when the title says it, worded apart."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

ARTICLE = KEEPER_HTML


def imported(title: str, heading: str) -> tuple[str, str]:
    head = f'<meta charset="utf-8"><meta property="og:title" content="{title}">'
    body = f"<article><h1>{heading}</h1>{ARTICLE}</article>"
    article = import_html(f"<html><head>{head}</head><body>{body}</body></html>".encode(), "p.html")
    return article.text, article.html


@pytest.mark.parametrize(
    "heading",
    [
        "Keeper Lights The Lamps Of The North Pier",  # capitalized as a headline
        "Keeper lights the lamps of the north pier at dusk",  # the title was cut for sharing
        "Keeper lights the ‘lamps’ of the north pier",  # other quotes
        "The north pier's lamps: keeper lights them",  # the same words, reordered
    ],
)
def test_a_headline_worded_like_the_title_is_not_shown_twice(heading: str) -> None:
    text, html = imported("Keeper lights the lamps of the north pier", heading)
    assert "<h1>" not in html
    assert text.startswith("The lamps on the north pier")


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Lamps of the north pier in the winter of the great storm", "Lamps"),  # a section
        ("Keeper lights the lamps of the north pier", "Ferry timetable and harbour dues"),
    ],
)
def test_a_heading_that_is_not_the_title_stays(title: str, heading: str) -> None:
    text, html = imported(title, heading)
    assert f"<h1>{heading}</h1>" in html
    assert text.startswith(heading)
