"""Lists whose items are paragraphs (`<li><p>…</p></li>`), which the extractor flattens.

trafilatura keeps the text of such a list but writes each item as a loose paragraph, so a
numbered list of steps reads as plain paragraphs and loses its numbers. `restore_paragraph_lists`
finds, among the paragraphs the extractor kept, those that are list items in the page and puts
them back into a `list`/`item` of the extractor's XML, one item per source `<li>`.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.gaps import paragraph_origins
from reader.importers.tree import text_of

_LISTS = frozenset({"ul", "ol"})
_HAS_ITEM_PARAGRAPHS = etree.XPath("boolean(//ul/li/p|//ol/li/p)")


def restore_paragraph_lists(
    body: Any, source: lxml.html.HtmlElement, origins: dict[str, Any] | None = None
) -> None:
    """Wrap each run of `body` paragraphs that come from the items of one source list
    (`origins`: `paragraph_origins(source)`, when the caller has it)."""
    if not _HAS_ITEM_PARAGRAPHS(source):
        return  # the page's paragraphs need not be read: none of them is a list item
    origins = paragraph_origins(source) if origins is None else origins
    run: list[tuple[Any, Any]] = []  # (extracted paragraph, its source <li>)
    for child in list(body):
        item = _source_item(child, origins)
        if run and (item is None or item.getparent() is not run[-1][1].getparent()):
            _wrap(body, run)
            run = []
        if item is not None:
            run.append((child, item))
    if run:
        _wrap(body, run)


def _source_item(element: Any, origins: dict[str, Any]) -> Any | None:
    """The `<li>` of a `<ol>`/`<ul>` whose paragraph `element` is, else None."""
    if element.tag != "p":
        return None
    origin = origins.get(text_of(element))
    parent = origin.getparent() if origin is not None else None
    if parent is None or parent.tag != "li":
        return None
    listing = parent.getparent()
    return parent if listing is not None and listing.tag in _LISTS else None


def _wrap(body: Any, run: list[tuple[Any, Any]]) -> None:
    listing = etree.Element("list", rend=run[0][1].getparent().tag)
    listing.tail = run[-1][0].tail
    body.insert(body.index(run[0][0]), listing)
    item, source_item = etree.SubElement(listing, "item"), run[0][1]
    for paragraph, origin in run:
        if origin is not source_item:
            item, source_item = etree.SubElement(listing, "item"), origin
        paragraph.tail = None
        item.append(paragraph)  # moves it out of the body
