"""A box of bare text among boxes of the same class that hold paragraphs, made a paragraph too.

Pages write their paragraphs as boxes of one class (`<div class="story-paragraph">`); a box
whose text has a link in it ends up holding a `<p>` (the page's, or ours: see `loose_text`),
a box of plain text holds its text bare. The extractor reads bare text in a box only on pages
with few paragraphs, so on a page of many it dropped that one box: a quotation, with no link
in it, went missing from the middle of a news story. `wrap_paragraph_twins` puts the text of
such a box in a `<p>` of its own when another box of the same tag and classes holds a `<p>`
and nothing else: the page's template says both are paragraphs. Boxes inside a figure (its
caption, its credit) are left as they are.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

_BOXES = ("div", "section")


def wrap_paragraph_twins(tree: lxml.html.HtmlElement) -> None:
    """Each bare-text box whose twin (same tag, same classes) holds a lone paragraph gets one."""
    holders = {_kind(box) for box in tree.iter(*_BOXES) if _holds_paragraph(box)}
    holders.discard(None)
    if not holders:
        return
    for box in list(tree.iter(*_BOXES)):
        if _bare(box) and _twin(_kind(box), holders) and not _in_figure(box):
            paragraph = etree.SubElement(box, "p")
            paragraph.text, box.text = box.text, None


def _kind(box: lxml.html.HtmlElement) -> tuple[str, frozenset[str]] | None:
    """The box's tag and classes; None for a box without a class (no template to go by)."""
    classes = frozenset((box.get("class") or "").split())
    return (box.tag, classes) if classes else None


def _twin(kind: tuple[str, frozenset[str]] | None, holders: set[Any]) -> bool:
    """Whether a box of `kind` is made by the template of one of `holders`: same tag, and the
    classes of the one are all the other's (a template adds a class to some of its boxes:
    "story-paragraph lead")."""
    if kind is None:
        return False
    tag, classes = kind
    return any(
        tag == other and (classes <= theirs or theirs <= classes) for other, theirs in holders
    )


def _holds_paragraph(box: lxml.html.HtmlElement) -> bool:
    children = [child for child in box if isinstance(child.tag, str)]
    return len(children) == 1 and children[0].tag == "p" and not (box.text or "").strip()


def _in_figure(box: lxml.html.HtmlElement) -> bool:
    """Whether `box` is part of a figure: its caption or credit is the captions' business."""
    return next(box.iterancestors("figure", "figcaption"), None) is not None


def _bare(box: lxml.html.HtmlElement) -> bool:
    """Text and nothing else: no element inside (comments aside)."""
    return bool((box.text or "").strip()) and not any(isinstance(c.tag, str) for c in box)
