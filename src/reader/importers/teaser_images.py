"""Thumbnails of other stories left at the foot of an extracted body: teasers, not the article.

A "Related stories" box is a row of cards, each a thumbnail and a headline both linking to
another page. The extractor drops the headlines (a block of links) but keeps the pictures, so
the article ends with a row of bare images. `drop_teaser_images` removes that row when it is
made of two or more images with no text between them, each the picture of such a card in the
page: the image is a link, and a link to the same address with words of its own sits beside
it. A gallery's thumbnails link to their pictures alone and stay.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import word_count

_MIN_IMAGES = 2
_CARD_DEPTH = 3  # levels above an image's link still within its card
_HEADLINE_WORDS = 2
_TITLE_WORDS = 6  # a box's title: "Related stories", "More from the site"


def drop_teaser_images(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` the teaser cards its last blocks are."""
    cards, whole = _cards(source)
    if not cards:
        return
    blocks = list(body)
    start, images = len(blocks), 0
    while start > 0 and _is_remnant(blocks[start - 1], cards):
        images += sum(1 for _ in _graphics(blocks[start - 1]))
        start -= 1
    if images < _MIN_IMAGES and not (images and _headlines_dropped(blocks[start:], whole, body)):
        return
    if start > 0 and _is_title(blocks[start - 1]):
        start -= 1  # the box's own title: "Related stories", "Today on the site"
    if sum(word_count(block) for block in blocks[:start]) <= sum(
        word_count(b) for b in blocks[start:]
    ):
        return  # a page of cards: what is left would not be an article
    for block in blocks[start:]:
        body.remove(block)


def _is_remnant(block: Any, cards: dict[str, list[str]]) -> bool:
    """Whether `block` holds only what teaser cards show: their pictures, and lines of their
    text (a date, a dek)."""
    if (block.tail or "").strip():
        return False
    graphics = list(_graphics(block))
    if not all(graphic.get("src") in cards for graphic in graphics):
        return False
    texts = [text for card_texts in cards.values() for text in card_texts]
    lines = [" ".join(piece.split()) for piece in block.itertext()]
    return all(any(line in text for text in texts) for line in lines if line)


def _graphics(block: Any) -> Any:
    return iter([block]) if block.tag == "graphic" else block.iter("graphic")


def _is_title(block: Any) -> bool:
    linked = next(block.iter("ref"), None) is not None
    return block.tag == "head" and 0 < word_count(block) <= _TITLE_WORDS and not linked


def _headlines_dropped(blocks: list[Any], whole: dict[str, str], body: Any) -> bool:
    """Whether every image of `blocks` is the picture of a whole-card link whose headline the
    body does not hold."""
    kept = " ".join(" ".join(body.itertext()).split())
    sources = [graphic.get("src") or "" for block in blocks for graphic in _graphics(block)]
    return all(source in whole and whole[source] not in kept for source in sources)


def _cards(source: lxml.html.HtmlElement) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The page's images that are a teaser card's picture, by source, with their cards' text;
    and those whose card is one link holding its headline too, with that headline."""
    found: dict[str, list[str]] = {}
    whole: dict[str, str] = {}
    for image in source.iter("img"):
        link = next(image.iterancestors("a"), None)
        href = (link.get("href") or "").strip() if link is not None else ""
        if link is None or href.startswith("#") or not href:
            continue
        headline = " ".join(" ".join(link.itertext()).split())
        whole_card = len(headline.split()) >= _HEADLINE_WORDS
        card = _card(link, href)
        card = link if card is None and whole_card else card
        # A lazy card's picture is in `data-src` until a script moves it to `src`.
        address = image.get("src") or image.get("data-src")
        if card is not None and address:
            found.setdefault(address, []).append(" ".join(" ".join(card.itertext()).split()))
            if whole_card:
                whole[address] = headline
    return found, whole


def _card(link: lxml.html.HtmlElement, href: str) -> lxml.html.HtmlElement | None:
    """The nearest element around `link` holding another link to `href` with words of its
    own (the card's headline), or None."""
    card = link
    for _level in range(_CARD_DEPTH):
        parent = card.getparent()
        if parent is None or not href:
            return None
        card = parent
        for other in card.iter("a"):
            same = other is not link and (other.get("href") or "").strip() == href
            if same and word_count(other) >= _HEADLINE_WORDS:
                return card
    return None
