"""The article's dek: the subtitle set right under its headline, which the extractor drops.

News pages follow the headline with a line saying what the story is about (a "dek", a
"standfirst", a subtitle), in the article's header, which trafilatura drops whole. The line is
the story's own words, not the site's: `restore_dek` puts it back at the top of the body, in
the page's markup (a heading stays a heading of its level, anything else is a paragraph).
Only the element right after an `<h1>`, named for what it is (its class or `itemprop`
says description, dek, subtitle, standfirst, ...) and holding a sentence's worth of words,
counts; when the page has several such, none does.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS, text_of

_NAMES = frozenset(
    {"description", "dek", "deck", "subtitle", "standfirst", "subhead", "subheadline"}
    | {"alternativeheadline", "strapline", "summary"}
)
_MIN_WORDS = 6  # a subtitle says something; a shorter line is a byline, a date, a label
_MAX_WORDS = 60  # more is the article's first paragraph
_WORD = re.compile(r"[a-z]+")


def restore_dek(body: Any, source: lxml.html.HtmlElement) -> None:
    """Insert the dek under the page's headline at the top of `body`, unless it is kept."""
    deks = [dek for heading in _headlines(body, source) if (dek := _dek_after(heading)) is not None]
    if len(deks) != 1:
        return
    text = text_of(deks[0])
    said = " ".join("".join(body.itertext()).split())
    if text in said:
        return
    if deks[0].tag in HEADINGS:
        element = etree.Element("head", rend=deks[0].tag)
    else:
        element = etree.Element("p")
    element.text = text
    at = next((i for i, child in enumerate(body) if child.tag != "head"), len(body))
    body.insert(at, element)


def _headlines(body: Any, source: lxml.html.HtmlElement) -> list[Any]:
    """The page's `<h1>`s before the first paragraph `body` kept: a banner's title further
    down ("See fewer ads" over its own subtitle) heads no article."""
    first = next((text for p in body.iter("p") if (text := text_of(p))), None)
    found: list[Any] = []
    for element in source.iter("h1", "p"):
        if element.tag == "h1":
            found.append(element)
        elif first is not None and text_of(element) == first:
            return found
    return found if first is None else []


def _dek_after(heading: Any) -> Any | None:
    """The element right after `heading`, if it is named a dek and holds a sentence."""
    if (heading.tail or "").strip():
        return None
    dek = heading.getnext()
    while dek is not None and not isinstance(dek.tag, str):
        dek = dek.getnext()  # a comment between the two
    if dek is None or dek.tag in {"h1", "ul", "ol", "table", "figure"}:
        return None
    names = " ".join((dek.get(name) or "") for name in ("class", "itemprop", "id")).lower()
    if not _NAMES.intersection(_WORD.findall(names)):
        return None
    words = len(text_of(dek).split())
    if not _MIN_WORDS <= words <= _MAX_WORDS or next(dek.iter("a", "img"), None) is not None:
        return None
    return dek
