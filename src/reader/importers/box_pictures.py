"""Pictures set beside a kept paragraph, in the box the page gives the two together.

A how-to or a photo story sets each step in a box: the step's text in a box of its own, then
its picture (a `<figure>`, its caption after it). The extractor's text-only fallback keeps the
text and drops the picture; the images between two kept paragraphs come back on their own
(`dropped_images`), but not the lead step's picture (a teaser box follows it in the page) nor
the last step's. `box_pictures` gives, for each kept paragraph that is all the text of its box
(bar a short label opening it), the pictures among the box's following siblings, up to the
first with text that is not a caption: those belong to the paragraph by the page's own layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.html

from reader.importers.tree import text_of

_MAX_LABEL_WORDS = 6  # "Step 1" opening the text's box
_MAX_PICTURES = 4  # more beside one paragraph is a gallery or a strip of teasers


def box_pictures(body: Any, source: lxml.html.HtmlElement) -> Iterator[tuple[Any, list[Any]]]:
    """Each paragraph of `body` with the page's pictures set beside its box (maybe none)."""
    origins: dict[str, Any] = {}
    for paragraph in source.iter("p"):
        text = text_of(paragraph)
        if text:
            origins[text] = None if text in origins else paragraph
    for paragraph in [child for child in body if child.tag == "p"]:
        origin = origins.get(text_of(paragraph))
        box = origin.getparent() if origin is not None else None
        if box is not None and _text_box(box, origin):
            yield paragraph, _pictures_after(box)


def _text_box(box: Any, paragraph: Any) -> bool:
    """Whether `paragraph` ends `box` and is all its text, but for a short opening label."""
    if paragraph.getnext() is not None or (paragraph.tail or "").strip():
        return False
    label_words = len(text_of(box).split()) - len(text_of(paragraph).split())
    return 0 <= label_words <= _MAX_LABEL_WORDS and next(box.iter("img"), None) is None


def _pictures_after(box: Any) -> list[Any]:
    """The images of the siblings after `box` up to the first holding text that is not a
    caption; none when they are more than one paragraph's pictures."""
    found: list[Any] = []
    for sibling in box.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if _words(sibling) > sum(_words(caption) for caption in _captions(sibling)):
            break  # text of its own: the next paragraph's box, a teaser
        found.extend(image for image in sibling.iter("img") if image.get("src"))
    return found if len(found) <= _MAX_PICTURES else []


def _captions(element: Any) -> list[Any]:
    """`element` if it is a caption, else its outermost captions (a figure's `figcaption`)."""
    if _is_caption(element):
        return [element]
    return [e for e in element.iterdescendants() if _is_caption(e) and not _in_caption(e)]


def _in_caption(element: Any) -> bool:
    return any(_is_caption(parent) for parent in element.iterancestors())


def _is_caption(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False
    return element.tag == "figcaption" or "caption" in (element.get("class") or "").lower()


def _words(element: Any) -> int:
    return len(text_of(element).split())
