"""Small operations on lxml trees many importers share: an element's text, text put in place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from lxml import etree

from reader.core import scripts

# The heading elements of HTML, outermost level first.
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# An element's text nodes run together, as `"".join(element.itertext())` gives them, read by
# libxml2 in one call: a third of the time of joining the iterator's pieces in Python.
_STRING = etree.XPath("string()", smart_strings=False)
# The page whose elements' texts `text_of` keeps while it stays unchanged, and those texts.
_READ_ONCE: ContextVar[tuple[Any, dict[Any, str]] | None] = ContextVar("read_once", default=None)


def text_of(element: etree._Element | None) -> str:
    """The element's whole text (not its tail), spaces collapsed; "" for None."""
    if element is None:
        return ""
    kept = _READ_ONCE.get()
    if kept is None or element.getroottree().getroot() is not kept[0]:
        return " ".join(joined_text(element).split())
    text = kept[1].get(element)
    if text is None:
        text = kept[1][element] = " ".join(joined_text(element).split())
    return text


@contextmanager
def texts_read_once(page: Any) -> Iterator[None]:
    """Within, `text_of` reads each element of `page` (a document's root) once: the caller
    changes nothing in `page` meanwhile (other trees, such as an extraction being put
    together beside it, are read afresh each time). Leaving forgets the texts."""
    token = _READ_ONCE.set((page, {}))
    try:
        yield
    finally:
        _READ_ONCE.reset(token)


def joined_text(element: Any) -> str:
    """`"".join(element.itertext())`: the text of the element and of all inside it, not its
    tail, unchanged."""
    if not isinstance(element.tag, str):
        return "".join(element.itertext())  # a comment or instruction: as itertext treats it
    text = _STRING(element)
    assert isinstance(text, str)
    return text


def word_count(element: Any) -> int:
    """How many words the element's text holds, its pieces split apart: "a<b>b</b>" is two
    (text_of runs inline pieces together, as they read)."""
    return len(" ".join(element.itertext()).split())


# Chinese and Japanese are written without spaces between words: each of their letters counts
# as a word, so that a sentence of theirs is not one long word.
_UNSPACED_LETTERS = scripts.char_class(
    scripts.HIRAGANA,
    scripts.KATAKANA,
    scripts.HAN_EXTENSION_A,
    scripts.HAN_UNIFIED,
    scripts.HAN_COMPATIBILITY,
)
_WORD = re.compile(rf"[{_UNSPACED_LETTERS}]|[^\s{_UNSPACED_LETTERS}]+")


def words_in(text: str) -> int:
    """How many words `text` holds: runs between spaces, and each Han or kana letter."""
    return len(_WORD.findall(text))


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
