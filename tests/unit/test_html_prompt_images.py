"""The picture of a prompt box under an article ("Still have questions?" and a button) is
not the article's, once the extractor has dropped the box's words and button."""

from __future__ import annotations

from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

HEADLINE = "<h1>The north pier lamps</h1>"
PICTURE = '<img src="https://harbour.example/{name}.png" alt="{name}" width="100" height="100">'


def html_of(body: str) -> str:
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def prompt(name: str, line: str = "Still have questions? Ask the harbour forum.") -> str:
    button = '<a href="https://forum.example/"><button>Take me to the forum</button></a>'
    picture = f"<div class='left'>{PICTURE.format(name=name)}</div>"
    return f"<div class='row'>{picture}<div class='right'><span>{line}</span>{button}</div></div>"


def test_a_prompt_box_picture_at_the_end_is_left_out() -> None:
    html = html_of(f"<div class='story'>{HEADLINE}<div>{KEEPER_HTML}{prompt('forum')}</div></div>")
    assert "service on the pier" in html
    assert "<img" not in html
    assert "data-reader" not in html


def test_the_last_picture_of_the_article_stays_with_its_zoom_button() -> None:
    caption = "<figcaption>The lamp at the end of the north pier.</figcaption>"
    figure = f"<figure>{PICTURE.format(name='lamp')}<button>Zoom</button>{caption}</figure>"
    html = html_of(f"<div class='story'>{HEADLINE}<div>{KEEPER_HTML}{figure}</div></div>")
    assert html.count("<img") == 1
    assert "data-reader" not in html
