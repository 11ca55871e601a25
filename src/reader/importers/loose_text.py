"""Loose text in a block (text beside inline elements, outside any paragraph) put in paragraphs.

The extractor reads a `<div>` holding "See also: <a>X</a> and <a>Y</a>" as separate pieces:
it drops the text before the first element and strips the text between elements, gluing
"X" and "and" together ("Foundationand"); blogs that write a post as bare text, links and
`<br>`s beside a heading lose the space after every link ("the blog at workso"). Inside a
`<p>` it keeps such text whole. So, before extraction, each run of text and inline elements
that sits directly in a block container becomes a `<p>`, as a browser lays it out; except the
one short line of a photo box (a box of images and that line), which is the photo's caption:
made a paragraph, both the rich and the plain extraction would keep it as article text.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.tree import text_of

# Containers whose loose text the extractor mishandles (lists, quotes and cells it reads well).
_CONTAINERS = ("body", "div", "section", "article", "main", "header", "footer", "aside", "center")
# Inline elements that belong to a run of text; anything else ends the run.
_PHRASING = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em"),
        *("font", "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span"),
        *("strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "big", "strike", "nobr"),
    }
)
_IMAGES = ("img", "picture")
_CAPTION_LENGTH = 300  # characters: a photo box's line longer than this is running text


def wrap_loose_text(tree: lxml.html.HtmlElement) -> None:
    """Each run of loose text and inline elements in a block container, as a paragraph."""
    wrapped = []
    for container in list(tree.iter(*_CONTAINERS)):
        runs = [run for run in _runs(container) if _has_loose_text(container, run)]
        if len(runs) == 1 and _photo_box(container, runs[0]):
            continue
        for run in runs:
            _wrap(container, run)
        if runs:
            wrapped.append(container)
    _wrap_alike(tree, wrapped)


def _wrap_alike(tree: lxml.html.HtmlElement, wrapped: list[etree._Element]) -> None:
    """Boxes set out alike (one tag, class and style, in one section) are paragraphs alike.
    Where some of them held mixed text and became paragraphs, a twin holding one line of
    inline text (`<div style=…><span>Yes.</span></div>`) becomes one too: left a bare box
    among paragraphs, the extractor drops it as a fragment (a story's short lines of
    dialogue went missing)."""
    keys = {_twin_key(box) for box in wrapped if box.get("class") or box.get("style")}
    if not keys:
        return
    done = set(wrapped)
    for box in list(tree.iter(*_CONTAINERS)):
        if box in done or _twin_key(box) not in keys:
            continue
        runs = _runs(box)
        inline = [child for child in runs[0][1:] if child is not None]
        if len(runs) == 1 and inline and text_of(box):
            _wrap(box, runs[0])


def _twin_key(box: etree._Element) -> tuple[object, ...]:
    parent = box.getparent()
    section = parent.getparent() if parent is not None else None
    return (section, box.tag, box.get("class"), box.get("style"))


def _photo_box(container: etree._Element, run: list[etree._Element | None]) -> bool:
    """Whether `run` is a short line beside blocks that hold images and no text."""
    inline = [child for child in run[1:] if child is not None]
    blocks = [c for c in container if isinstance(c.tag, str) and all(c is not i for i in inline)]
    if any(text_of(block) for block in blocks):
        return False
    if not any(next(block.iter(*_IMAGES), None) is not None for block in blocks):
        return False
    head = run[0]
    line = [container.text if head is None else head.tail]
    line += [text for child in inline for text in (text_of(child), child.tail)]
    return len(" ".join(" ".join(text or "" for text in line).split())) <= _CAPTION_LENGTH


def _phrasing(node: etree._Element) -> bool:
    """Part of a run of running text: an inline element (comments travel along), unless it
    is wrapped around blocks (`<span><div>…`), which lays out as blocks."""
    if not isinstance(node.tag, str):
        return True
    if node.tag not in _PHRASING:
        return False
    return not any(
        isinstance(inner.tag, str) and inner.tag not in _PHRASING
        for inner in node.iterdescendants()
    )


def _runs(container: etree._Element) -> list[list[etree._Element | None]]:
    """The runs of inline children; `None` stands for the container's own leading text."""
    runs: list[list[etree._Element | None]] = [[None]]
    for child in container:
        if _phrasing(child):
            runs[-1].append(child)
        else:
            runs.append([child])  # the block itself only carries its tail into the run
    return runs


def _has_loose_text(container: etree._Element, run: list[etree._Element | None]) -> bool:
    """Text outside any element, or an inline element mixing text with elements. (Text
    alone, with no element beside it, the extractor reads well.)"""
    head, children = run[0], [child for child in run[1:] if child is not None]
    if not any(isinstance(child.tag, str) for child in children):
        return False
    loose = [container.text if head is None else head.tail, *(child.tail for child in children)]
    return any((text or "").strip() for text in loose) or any(map(_mixed, children))


def _mixed(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or len(element) == 0:
        return False
    texts = [element.text, *(child.tail for child in element)]
    return any((text or "").strip() for text in texts)


def _wrap(container: etree._Element, run: list[etree._Element | None]) -> None:
    head, children = run[0], [child for child in run[1:] if child is not None]
    paragraph = etree.Element("p")
    if head is None:
        paragraph.text, container.text = container.text, None
        container.insert(0, paragraph)
    else:
        paragraph.text, head.tail = head.tail, None
        head.addnext(paragraph)
    for child in children:
        paragraph.append(child)  # moves it, with its tail
