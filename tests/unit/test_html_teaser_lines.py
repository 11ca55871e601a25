"""A line that only points to another story of the site is not part of the article."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html

OPENING = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
)
CLOSING = (
    "<p>The log notes the weather, the ships that passed and the oil each lamp burned, in a "
    "hand that grows shakier in the last years of the keeper's service on the pier.</p>"
    "<p>When the lamps were electrified the log went to the museum, where a page of it is shown "
    "beside the last brass lamp that stood at the end of the north pier.</p>"
)


def text_of(line: str) -> str:
    body = f'<div class="story"><h1>The north pier lamps</h1>{OPENING}{line}{CLOSING}</div>'
    head = (
        '<meta charset="utf-8"><title>The north pier lamps</title>'
        '<link rel="canonical" href="https://harbour.example/news/pier-lamps">'
    )
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").text


@pytest.mark.parametrize(
    "line",
    [
        '<p><strong>Related: </strong><a href="/news/ferry"><strong>The ferry timetable changes '
        "in spring</strong></a></p>",
        '<p><b>SEE MORE</b>: <a href="https://harbour.example/news/dues">Harbour dues rise for '
        "larger boats</a></p>",
        '<p><strong><a href="https://video.harbour.example/v/12">FERRY TIMETABLE CHANGES IN '
        "SPRING</a></strong></p>",
    ],
)
def test_a_line_pointing_to_another_story_is_left_out(line: str) -> None:
    text = text_of(line)
    assert "trimmed every wick" in text and "brass lamp" in text
    assert "ferry timetable" not in text.casefold() and "Harbour dues" not in text


@pytest.mark.parametrize(
    "line",
    [
        # A link alone in mixed case: it may be the article's own ("read the report").
        '<p><a href="/reports/lamps">The council report on the pier lamps</a></p>',
        # A source on another site, under a label.
        '<p><b>Source:</b> <a href="https://archive.example/log">The harbour keeper log '
        "online</a></p>",
        # A sentence holding a link.
        '<p><a href="/news/ferry">The ferry timetable</a> changes in spring as well.</p>',
    ],
)
def test_the_articles_own_lines_with_links_stay(line: str) -> None:
    text = text_of(line)
    assert any(words in text for words in ("council report", "keeper log", "timetable"))
