"""A date on a line of its own above or below the article is not part of its text."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html
from tests.keeper_text import KEEPER

ARTICLE = [
    *KEEPER,
    "When the lamps were electrified the log went to the museum, where a page of it is shown "
    "beside the last brass lamp that stood at the end of the north pier.",
]


def text_of(before: str, after: str = "", middle: str = "") -> str:
    paragraphs = [f"<p>{line}</p>" for line in ARTICLE]
    paragraphs.insert(2, middle)
    body = (
        f'<div class="story"><h1>The north pier lamps</h1>{before}{"".join(paragraphs)}'
        f"{after}</div>"
    )
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").text


@pytest.mark.parametrize(
    "line", ["20 Nov, 2019 05:47", "UPDATED: Tue., Nov. 19, 2019", "Oct 18, 2019 · 8 min read"]
)
def test_a_dateline_above_the_article_is_left_out(line: str) -> None:
    text = text_of(f'<p class="date">{line}</p>')
    assert "trimmed every wick" in text and line not in text


def test_a_dateline_below_the_article_and_loose_after_the_headline_is_left_out() -> None:
    text = text_of("Monday, 18 November 2019 at 10:13", after="<p>Published 18 November 2019</p>")
    assert "brass lamp" in text and "2019" not in text


def test_a_time_inside_the_article_stays() -> None:
    text = text_of("", middle="<p>4:14 p.m.</p>")
    assert "4:14 p.m." in text
