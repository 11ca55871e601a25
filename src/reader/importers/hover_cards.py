"""Cards a page shows when the pointer rests on a link: more links, not the article's text.

A news page puts beside a person's name, inside the sentence, a box it shows on hover: the
name again, a photo, links to the latest stories about them. Styles hide it; the extractor
does not read styles, so the sentence came out as "threatened to kill Rep. Ilhan OmarIlhan
OmarHillicon Valley: Progressives oppose funding bill... MORE (D-Minn.)". `drop_hover_cards`
removes, before extraction, an inline element (laid out within the line, no block inside it)
that follows a link of text straight on, holds a link to that link's own address and at
least one more, and has no text outside its links: the card of that link. The sentence's
text after it stays. A box of blocks after a link (a product's picture, then its name and
description, each linking to its page) is a list entry, not a card, and stays.
"""

from __future__ import annotations

import lxml.html

from reader.importers.tree import text_of

_MIN_LINKS = 2  # the name again, and at least one story
# Elements laid out within a line of text: a card is one, and holds nothing else.
_INLINE = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "em", "font", "i"),
        *("img", "kbd", "label", "mark", "q", "s", "small", "span", "strong", "sub", "sup"),
        *("time", "u", "picture", "source"),
    }
)


def drop_hover_cards(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the hover cards that follow their links."""
    for link in list(tree.iter("a")):
        card = link.getnext()
        href = (link.get("href") or "").strip()
        if card is None or not href or (link.tail or "").strip() or not text_of(link):
            continue
        if card.getparent() is not None and _is_card_of(card, href):
            card.drop_tree()  # keeps its tail: the rest of the sentence


def _is_card_of(card: lxml.html.HtmlElement, href: str) -> bool:
    if not isinstance(card.tag, str) or card.tag == "a":
        return False
    if any(isinstance(e.tag, str) and e.tag not in _INLINE for e in card.iter()):
        return False  # a block inside: laid out as a box of its own, not within the line
    links = list(card.iter("a"))
    if len(links) < _MIN_LINKS or not any((a.get("href") or "").strip() == href for a in links):
        return False
    outside = len(text_of(card)) - sum(len(text_of(a)) for a in links)
    return outside <= len(links)  # the spaces between the links, nothing more
