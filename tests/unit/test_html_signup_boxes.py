"""A newsletter's sign-up box in an article is not the article's text."""

from __future__ import annotations

from reader.importers.html import import_html
from tests.keeper_text import KEEPER

ARTICLE = list(KEEPER)
SIGNUP = (
    '<div class="box"><div class="icon"><i class="envelope"></i></div><div>'
    "<h2>Subscribe to the Harbour Morning newsletter</h2>"
    "<p>Get the day's harbour news delivered to your inbox every morning.</p></div>"
    '<div><form id="subscribe-form"><input type="email" name="address" placeholder="Email">'
    '<input type="submit" value="Subscribe"></form>'
    "<p>There was a problem subscribing you to the newsletter. Please try again.</p></div></div>"
)


def text_of(box: str) -> str:
    paragraphs = [f"<p>{line}</p>" for line in ARTICLE]
    paragraphs.insert(2, box)
    body = f'<div class="story"><h1>The north pier lamps</h1>{"".join(paragraphs)}</div>'
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").text


def test_a_newsletter_box_in_the_article_is_left_out() -> None:
    text = text_of(SIGNUP)
    assert "trimmed every wick" in text and "service on the pier" in text
    assert "newsletter" not in text and "inbox" not in text


def test_the_article_around_a_search_field_stays_whole() -> None:
    search = '<form><input type="search" name="q"></form>'
    text = text_of(f"<div><p>Search the harbour archive for the keeper's log.</p>{search}</div>")
    assert "Search the harbour archive" in text
