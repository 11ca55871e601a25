"""Lazy pictures whose real image is only in `<noscript>`: the slot filled, its preview gone.

A lazy-loading page may set an empty `<img>` (no address at all) for its script to fill, the
real image in a `<noscript>` right after it for browsers without scripts, and beside them a
tiny blurred preview of the same file (`/max/60/photo.png?q=20` for `/max/2288/photo.png`).
The sanitizer drops the `<noscript>` and the empty slot, and the reader would see only the
blur. `fill_noscript_slots` gives the slot the `<noscript>` image's address and removes the
previews of the same file from the slot's box, before the images are embedded.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import lxml.html

# Where an <img> names its image (the same list the embedding reads).
_ADDRESSES = ("src", "data-src", "data-original", "data-lazy-src", "srcset", "data-srcset")


def fill_noscript_slots(tree: lxml.html.HtmlElement) -> None:
    """Fill each empty `<img>` followed by a `<noscript>` image, dropping its previews."""
    for slot in list(tree.iter("img")):
        twin = slot.getnext()
        box = slot.getparent()
        if twin is None or twin.tag != "noscript" or box is None or _has_address(slot):
            continue
        inner = [image for image in twin.iter("img") if _has_address(image)]
        if len(inner) != 1:
            continue
        name = _file_name(inner[0])
        others = [i for i in box.iter("img") if i is not slot and twin not in i.iterancestors()]
        if name is None or any(_file_name(image) != name for image in others):
            continue  # another picture shares the box: not this one's preview
        for attribute in _ADDRESSES:
            if value := inner[0].get(attribute):
                slot.set(attribute, value)
        for preview in others:
            preview.drop_tree()


def _has_address(image: Any) -> bool:
    return any((image.get(attribute) or "").strip() for attribute in _ADDRESSES)


def _file_name(image: Any) -> str | None:
    """The last part of the image's `src` path, without its query: the file it shows."""
    try:
        path = urlsplit((image.get("src") or "").strip()).path
    except ValueError:
        return None
    return path.rsplit("/", 1)[-1] or None
