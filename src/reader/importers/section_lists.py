"""Lists that are all of a section, dropped by the extractor under the heading it kept.

A closing "See also" section is a heading over a list of links. trafilatura keeps the heading
but judges the list by its links and drops it, so the article shows a heading with nothing
under it. `restore_section_lists` finds each kept heading the extraction leaves empty (the
next thing it kept is another heading, or nothing), and where the page sets only lists
between that heading and the next one, puts those lists back under it. What the page marks
with a role of its own beside them stays out: a portal's badge (`role="navigation"`), the
strip of tabs showing one panel at a time (`role="tablist"`).
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.cell_lists import flat_list_xml, is_flat
from reader.importers.tree import HEADINGS, text_of

_LISTS = frozenset({"ul", "ol"})
_HEADINGS = etree.XPath("//h1|//h2|//h3|//h4|//h5|//h6")


def restore_section_lists(body: Any, source: lxml.html.HtmlElement) -> None:
    """Put back under each heading `body` leaves empty the lists that are all its section."""
    empty = [head for head in body.iter("head") if _left_empty(head)]
    if not empty:
        return
    page_headings: dict[str, Any] = {}
    for heading in _HEADINGS(source):
        text = text_of(heading)
        page_headings[text] = None if text in page_headings else heading
    for head in empty:
        heading = page_headings.get(text_of(head))
        lists = _section_lists(heading) if heading is not None else []
        at = head.getparent().index(head)
        for offset, listing in enumerate(lists, start=1):
            head.getparent().insert(at + offset, flat_list_xml(listing))


def _left_empty(head: Any) -> bool:
    following = head.getnext()
    return bool(text_of(head)) and (following is None or following.tag == "head")


def _section_lists(heading: Any) -> list[Any]:
    """The lists between `heading` and the page's next heading, when nothing else with text
    is there (besides a box marked as navigation); else none."""
    lists: list[Any] = []
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in HEADINGS or next(sibling.iter(*HEADINGS), None) is not None:
            break
        if (sibling.tail or "").strip():
            return []
        if not text_of(sibling) or (sibling.get("role") or "list") != "list":
            continue  # a box marked as navigation, a strip of tabs: the page's controls
        if sibling.tag not in _LISTS or not is_flat(sibling):
            return []
        lists.append(sibling)
    return lists
