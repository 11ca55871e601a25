"""Another topic's gallery: a news site's slideshow of other stories set inside an article.

A site may embed, in the middle of a story, its running gallery ("Business news in
pictures"): dozens of slides, each with its counter ("7/50"), a headline and a caption, none
about the story. Extracted, it reads as a long list of unrelated headlines in the article.
A viewer of another page's slideshow
reads the same way: its slides each repeat the show's title as their heading.
`drop_other_galleries` removes from the extracted body a list of slides (every item opens
with "N/M", the same M, a large one; or most items carry one same heading) whose headlines
share no word with the page's title, with what sits right above it: the gallery's headings
and its toolbar ("Share", "1 of 5", "Fullscreen"). An article's own gallery is kept: its
slides speak of the story's subject, and a page that is all gallery (no running text beside
it) is the article itself.
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
_MIN_SHOW = 3  # slides repeating one heading
_SAME_HEADINGS = 2 / 3  # of a show's headings that are its title (the extractor may nest more)
_LABEL_WORDS = 3  # a toolbar's item: "Share on Twitter", "1 of 5", "Close"


def drop_other_galleries(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` the galleries of counted slides about another
    topic than the page's title (read from `source`, the page the body was extracted from)."""
    lists = [found for found in body.iter("list") if _is_counted(found) or _is_show(found)]
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


def _is_show(gallery: Any) -> bool:
    """Whether most items of `gallery` carry one same heading, a slideshow's title, and no
    link: slides of a viewer (teasers carrying one same label link to their stories)."""
    heads = [(item, next(item.iter("head"), None)) for item in gallery if item.tag == "item"]
    slides = [(item, _text(head)) for item, head in heads if head is not None]
    if not slides:
        return False
    headings = [heading for _item, heading in slides]
    title = max(set(headings), key=headings.count)
    same = [item for item, heading in slides if heading == title]
    if len(same) < _MIN_SHOW or len(same) < _SAME_HEADINGS * len(slides):
        return False
    return all(next(item.iter("ref"), None) is None for item in same)


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _total(item: Any) -> int | None:
    found = _COUNTER.match("".join(item.itertext()))
    return int(found[2]) if found and 0 < int(found[1]) <= int(found[2]) else None


def _off_topic(gallery: Any, title: set[str]) -> bool:
    """Whether almost no slide's headline (its first line) names a word of the title."""
    items = [item for item in gallery if item.tag == "item"]
    on_topic = sum(1 for item in items if _words(_headline(item)) & title)
    return on_topic <= _MAX_ON_TOPIC * len(items)


def _headline(item: Any) -> str:
    """A slide's heading, or its first line."""
    head = next(item.iter("head"), None)
    first = next((child for child in item if _text(child)), None) if head is None else head
    return _text(first if first is not None else item)


def _beside_text(body: Any, gallery: Any) -> bool:
    """Whether `body` holds paragraphs of its own outside `gallery`."""
    inside = set(gallery.iter("p"))
    own = [p for p in body.iter("p") if p not in inside and "".join(p.itertext()).strip()]
    return len(own) >= _MIN_PARAGRAPHS


def _drop_with_headings(gallery: Any) -> None:
    """Remove `gallery` and the headings and toolbar right above it (no text between)."""
    above = gallery.getprevious()
    while above is not None and _is_furniture(above) and not (above.tail or "").strip():
        previous = above.getprevious()
        _remove(above)
        above = previous
    _remove(gallery)


def _is_furniture(block: Any) -> bool:
    """Whether `block` is a heading or a toolbar: a list of a few words an item, no links."""
    if block.tag == "head":
        return True
    items = [item for item in block if item.tag == "item"] if block.tag == "list" else []
    plain = next(block.iter("ref", "graphic"), None) is None
    return bool(items) and plain and all(len(_text(i).split()) <= _LABEL_WORDS for i in items)


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
