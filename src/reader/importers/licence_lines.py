"""The site's licence line in its footer: "This website is licensed under ...", not the article.

Sites state their content's licence in the footer of every page, a line with a badge linking
to the licence (`<a rel="license">`, the markup the licence's own generator writes). When the
extractor runs on from the article into the footer it keeps that line among the text.
`drop_licence_lines` removes from the extracted body each block whose whole text is a short
line of the page holding such a link, unless it opens the body (then it is all there is).
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import text_of

# A line this long at most: a licence notice, not a paragraph that mentions its licence.
_LINE_WORDS = 40
# The page's blocks a licence line may be written in.
_BLOCKS = frozenset({"p", "div", "li", "footer", "address", "section", "td", "dd"})


def drop_licence_lines(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` the blocks that are the page's licence lines."""
    lines = _licence_lines(source)
    if not lines:
        return
    texted = [block for block in body if text_of(block)]
    for block in texted[1:]:
        if text_of(block) in lines:
            body.remove(block)


def _licence_lines(source: lxml.html.HtmlElement) -> set[str]:
    """The texts of the short blocks holding a link to the page's licence."""
    lines = set()
    for link in source.iter("a"):
        if "license" not in (link.get("rel") or "").lower().split():
            continue
        block = next((e for e in link.iterancestors() if e.tag in _BLOCKS), None)
        text = text_of(block)
        if text and len(text.split()) <= _LINE_WORDS:
            lines.add(text)
    return lines
