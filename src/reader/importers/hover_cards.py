"""Cards a page shows when the pointer rests on a link: more links, not the article's text.

A news page puts beside a person's name, inside the sentence, a box it shows on hover: the
name again, a photo, links to the latest stories about them. Styles hide it; the extractor
does not read styles, so the sentence came out as "threatened to kill Rep. Ilhan OmarIlhan
OmarHillicon Valley: Progressives oppose funding bill... MORE (D-Minn.)". `drop_hover_cards`
removes, before extraction, an element that follows a link straight on, holds a link to that
link's own address and at least one more, and has no text outside its links: the card of
that link. The sentence's text after it stays.
"""

from __future__ import annotations

import lxml.html

from reader.importers.tree import text_of

_MIN_LINKS = 2  # the name again, and at least one story


def drop_hover_cards(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the hover cards that follow their links."""
    for link in list(tree.iter("a")):
        card = link.getnext()
        href = (link.get("href") or "").strip()
        if card is None or not href or (link.tail or "").strip():
            continue
        if card.getparent() is not None and _is_card_of(card, href):
            card.drop_tree()  # keeps its tail: the rest of the sentence


def _is_card_of(card: lxml.html.HtmlElement, href: str) -> bool:
    if not isinstance(card.tag, str) or card.tag == "a":
        return False
    links = list(card.iter("a"))
    if len(links) < _MIN_LINKS or not any((a.get("href") or "").strip() == href for a in links):
        return False
    outside = len(text_of(card)) - sum(len(text_of(a)) for a in links)
    return outside <= len(links)  # the spaces between the links, nothing more
