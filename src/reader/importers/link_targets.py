"""Targets of in-page links the extractor dropped: footnotes and the way back to their mark.

trafilatura keeps a footnote's mark (`<a href="#fn1">1</a>`) and the note itself, but no
`id`, so neither link leads anywhere. Each target is found again in the page and its `id` put
on the element of the extractor's XML that stands for it: the note by its text, the mark (a
`<sup id="r1">` holding the link to the note) by the one link it holds.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS

_NAMED = etree.XPath("//*[@id]|//a[@name]")
_MARKS = re.compile("[\ufdd0-\ufdef]")
# The extractor's blocks (its XML vocabulary) a note can become.
_BLOCKS = ("p", "item", "head", "quote", "cell")


def restore_link_targets(body: Any, source: lxml.html.HtmlElement) -> None:
    """Put back on `body` (the extractor's XML) the ids its in-page links point at."""
    wanted = {ref.get("target")[1:] for ref in body.iter("ref") if _in_page(ref.get("target"))}
    if not wanted:
        return
    links = Counter(ref.get("target") for ref in body.iter("ref"))
    blocks: dict[str, list[Any]] = {}
    for block in body.iter(*_BLOCKS):
        same = blocks.setdefault(_text(block), [])
        if not any(outer in block.iterancestors() for outer in same):  # a note's <p> in its <item>
            same.append(block)
    targets = _source_targets(source, wanted)
    for name in sorted(wanted):
        target = _only(targets.get(name, []))
        if target is None:
            continue
        element = _mark(body, target, links)
        if element is None:
            element = _block_for(target, blocks)
        if element is not None and element.get("id") is None:
            element.set("id", name)


def _in_page(target: str | None) -> bool:
    return target is not None and target.startswith("#") and len(target) > 1


def _source_targets(source: lxml.html.HtmlElement, wanted: set[str]) -> dict[str, list[Any]]:
    """The page's elements each wanted name may point at (its `id`, an `<a name>`), read in
    one pass: a page of notes asks for hundreds."""
    found: dict[str, list[Any]] = {}
    for element in _NAMED(source):
        names = {element.get("id"), element.get("name") if element.tag == "a" else None}
        for name in names & wanted:  # an <a> both named and with that id counts once
            found.setdefault(name, []).append(element)
    return found


def _mark(body: Any, target: Any, links: Counter[str | None]) -> Any | None:
    """A footnote mark: the target is one in-page link, which the body holds once."""
    inner = [a for a in target.iter("a") if _in_page(a.get("href"))]
    if len(inner) != 1 or _text(inner[0]) != _text(target) or links[inner[0].get("href")] != 1:
        return None  # a note holding its way back is no mark
    return next(ref for ref in body.iter("ref") if ref.get("target") == inner[0].get("href"))


def _block_for(target: Any, blocks: dict[str, list[Any]]) -> Any | None:
    """The block standing for `target`, found by its text. A section (`<div id="setting-up">
    <h2>Setting up</h2>…`) is reached at its heading (the extractor keeps the heading, never
    the section's box), and a heading at a heading, not at a contents entry of the same words."""
    first = next(target.iterchildren("*"), None)
    if first is not None and first.tag in HEADINGS and first.get("id") is None:
        target = first
    same = blocks.get(_text(target), [])
    if target.tag in HEADINGS or next(target.iterancestors(*HEADINGS), None) is not None:
        same = [block for block in same if block.tag == "head"]
    return _only(same)


def _only(elements: list[Any]) -> Any | None:
    return elements[0] if len(elements) == 1 else None


def _text(element: Any) -> str:
    # Without the noncharacters our importers mark the page with before extraction.
    return " ".join(_MARKS.sub("", "".join(element.itertext())).split())
