"""Menus of links set one per line: a site's navigation box, kept by the extractor as text.

A box of links separated by line breaks ("Front page / Security / Kernel / …"), with at most
a short heading or two of its own, is the page's navigation, not the article: an article's
own links sit in sentences, and a reading list in an article is a list (`<ul>`), not a
column of `<br>`s. Such boxes go before extraction.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

_BOXES = ("div", "td", "aside", "nav", "section", "p")
MIN_LINKS = 4
# A menu's own words: its headings ("This page", "Weekly edition"), not sentences.
MAX_OWN_CHARS = 40


def drop_link_menus(tree: lxml.html.HtmlElement) -> None:
    """Remove each box that is a menu of links set one per line."""
    for box in list(tree.iter(*_BOXES)):
        if _is_link_menu(box):
            box.drop_tree()


def _is_link_menu(box: etree._Element) -> bool:
    links = list(box.iter("a"))
    if len(links) < MIN_LINKS or len(list(box.iter("br"))) < len(links) - 1:
        return False
    if any(len(list(link.iter("a", "img"))) > 1 for link in links):
        return False  # a link around an image or another link: not a menu entry
    total = _chars(box)
    linked = sum(_chars(link) for link in links)
    return total - linked <= MAX_OWN_CHARS and linked > 0


def _chars(element: etree._Element) -> int:
    return len("".join("".join(element.itertext()).split()))
