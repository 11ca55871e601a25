"""Reading lists: a heading over a list of links to other sites, part of the article's text.

A list made of links is most often navigation (the site's sections, "related stories", share
buttons), which the extractor rightly drops. An author's own list of recommended apps or of
sources is also a list of links, and is part of the article: it sits under a heading among the
article's paragraphs, and its links lead to other sites, each to a different one. Navigation
leads back to the page's own site; share buttons carry the page's address in their query.
An entry may say a little more around its link ("Official website, including the manifesto"),
as long as it opens with the link and links are most of its words.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Any
from urllib.parse import SplitResult, urlsplit

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS, text_of

_LISTS = frozenset({"ul", "ol"})
_SPACES = re.compile(r"\s+")


class ReadingLists:
    """Tells the reading lists of one page apart from its link menus."""

    def __init__(self, source: lxml.html.HtmlElement) -> None:
        self._source = source

    @cached_property
    def own_host(self) -> str | None:
        """The host most of the page's links lead to: its own site (its menus all do)."""
        hosts = Counter(_host(anchor.get("href")) for anchor in self._source.iter("a"))
        hosts.pop(None, None)
        return hosts.most_common(1)[0][0] if hosts else None

    def is_reading_list(self, listing: Any) -> bool:
        """Whether `listing` is a list of links to other sites, each item opening with its link
        and mostly links."""
        if listing.tag not in _LISTS:
            return False
        items = [item for item in listing if item.tag == "li"]
        anchors = [_opening_link(item) for item in items]
        if not items or None in anchors:
            return False
        targets = [_target(anchor.get("href")) for anchor in anchors if anchor is not None]
        if any(t is None or t.scheme not in {"http", "https"} or t.query for t in targets):
            return False  # mail, scripts, share buttons (the page's address in the query)
        hosts = [t.hostname for t in targets if t is not None]
        outside = [host for host in hosts if host and host != self.own_host]
        # Most lead elsewhere, hardly two to the same site (a maker's two apps).
        return len(outside) * 2 > len(targets) and len(set(outside)) * 2 >= len(outside)

    def headed(self, siblings: list[Any]) -> list[Any]:
        """Of `siblings` (the elements between two of the article's paragraphs, in order),
        each reading list with the heading right before it, in the page's order."""
        found: list[Any] = []
        texted = [s for s in siblings if isinstance(s.tag, str) and text_of(s)]
        for heading, listing in itertools.pairwise(texted):
            if heading.tag in HEADINGS and self.is_reading_list(listing):
                found += [heading, listing]
        return found


def reading_list_xml(listing: Any) -> Any:
    """The list in the extractor's XML, each item keeping its link."""
    result = etree.Element("list", rend=listing.tag)
    for item in listing:
        if item.tag == "li" and _opening_link(item) is not None:
            entry = etree.SubElement(result, "item")
            for text, href in _pieces(item):
                _append(entry, _SPACES.sub(" ", text), href)
            entry.text = (entry.text or "").lstrip() or None
            if len(entry):
                entry[-1].tail = (entry[-1].tail or "").rstrip() or None
    return result


def _opening_link(item: Any) -> Any | None:
    """The item's first link, when the item's text opens with it and its links hold most of
    the item's text."""
    anchors = [anchor for anchor in item.iter("a") if text_of(anchor)]
    text = text_of(item)
    if not anchors or not text.startswith(text_of(anchors[0])):
        return None
    linked = sum(len(text_of(anchor)) for anchor in anchors)
    return anchors[0] if linked * 2 > len(text) else None


def _pieces(element: Any) -> Iterator[tuple[str, str | None]]:
    """The element's text in order, as (text, address): a link's text with its address, the
    rest with None."""
    if element.tag == "a":
        yield text_of(element), element.get("href") or ""
        return
    yield element.text or "", None
    for child in element:
        if isinstance(child.tag, str):
            yield from _pieces(child)
        yield child.tail or "", None


def _append(entry: Any, text: str, href: str | None) -> None:
    """Add a piece to an item of the extractor's XML: a link as a `ref`, text after the last."""
    if href is not None:
        etree.SubElement(entry, "ref", target=href).text = text
    elif len(entry):
        entry[-1].tail = (entry[-1].tail or "") + text
    else:
        entry.text = (entry.text or "") + text


def _host(href: str | None) -> str | None:
    target = _target(href)
    return target.hostname if target is not None else None


def _target(href: str | None) -> SplitResult | None:
    try:
        target = urlsplit((href or "").strip())
        target.hostname  # noqa: B018 - a bad port or bracket raises only here
    except ValueError:  # a malformed address leads nowhere
        return None
    return target
