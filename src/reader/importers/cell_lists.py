"""A table cell that is one list, written as the extractor's XML: a fact box's "Divisions".

A fact box's cell often holds a list (one company, then another, one a line). Read as the
cell's text, "Mozilla Corporation" and "Mozilla Foundation" run together into one name, or
into "WickGlass" where the page sets no space between its items. `cell_list` gives back the
list instead, each item's one link kept.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from reader.importers.tree import text_of

_MARKS = re.compile("[\ufdd0-\ufdef]")
# A list of one item is a line; it reads the same as the cell's text.
MIN_ITEMS = 2


def cell_list(page_cell: Any) -> Any | None:
    """The page cell's list as a `list` of the extractor's XML, when one flat list of a few
    items is all of the cell's text; else None."""
    lists = list(page_cell.iter("ul", "ol"))
    if len(lists) != 1 or next(lists[0].iter("table"), None) is not None:
        return None
    items = list(lists[0].iterchildren("li"))
    if len(items) < MIN_ITEMS or not is_flat(lists[0]):
        return None  # a nested list: its shape is more than a cell's line of values
    if not all(text_of(item) for item in items):
        return None
    if "".join(_bare(item) for item in items) != _bare(page_cell):
        return None  # the cell says more than its list: a label, a note
    return flat_list_xml(lists[0])


def is_flat(listing: Any) -> bool:
    """Whether the page's list has items and none of them holds a list of its own."""
    items = list(listing.iterchildren("li"))
    return bool(items) and len(items) == sum(1 for _ in listing.iter("li"))


def flat_list_xml(listing: Any) -> Any:
    """The page's flat list as a `list` of the extractor's XML, an item per entry."""
    built = etree.Element("list", rend=listing.tag)
    for item in listing.iterchildren("li"):
        add_item(built, item)
    return built


def add_item(built: Any, item: Any) -> None:
    """Append the page's list item `item` to `built` (a `list` of the extractor's XML) as
    its text, or as its link when one link is all of it."""
    entry = etree.SubElement(built, "item")
    text = text_of(item)
    links = [link for link in item.iter("a") if link.get("href")]
    # Without the marks put on the page before extraction (a link opening an <i> has one).
    if len(links) == 1 and text_of(links[0]) == _MARKS.sub("", text):
        etree.SubElement(entry, "ref", target=links[0].get("href") or "").text = text
    else:
        entry.text = text


def _bare(element: Any) -> str:
    """The element's text without its spaces: items run together with a space or none."""
    return "".join("".join(element.itertext()).split())
