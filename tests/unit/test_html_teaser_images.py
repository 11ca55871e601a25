"""The cards of a "Related stories" box below an article (a thumbnail, a headline, a line
under it) are not its pictures and text, even once the extractor has dropped the headlines."""

from __future__ import annotations

from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

ARTICLE = KEEPER_HTML
STORIES = ("ferry", "dues", "museum")
HEADLINE = "<h1>The north pier lamps</h1>"


def html_of(body: str) -> str:
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def card(name: str, headline: bool = True) -> str:
    href = f"https://harbour.example/{name}"
    picture = f'<a href="{href}"><img src="https://harbour.example/{name}.jpg" alt="{name}"></a>'
    title = f'<div class="link"><a href="{href}">The {name} story of the harbour</a></div>'
    line = f'<div class="dek">More about the {name}.</div>'
    return f"<div class='card'>{picture}{title if headline else ''}{line}</div>"


def cards(headline: bool = True) -> str:
    return "".join(card(name, headline) for name in STORIES)


def test_teaser_cards_inside_the_article_box_are_left_out() -> None:
    box = f"<div class='story'>{HEADLINE}<div>{ARTICLE}</div>{cards()}</div>"
    html = html_of(box)
    assert "service on the pier" in html
    assert "<img" not in html
    assert "More about the" not in html


def test_teaser_cards_under_their_title_are_left_out_with_it() -> None:
    html = html_of(f"{HEADLINE}{ARTICLE * 3}<h2>Today at the harbour</h2>{cards()}")
    assert "service on the pier" in html
    assert "<img" not in html
    assert "Today at the harbour" not in html


def test_a_gallery_of_linked_pictures_without_headlines_stays() -> None:
    box = f"<div class='story'>{HEADLINE}<div>{ARTICLE}</div>{cards(False)}</div>"
    assert html_of(box).count("<img") == len(STORIES)


def test_one_card_at_the_end_stays() -> None:
    box = f"<div class='story'>{HEADLINE}<div>{ARTICLE}</div>{card('ferry')}</div>"
    assert html_of(box).count("<img") == 1


def whole_card(name: str) -> str:
    """A card that is one link: its picture and its headline inside the same <a>."""
    picture = f'<img src="https://harbour.example/{name}.jpg" alt="{name}">'
    headline = f"<div>Read next</div><h3>The {name} story of the harbour</h3>"
    return (
        f'<div class="end"><a href="https://harbour.example/{name}">{headline}{picture}</a></div>'
    )


def test_one_whole_card_link_at_the_end_is_left_out() -> None:
    box = f"<div class='story'>{HEADLINE}<div>{ARTICLE}</div>{whole_card('ferry')}</div>"
    html = html_of(box)
    assert "service on the pier" in html
    assert "<img" not in html


def test_an_article_picture_linking_to_its_own_page_stays() -> None:
    picture = '<a href="https://harbour.example/lamp.jpg"><img src="https://harbour.example/lamp.jpg"></a>'
    box = f"<div class='story'>{HEADLINE}<div>{ARTICLE}{picture}</div></div>"
    assert html_of(box).count("<img") == 1
