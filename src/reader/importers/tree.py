"""Small operations on lxml trees many importers share: an element's text, text put in place."""

from __future__ import annotations

from typing import Any

from lxml import etree

# The heading elements of HTML, outermost level first.
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def text_of(element: etree._Element | None) -> str:
    """The element's whole text (not its tail), spaces collapsed; "" for None."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def word_count(element: Any) -> int:
    """How many words the element's text holds, its pieces split apart: "a<b>b</b>" is two
    (text_of runs inline pieces together, as they read)."""
    return len(" ".join(element.itertext()).split())


def declared_side(image: Any, name: str) -> int | None:
    """A picture's `width` or `height` as its markup declares it in pixels ("120", "120px");
    None when absent or not a whole number (a percentage, "auto", a superscript digit)."""
    value = (image.get(name) or "").strip().removesuffix("px")
    return int(value) if value.isascii() and value.isdigit() else None


def add_text(parent: Any, index: int, text: str) -> None:
    """Put `text` where child `index` of `parent` begins: after the child before it (in its
    tail), or at the start of `parent` (in its text) when there is none."""
    if not text:
        return
    if index > 0:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
