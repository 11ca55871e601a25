"""The site's licence line in its footer is not the article's text."""

from __future__ import annotations

from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

LICENCE = (
    '<p><a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">'
    '<img alt="Creative Commons License" src="https://licence.example/88x31.png"></a> '
    "This website is licensed under a "
    '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons '
    "Attribution-ShareAlike 4.0 License</a>.</p>"
)


def html_of(body: str) -> str:
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_the_footer_licence_line_after_the_article_is_left_out() -> None:
    html = html_of(f'<div id="page"><div id="post">{KEEPER_HTML}</div><hr>{LICENCE}</div>')
    assert "service on the pier" in html
    assert "licensed" not in html
    assert "<img" not in html


def test_a_paragraph_that_mentions_its_licence_stays() -> None:
    long = LICENCE.replace(
        "This website is licensed under a ",
        "The keeper's log, which the harbour office transcribed and published last spring "
        "with the help of volunteers from the town and from the maritime society, is now "
        "free for anyone to copy and adapt, since the office licensed it under a ",
    )
    html = html_of(f'<div id="page"><div id="post">{KEEPER_HTML}{long}</div></div>')
    assert "licensed it under" in html
