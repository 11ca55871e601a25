"""The box a page shows when the pointer rests on a link is not part of the sentence."""

from __future__ import annotations

import lxml.html

from reader.importers.hover_cards import drop_hover_cards
from reader.importers.html import import_html

STORIES = (
    '<a class="people-articles" href="/news/ferry-timetable">Ferry timetable changes in '
    'spring as the keeper retires</a> <a class="people-articles" href="/news/harbour-dues">'
    'Harbour dues rise for larger boats</a> <a class="more" href="/people/ann-wick">MORE</a>'
)
CARD = (
    '<span class="rollover-block"><span><img src="/ann.jpg" width="100" height="100" alt="">'
    f'<a class="name" href="/people/ann-wick">Ann Wick</a>{STORIES}</span></span>'
)
REST = (
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
    "<p>The log notes the weather, the ships that passed and the oil each lamp burned, in a "
    "hand that grows shakier in the last years of the keeper's service on the pier.</p>"
)


def text_of(card: str) -> str:
    return page_text(
        "<p>The lamps on the north pier were lit at dusk by the keeper, "
        f'<span class="rollover"><a href="/people/ann-wick">Ann Wick</a>{card}</span> (harbour '
        "board), who walked the length of the pier twice each evening.</p>"
    )


def page_text(sentence: str) -> str:
    body = f'<div class="story"><h1>The north pier lamps</h1>{sentence}{REST}</div>'
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").text


def test_the_card_beside_a_name_is_left_out_of_the_sentence() -> None:
    text = text_of(CARD)
    assert "keeper, Ann Wick (harbour board), who walked" in " ".join(text.split())
    assert "Ferry timetable" not in text and "MORE" not in text


def test_links_after_a_link_with_text_of_their_own_stay() -> None:
    aside = f"<span>, who also wrote <a href='/people/ann-wick'>her memoir</a> and {STORIES}</span>"
    text = text_of(aside)
    assert "her memoir" in text and "Harbour dues" in text


def test_a_box_of_blocks_after_a_link_stays() -> None:
    # A shop's entry in a list of offers: its name, then a box of its price and description,
    # each linking to the same offer.
    offer = "https://shop.example/lamp?ref=pier"
    entry = (
        f'<div class="product"><a class="title" href="{offer}">Brass harbour lamp with oil '
        f'reservoir</a><div class="details"><div class="price"><a href="{offer}">$139.00</a>'
        f'</div><div class="description"><a href="{offer}">Hand made after the pier lamps of '
        "the north coast, with a glass chimney and a brass wick winder.</a></div></div></div>"
    )
    tree = lxml.html.document_fromstring(f"<html><body>{entry}</body></html>")
    drop_hover_cards(tree)
    assert "glass chimney" in tree.text_content() and "$139.00" in tree.text_content()
