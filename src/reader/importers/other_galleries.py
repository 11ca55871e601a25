"""Another topic's gallery: a news site's slideshow of other stories set inside an article.

A site may embed, in the middle of a story, its running gallery ("Business news in
pictures"): dozens of slides, each with its counter ("7/50"), a headline and a caption, none
about the story. Extracted, it reads as a long list of unrelated headlines in the article.
`drop_other_galleries` removes from the extracted body a list of counted slides (every item
opens with "N/M", the same M, a large one) whose headlines share no word with the page's
title, with the headings right above it, the gallery's own. An article's own gallery is
kept: its slides speak of the story's subject, and a page that is all gallery (no running
text beside it) is the article itself.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html

_COUNTER = re.compile(r"\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{4,}")  # short words ("the", "in") say nothing of a topic
_MIN_SLIDES = 5
_MIN_TOTAL = 10  # "3/4" may number an article's own few photos; "7/50" is a stream
_MIN_PARAGRAPHS = 2  # running text beside the gallery: the gallery is not the article
_MAX_ON_TOPIC = 0.1  # share of slides whose headline may name the title's words


def drop_other_galleries(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` the galleries of counted slides about another
    topic than the page's title (read from `source`, the page the body was extracted from)."""
    lists = [found for found in body.iter("list") if _is_counted(found)]
    if not lists:
        return
    title = _words(_title(source))
    for gallery in lists:
        if title and _off_topic(gallery, title) and _beside_text(body, gallery):
            _drop_with_headings(gallery)


def _is_counted(gallery: Any) -> bool:
    """Whether every item of `gallery` opens with the same slide counter of a large total."""
    items = [item for item in gallery if item.tag == "item"]
    if len(items) < _MIN_SLIDES:
        return False
    totals = {_total(item) for item in items}
    return len(totals) == 1 and (totals.pop() or 0) >= _MIN_TOTAL


def _total(item: Any) -> int | None:
    found = _COUNTER.match("".join(item.itertext()))
    return int(found[2]) if found and 0 < int(found[1]) <= int(found[2]) else None


def _off_topic(gallery: Any, title: set[str]) -> bool:
    """Whether almost no slide's headline (its first line) names a word of the title."""
    items = [item for item in gallery if item.tag == "item"]
    on_topic = sum(1 for item in items if _words(_headline(item)) & title)
    return on_topic <= _MAX_ON_TOPIC * len(items)


def _headline(item: Any) -> str:
    first = next((child for child in item if "".join(child.itertext()).strip()), None)
    return "".join((first if first is not None else item).itertext())


def _beside_text(body: Any, gallery: Any) -> bool:
    """Whether `body` holds paragraphs of its own outside `gallery`."""
    inside = set(gallery.iter("p"))
    own = [p for p in body.iter("p") if p not in inside and "".join(p.itertext()).strip()]
    return len(own) >= _MIN_PARAGRAPHS


def _drop_with_headings(gallery: Any) -> None:
    """Remove `gallery` and the headings right above it (no text between): its own title."""
    above = gallery.getprevious()
    while above is not None and above.tag == "head" and not (above.tail or "").strip():
        previous = above.getprevious()
        _remove(above)
        above = previous
    _remove(gallery)


def _remove(element: Any) -> None:
    """Remove `element` from its parent, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail, previous = element.tail or "", element.getprevious()
    if tail.strip() and previous is not None:
        previous.tail = (previous.tail or "") + tail
    elif tail.strip():
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _title(source: lxml.html.HtmlElement) -> str:
    for meta in source.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            return meta.get("content") or ""
    return source.findtext(".//title") or ""


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}
