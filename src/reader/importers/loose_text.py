"""Running text written straight into a box beside headings and paragraphs.

Some blogs (Blogger's post body) write the article as bare text, links and `<br>`s in a
`div`, with a heading or a paragraph here and there. The extractor cuts such text at every
link into separate paragraphs and drops the space after the link ("the blog at workso I
figured"). `wrap_loose_text` gives each run of that text a `<p>` of its own first, as a
browser lays it out: one block between the box's other blocks.
"""

from __future__ import annotations

from typing import Any

import lxml.html

_CONTAINERS = ("div", "section", "article", "main")
# Blocks that end a run of loose text; everything else is read as part of it.
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "aside", "nav", "header", "footer", "figure"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre"}
    | {"hr", "form", "details", "address", "center", "noscript"}
)
_PROSE = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})


def wrap_loose_text(tree: lxml.html.HtmlElement) -> None:
    """Wrap each run of text and inline elements in a box that also holds a heading or a
    paragraph in a `<p>`."""
    for box in list(tree.iter(*_CONTAINERS)):
        if any(isinstance(child.tag, str) and child.tag in _PROSE for child in box):
            _wrap_runs(box)


def _wrap_runs(box: Any) -> None:
    owner = None  # where the current run's first text sits: the box's text or a block's tail
    run: list[Any] = []
    for child in [*box, None]:
        if child is None or _is_block(child):
            _wrap(box, owner, run)
            owner, run = child, []
        else:
            run.append(child)


def _is_block(element: Any) -> bool:
    """A block, or an inline element wrapped around blocks (`<span><div>`): either way not
    part of a run of running text."""
    if not isinstance(element.tag, str):
        return False
    return element.tag in _BLOCKS or any(
        isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in element.iterdescendants()
    )


def _wrap(box: Any, owner: Any | None, run: list[Any]) -> None:
    """Move the text after `owner` (or the box's own text) and the inline `run` into a new
    `<p>` where they stood."""
    leading = (box.text if owner is None else owner.tail) or ""
    text = leading + "".join("".join(child.itertext()) + (child.tail or "") for child in run)
    if not text.strip():
        return
    paragraph = box.makeelement("p", {})
    paragraph.text = leading
    if owner is None:
        box.text, index = None, 0
    else:
        owner.tail, index = None, box.index(owner) + 1
    for child in run:
        paragraph.append(child)  # moves it, with its tail
    box.insert(index, paragraph)
