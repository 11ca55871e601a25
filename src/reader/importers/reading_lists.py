"""Reading lists: a heading over a list of links to other sites, part of the article's text.

A list made of links is most often navigation (the site's sections, "related stories", share
buttons), which the extractor rightly drops. An author's own list of recommended apps or of
sources is also a list of links, and is part of the article: it sits under a heading among the
article's paragraphs, and its links lead to other sites, each to a different one. Navigation
leads back to the page's own site; share buttons carry the page's address in their query.
"""

from __future__ import annotations

import itertools
from collections import Counter
from functools import cached_property
from typing import Any
from urllib.parse import SplitResult, urlsplit

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS, text_of

_LISTS = frozenset({"ul", "ol"})


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
        """Whether `listing` is a list of links to other sites, each item a link."""
        if listing.tag not in _LISTS:
            return False
        items = [item for item in listing if item.tag == "li"]
        anchors = [_only_link(item) for item in items]
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
        anchor = _only_link(item) if item.tag == "li" else None
        if anchor is not None:
            ref = etree.SubElement(etree.SubElement(result, "item"), "ref")
            ref.set("target", anchor.get("href") or "")
            ref.text = text_of(anchor)
    return result


def _only_link(item: Any) -> Any | None:
    """The item's one link, when its text is all that link's."""
    anchors = list(item.iter("a"))
    if len(anchors) != 1 or not text_of(item) or text_of(anchors[0]) != text_of(item):
        return None
    return anchors[0]


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
