"""A byline read as a name: without "By", a job title after a comma, or a date glued on."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html

_STORY = (
    "<article><h1>Lamps of the north pier</h1><p>The lamps on the north pier were lit at "
    "dusk by the keeper, who walked the length of the pier twice each evening.</p><p>In "
    "winter the walk was made with a lantern, since the wind put out the matches.</p></article>"
)


def author(byline: str) -> str | None:
    head = f'<meta charset="utf-8"><meta name="author" content="{byline}">'
    markup = f"<html><head>{head}</head><body>{_STORY}</body></html>"
    return import_html(markup.encode(), "a.html").author


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By MARA QUIST, AP Harbour Writer", "MARA QUIST"),
        ("Analysis by Mara Quist, Pier News Editor-at-large", "Mara Quist"),
        ("Mara Quist, Ines Harrow Monday, November", "Mara Quist, Ines Harrow"),
        ("Mara Quist Friday", "Mara Quist"),
    ],
)
def test_a_bylines_furniture_goes(byline: str, expected: str) -> None:
    assert author(byline) == expected


@pytest.mark.parametrize(
    "byline", ["Theresa May", "Mara Quist, MA", "Abby Quist", "MARA QUIST and INES HARROW"]
)
def test_a_name_stays_whole(byline: str) -> None:
    assert author(byline) == byline


def test_a_comments_header_is_no_author() -> None:
    assert author("Mara Quist commented on") is None


@pytest.mark.parametrize("byline", ["admin", "Pieradmin", "Webmaster"])
def test_a_sites_account_is_no_author(byline: str) -> None:
    assert author(byline) is None
