"""Spaces the extractor lost around links and emphasis in text written straight into a container.

On a page whose paragraphs are text and `<br>`s directly inside a `<div>`, the extractor, asked
for links and formatting, cuts the text at each link or bold word and drops the space that
followed it: "as the <a>earlier models</a> but" comes out as "earlier modelsbut", one word
that is none of the page's. `restore_inline_spaces` puts back such a space wherever the page has
one between the same inline text and the same next word.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html

_INLINE_SOURCE = ("a", "b", "strong", "i", "em", "u", "span", "code", "mark", "small", "sup")
_INLINE_EXTRACTED = ("ref", "hi", "code")
_FIRST_WORD = re.compile(r"\w+")


def restore_inline_spaces(body: Any, source: lxml.html.HtmlElement) -> None:
    """A space before the tail of each inline element of `body` (the extractor's XML) that
    runs into the next word where the page puts a space between them."""
    spaced = _spaced_pairs(source)
    if not spaced:
        return
    for element in body.iter(*_INLINE_EXTRACTED):
        tail = element.tail or ""
        word = _FIRST_WORD.match(tail)
        if word is None or not _ends_in_word(element):
            continue
        if (_inline_text(element), word.group()) in spaced:
            element.tail = " " + tail


def _spaced_pairs(source: lxml.html.HtmlElement) -> set[tuple[str, str]]:
    """(inline text, next word) for each inline element of the page followed by a space."""
    pairs = set()
    for element in source.iter(*_INLINE_SOURCE):
        tail = element.tail or ""
        stripped = tail.lstrip()
        word = _FIRST_WORD.match(stripped)
        if word is not None and len(stripped) < len(tail):
            pairs.add((_inline_text(element), word.group()))
    return pairs


def _ends_in_word(element: Any) -> bool:
    text = "".join(element.itertext())
    return bool(text) and (text[-1].isalnum() or text[-1] == "_")


def _inline_text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())
