"""A data table set inside a blockquote stays a table."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html

LINE = "The keeper's log lists every lamp lit on the pier that winter, with its hours."
TABLE = (
    "<table><tr><th>Lamp</th><th>Hours</th></tr><tr><td>North</td><td>12</td></tr>"
    "<tr><td>South</td><td>9</td></tr></table>"
)


def cells(quoted: str) -> list[list[str]]:
    body = f"<article><p>{LINE}</p><p>{LINE} Again.</p>{quoted}<p>{LINE} Last.</p></article>"
    page = f"<html><head><title>Log</title></head><body>{body}</body></html>"
    html = import_html(page.encode(), "log.html").html
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return [[cell.text_content().strip() for cell in row] for row in tree.iter("tr")]


def test_a_table_in_a_blockquote_keeps_its_rows_and_cells() -> None:
    assert cells(f"<blockquote>{TABLE}</blockquote>") == [
        ["Lamp", "Hours"],
        ["North", "12"],
        ["South", "9"],
    ]


def test_a_quote_with_words_of_its_own_stays_a_quote() -> None:
    page = f"<html><body><article><p>{LINE}</p><blockquote>Said: {TABLE}</blockquote></article>"
    html = import_html(page.encode(), "log.html").html
    assert "Said:" in html


def test_a_quote_with_words_around_a_table_is_split_at_the_table() -> None:
    quoted = f"<blockquote>Said the keeper: {TABLE} And so the winter ended.</blockquote>"
    assert cells(quoted) == [["Lamp", "Hours"], ["North", "12"], ["South", "9"]]
    page = f"<html><body><article><p>{LINE}</p>{quoted}</article></body></html>"
    html = import_html(page.encode(), "log.html").html
    assert "Said the keeper:" in html and "And so the winter ended." in html
