"""A slideshow's strip of thumbnails: the controls of the page's picture viewer, not pictures.

A gallery shows its first picture large and, under it, a row of small ones ("+10" on the
last): each is a link that goes nowhere (`#`, `javascript:`) and only tells the page's script
which slide to open. Read on its own, the row repeats the gallery's pictures as a list of
images. `drop_slideshow_strips` removes from the extracted body a list whose every item is
such a linked image, with no words but a count. (Taken out of the page before extraction, the
strip would change what the extractor judges around it, the gallery's own heading.) A list of
pictures linking to anything else (their full size, other pages) is left to the other rules.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html

_MIN_ITEMS = 2
_COUNT = re.compile(r"[\s+\d]*")  # "+10": the slides not shown


def drop_slideshow_strips(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` the lists of thumbnails that only open the
    page's viewer (judged on `source`, the page the body was extracted from)."""
    strips = None
    for strip in list(body.iter("list")):
        items = [item for item in strip if item.tag == "item"]
        if len(items) < _MIN_ITEMS or not all(_is_picture(item) for item in items):
            continue
        strips = _viewer_thumbnails(source) if strips is None else strips
        if all(graphic.get("src") in strips for graphic in strip.iter("graphic")):
            parent = strip.getparent()
            if parent is not None:
                parent.remove(strip)


def _is_picture(item: Any) -> bool:
    """Whether list `item` holds images and no words but a count."""
    has_image = next(item.iter("graphic"), None) is not None
    return has_image and bool(_COUNT.fullmatch("".join(item.itertext())))


def _viewer_thumbnails(source: lxml.html.HtmlElement) -> set[str]:
    """The sources of the page's images whose link leads nowhere but to the page's script."""
    found = set()
    for image in source.iter("img"):
        link = next(image.iterancestors("a"), None)
        href = (link.get("href") or "").strip().lower() if link is not None else "-"
        if not href or href.startswith(("#", "javascript:")):
            found.add(image.get("src") or "")
    found.discard("")
    return found
