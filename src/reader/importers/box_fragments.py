"""Loose pieces of a box the extractor took apart: a link and a full stop, not a paragraph.

A side box ("Wikimedia Commons has media related to <b><a>Mozilla</a></b>.") sets a line of
text around a link or two. The extractor sometimes drops the box's text yet keeps its inline
pieces, loose in the body outside any paragraph: an empty link that held the box's icon, the
bold link, the full stop after it. Shown, they read as a paragraph "Mozilla." that the page
never had. `drop_box_fragments` removes each run of such loose pieces whose text the page
holds only inside a longer block, never as a block of its own.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import text_of

# The extractor's inline elements, which it may leave loose in the body (a `code` there is a
# code block, and stays).
_INLINE = frozenset({"hi", "ref"})
# The page's elements that set their text as a block of its own.
_PAGE_BLOCKS = etree.XPath(
    "//p|//div|//td|//th|//li|//dd|//dt|//blockquote|//figcaption|//caption"
    "|//h1|//h2|//h3|//h4|//h5|//h6"
)


def drop_box_fragments(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` the runs of loose inline pieces that are only
    a part of a block of `source`."""
    runs = [run for run in _loose_runs(body) if _run_text(run)]
    if not runs:
        return  # the common case: every piece of text sits in a block
    blocks = {text_of(block) for block in _PAGE_BLOCKS(source)}
    for run in runs:
        text = _run_text(run)
        if text not in blocks and any(text in block for block in blocks):
            for piece in run:
                body.remove(piece)  # the piece's tail (the full stop) goes with it


def _loose_runs(body: Any) -> list[list[Any]]:
    """The runs of inline elements directly in `body` (each with its tail), between blocks;
    a run that loose text opens is more than a box's pieces, and not among them."""
    runs: list[list[Any]] = []
    run: list[Any] | None = []  # None: the current run is not judged
    previous_tail = body.text
    for child in body:
        if child.tag not in _INLINE:
            run = []
        elif run is not None:
            if not run and (previous_tail or "").strip():
                run = None
            else:
                run.append(child)
                if len(run) == 1:
                    runs.append(run)
        previous_tail = child.tail
    return runs


def _run_text(run: list[Any]) -> str:
    return " ".join("".join(text_of(piece) + (piece.tail or "") for piece in run).split())
