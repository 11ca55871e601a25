"""Labels opening a step's box ("Step 1", "What You'll Need:") the extractor dropped.

A how-to sets each step in a box of its own: a short label (a `<span>` or `<div>` made to
look like a heading, not marked as one) and then the step's paragraph or list. When trafilatura
falls back to collecting the page's paragraphs it keeps the step's text and drops the label:
the reader sees the steps run together, unnumbered. `restore_step_labels` puts each label back,
as a paragraph, right before the text it opens, when the page repeats the label's markup in
several boxes whose text the extractor kept: one short line before a paragraph (a byline, a
date, a kicker) is left alone, a series of labels marked alike is the steps' numbering.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS, text_of

_MAX_LABEL_WORDS = 6  # "Step 12", "What You'll Need:", "Finished Terrarium"
_MIN_SERIES = 2  # boxes opened by labels marked alike: a series of steps, not one line
_LABEL_TAGS = frozenset({"span", "div", "strong", "b"})
_OPENED = {"p": ("p",), "list": ("ul", "ol")}  # the extractor's blocks and their page tags
_PAGE_TAGS = tuple(tag for tags in _OPENED.values() for tag in tags)


def restore_step_labels(body: Any, source: lxml.html.HtmlElement) -> None:
    """Insert before each paragraph or list of `body` the label opening its box in `source`,
    when several kept blocks are opened by labels of the same tag and class."""
    if next(source.iter("span", "div"), None) is None:
        return
    # Without a paragraph or list the page opens with a label there is nothing to restore,
    # and the page's text is not read.
    if all(_label_before(element) is None for element in source.iter(*_PAGE_TAGS)):
        return
    origins = _origins(source)
    found: list[tuple[Any, Any]] = []  # (the body's block, the page's label)
    for block in body:
        origin = origins.get((block.tag, _text(block)))
        label = _label_before(origin) if origin is not None else None
        if label is not None:
            found.append((block, label))
    series = Counter(_markup(label) for _, label in found)
    kept = {text_of(element) for element in body.iter("p", "head")}
    for block, label in found:
        text = text_of(label)
        if series[_markup(label)] >= _MIN_SERIES and text not in kept:
            restored = etree.Element("p")
            restored.text = text
            block.addprevious(restored)


def _origins(source: lxml.html.HtmlElement) -> dict[tuple[str, str], Any]:
    """Each page paragraph and list by the extractor's tag and its text; a text two share
    maps to neither."""
    found: dict[tuple[str, str], Any] = {}
    for kind, tags in _OPENED.items():
        for element in source.iter(*tags):
            key = (kind, _text(element))
            if key[1]:
                found[key] = None if key in found else element
    return {key: element for key, element in found.items() if element is not None}


def _label_before(block: Any) -> Any | None:
    """The short label that is all the text of `block`'s box before it, if any."""
    box = block.getparent()
    label = block.getprevious()
    if box is None or label is None or (box.text or "").strip() or (label.tail or "").strip():
        return None
    if label.getprevious() is not None or label.tag not in _LABEL_TAGS:
        return None  # the label opens the box: nothing stands before it
    if next(label.iter("a", "img", *HEADINGS), None) is not None:
        return None  # a link is a kicker or a byline; a heading is restored as one
    words = len(text_of(label).split())
    return label if 0 < words <= _MAX_LABEL_WORDS else None


def _text(block: Any) -> str:
    """A paragraph's text; a list's, item by item (the extractor's items lie apart unspaced)."""
    if block.tag in {"ul", "ol", "list"}:
        return "\n".join(text_of(item) for item in block.iter("li", "item"))
    return text_of(block)


def _markup(label: Any) -> tuple[str, str]:
    return label.tag, " ".join(sorted((label.get("class") or "").split()))
