"""Lazy figures named only by their microdata: the picture put back where the script would.

A lazy-loading page may save a figure with no `<img>` at all, only an empty box its script
fills on scrolling; the figure still says what it shows in schema.org microdata
(`itemtype=".../ImageObject"` with the picture's address as its `itemid`, or an
`itemprop="url"`/`"contentUrl"` inside it). The extractor sees a caption without a picture
and drops both. `fill_image_objects` gives each such figure an `<img>` of that address, before
its caption, before the images are embedded.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import lxml.html

_IMAGE_PATHS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
_ADDRESSES = ("src", "data-src", "srcset", "data-srcset")  # an <img> naming its picture


def fill_image_objects(tree: lxml.html.HtmlElement) -> None:
    """Give each picture-less `<figure>` that is a microdata ImageObject its picture."""
    for figure in tree.iter("figure"):
        if not (figure.get("itemtype") or "").rstrip("/").endswith("/ImageObject"):
            continue
        if any(image.get(name) for image in figure.iter("img") for name in _ADDRESSES):
            continue  # the page's own picture: the embedding reads it
        address = _address(figure)
        if address is None:
            continue
        image = lxml.html.Element("img", src=address)
        caption = next(figure.iter("figcaption"), None)
        if caption is not None and caption.getparent() is figure:
            caption.addprevious(image)
        else:
            figure.append(image)


def _address(figure: Any) -> str | None:
    """The picture's address the figure's microdata gives, if it names an image file."""
    named = [figure.get("itemid")]
    named += [
        meta.get("content") or meta.get("href")
        for meta in figure.iter("meta", "link")
        if (meta.get("itemprop") or "").strip() in {"url", "contentUrl"}
    ]
    for value in named:
        address = (value or "").strip()
        parts = urlsplit(address)
        if parts.scheme in {"http", "https"} and parts.path.lower().endswith(_IMAGE_PATHS):
            return address
    return None
