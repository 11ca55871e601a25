"""The story's details set as a list at the top of the body (date, section, comments) are the
page's, not the article's text."""

from __future__ import annotations

from reader.importers.html import import_html

ARTICLE = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
    "<p>The log notes the weather, the ships that passed and the oil each lamp burned, in a "
    "hand that grows shakier in the last years of the keeper's service.</p>"
    "<p>When the lamps were wired in 1931 the keeper's post was given up, and the log ends "
    "with a line in another hand saying that the last wick was trimmed that March.</p>"
)


def html_of(before: str) -> str:
    body = f"<div class='story'><h1>The north pier lamps</h1>{before}{ARTICLE}</div>"
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def listing(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def test_a_list_of_the_story_s_details_is_left_out() -> None:
    html = html_of(listing("24 July 2015", "From the section Harbours", "941 comments"))
    assert "keeper" in html
    assert "941 comments" not in html
    assert "<li>" not in html


def test_a_short_list_of_dated_entries_stays() -> None:
    html = html_of(listing("1890: the pier opens", "1931: the lamps are wired"))
    assert "1890: the pier opens" in html


def test_a_short_list_without_a_date_stays() -> None:
    html = html_of(listing("Lamps", "Wicks", "Oil"))
    assert "<li>Wicks</li>" in html
