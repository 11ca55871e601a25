"""A date standing alone at the top or the foot of an extracted body: the page's, not the text.

Pages print when a story was published or updated on a line of its own, above the article or
below it ("20 Nov, 2019 05:47", "UPDATED: Tue., Nov. 19, 2019", "Oct 18, 2019 · 8 min read").
The extractor keeps that line as the article's first or last paragraph; the date belongs in
the article's metadata, where the importer reads it from the page. `drop_datelines` removes
such a line from the first or last two blocks of the extractor's XML body: a paragraph, a
heading or loose text after the headline, of a few words, that holds a year or a time of day
and is made of numbers for a good part. Dates inside the article (a live blog's "4:14 p.m.",
a quoted tweet's signature) are further in, and stay.
"""

from __future__ import annotations

import re
from typing import Any

_EDGE = 2  # blocks at each end of the body where a dateline stands
_MAX_WORDS = 12
_WORD = re.compile(r"\w+")
_DATE_OR_TIME = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")
_NUMBER_SHARE = 1 / 3  # of the line's words: "Updated at 1:23 p.m." is two numbers in six


def drop_datelines(body: Any) -> None:
    """Remove from the extractor's XML `body` the datelines among its first and last blocks."""
    blocks = [block for block in body if " ".join(block.itertext()).strip()]
    edges = {id(block): block for block in [*blocks[:_EDGE], *blocks[-_EDGE:]]}
    if len(blocks) <= 2 * _EDGE:
        return  # a page of a few lines: nothing to tell a dateline from the text by
    if is_dateline(body.text or ""):
        body.text = None
    for block in blocks[:_EDGE]:  # loose text after the headline: the extractor's own line
        if is_dateline(block.tail or ""):
            block.tail = None
    for block in edges.values():
        if block.tag in {"p", "head"} and is_dateline(" ".join(block.itertext())):
            body.remove(block)


def is_dateline(text: str) -> bool:
    """Whether `text` is a date or a time, with at most a few words around it."""
    words: list[str] = _WORD.findall(text)
    if not words or len(words) > _MAX_WORDS or _DATE_OR_TIME.search(text) is None:
        return False
    return sum(word.isdigit() for word in words) >= _NUMBER_SHARE * len(words)
