"""Headings and lists the extractor dropped from between two paragraphs it kept.

trafilatura sometimes keeps every paragraph of a section but not the heading or the list
between them (when it falls back to collecting loose paragraphs, or after a link-heavy box).
Such a block sits inside the article by construction: its paragraph before and after were
both kept, from the same container, one after the other. `restore_dropped_blocks` puts it back
into the extractor's XML, in that XML's vocabulary (`head`, `list`/`item`).
"""

from __future__ import annotations

import itertools
from typing import Any

import lxml.html
from lxml import etree

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})


def restore_dropped_blocks(body: Any, source: lxml.html.HtmlElement) -> None:
    """Insert into `body` the headings and lists of `source` that lie between two paragraphs
    `body` holds next to each other."""
    origins = _paragraph_origins(source)
    kept_text = {_text(element) for element in body.iter("head", "item")}
    children = list(body)
    for before, after in itertools.pairwise(children):
        if before.tag != "p" or after.tag != "p":
            continue
        first, second = origins.get(_text(before)), origins.get(_text(after))
        if first is None or second is None or first.getparent() is not second.getparent():
            continue
        blocks = [b for b in _between(first, second) if _text(b) not in kept_text]
        for offset, block in enumerate(blocks, start=1):
            body.insert(body.index(before) + offset, _as_extractor_xml(block))


def _paragraph_origins(source: lxml.html.HtmlElement) -> dict[str, Any]:
    """Each source paragraph by its text; a text two paragraphs share maps to neither."""
    found: dict[str, Any] = {}
    for paragraph in source.iter("p"):
        text = _text(paragraph)
        if text:
            found[text] = None if text in found else paragraph
    return {text: element for text, element in found.items() if element is not None}


def _between(first: Any, second: Any) -> list[Any]:
    """The headings right before `second` and the lists among the siblings between the two."""
    siblings = []
    element = first.getnext()
    while element is not None and element is not second:
        siblings.append(element)
        element = element.getnext()
    if element is None:
        return []  # `second` comes before `first`: the extractor reordered, leave it be
    texted = [s for s in siblings if isinstance(s.tag, str) and _text(s)]
    blocks = [s for s in texted if s.tag in _LISTS and not _mostly_links(s)]
    if texted and texted[-1].tag in _HEADINGS:
        blocks.append(texted[-1])
    return blocks


def _mostly_links(element: Any) -> bool:
    """A list whose text is mostly links is navigation ("related articles"), not content."""
    linked = sum(len(_text(anchor)) for anchor in element.iter("a"))
    return linked * 2 > len(_text(element))


def _as_extractor_xml(block: Any) -> Any:
    if block.tag in _HEADINGS:
        head = etree.Element("head", rend=block.tag)
        head.text = _text(block)
        return head
    listing = etree.Element("list", rend=block.tag)
    for item in block.iterchildren("li"):
        etree.SubElement(listing, "item").text = _text(item)
    return listing


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())
