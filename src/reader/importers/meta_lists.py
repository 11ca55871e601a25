"""A bar of the story's details at the top or the foot of the body: the page's, not the text.

Pages set the story's date, its section and its comment count side by side, as a short list
("24 July 2015", "From the section US & Canada", "941 comments"). The extractor keeps it as
the article's first or last block. `drop_meta_lists` removes such a list from the edges of
the extractor's XML body: a few short items, exactly one of them a date (a list of dated
entries, a timeline, dates every item).
"""

from __future__ import annotations

from typing import Any

from reader.importers.datelines import is_dateline

_EDGE = 2  # blocks at each end of the body where the bar stands
_MAX_ITEMS = 5
_ITEM_WORDS = 6


def drop_meta_lists(body: Any) -> None:
    """Remove from the extractor's XML `body` the lists of story details at its edges."""
    blocks = [block for block in body if " ".join(block.itertext()).strip()]
    if len(blocks) <= 2 * _EDGE:
        return  # a page of a few lines: nothing to tell the bar from the text by
    edges = {id(block): block for block in [*blocks[:_EDGE], *blocks[-_EDGE:]]}
    for block in edges.values():
        if block.tag == "list" and _is_meta_bar(block):
            body.remove(block)


def _is_meta_bar(listing: Any) -> bool:
    items = [" ".join(" ".join(item.itertext()).split()) for item in listing.iter("item")]
    if not 2 <= len(items) <= _MAX_ITEMS or any(len(i.split()) > _ITEM_WORDS for i in items):
        return False
    return sum(is_dateline(item) for item in items) == 1
