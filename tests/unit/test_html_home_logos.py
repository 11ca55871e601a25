"""The site's logo, a picture linking to its home page, is not the article's picture."""

from __future__ import annotations

from reader.importers.html import import_html

ARTICLE = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
)


def html_of(picture: str) -> str:
    body = f"<div class='story'>{picture}<h1>The north pier lamps</h1>{ARTICLE}</div>"
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_a_picture_linking_to_the_home_page_is_left_out() -> None:
    for home in ("/", "https://harbour.example/", "https://harbour.example"):
        picture = f'<a href="{home}"><img src="https://harbour.example/logo.png" alt="Logo"></a>'
        html = html_of(picture)
        assert "keeper" in html
        assert "<img" not in html, home


def test_a_picture_linking_elsewhere_stays() -> None:
    for target in ("/lamps/large.jpg", "https://harbour.example/?page=2", "/news/"):
        picture = f'<a href="{target}"><img src="https://harbour.example/lamp.jpg" alt=""></a>'
        assert "<img" in html_of(picture), target
