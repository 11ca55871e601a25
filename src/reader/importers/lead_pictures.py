"""The article's lead picture, which the extractor leaves out with the article's header.

News pages set the lead photo in the article's header, between the headline and the first
paragraph, apart from the body: trafilatura keeps the body and drops the header whole, photo
included, yet keeps the header's furniture when it takes a wider box (a section's banner, the
author's thumbnail). `restore_lead_picture` puts the photo back: the one large picture, not a
link, captioned or described (by the headline itself, when its size is unsaid), lying in
the article's box between its headline and the first paragraph kept, with no more than a
standfirst's text before it.
`drop_header_furniture` drops, before the first paragraph kept, the pictures whose declared
size says they are an avatar or an icon (a small side) or a banner (a strip), and the
thumbnails that link to another page (a teaser's).
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import declared_side, text_of

_MIN_LEAD_SIDE = 300  # a lead photo is shown wide: a declared width past this
_MAX_ICON_SIDE = 60  # a declared side under this is an avatar, an icon or a badge
_STRIP = 5  # a picture this many times wider than high is a banner, not a photo
_MAX_TEXT_BEFORE = 400  # a standfirst's worth of text between the headline and the photo
_SUMMARY_WORDS = 8  # a standfirst is a sentence; a shorter line is a byline or a date
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")
_IMAGE_LINK = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def drop_header_furniture(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from `body`, before its first paragraph, the pictures the page declares too
    small for a photo or shaped as a banner."""
    head = _head_graphics(body)
    if not head:
        return
    images: dict[str, Any] = {}
    for image in source.iter("img"):
        images.setdefault(image.get("src") or "", image)
    for graphic in head:
        image = images.get(graphic.get("src") or "")
        if image is not None and (_is_furniture(image) or _is_thumbnail(image)):
            _remove(graphic)


def restore_lead_picture(body: Any, source: lxml.html.HtmlElement) -> None:
    """Insert the article's lead picture at the top of `body`, after its headings, when
    `body` has no picture before its first paragraph."""
    if next(source.iter("img"), None) is None:
        return  # a page without pictures: nothing to walk
    first = next((p for p in body.iter("p") if text_of(p)), None)
    if first is None or _head_graphics(body):
        return
    wanted = text_of(first)
    origin = next((p for p in source.iter("p") if text_of(p) == wanted), None)
    if origin is None:
        return
    box = next(origin.iterancestors("article"), None)
    box = origin.getparent() if box is None else box
    if box is None:
        return
    headlines = {text_of(heading) for heading in source.iter("h1")}
    image, summary = _lead_image(box, origin, headlines)
    kept = {graphic.get("src") for graphic in body.iter("graphic")}
    if image is None or image.get("src") in kept:
        return
    at = next((i for i, child in enumerate(body) if child.tag != "head"), len(body))
    graphic = etree.Element("graphic", src=image.get("src"), alt=image.get("alt") or "")
    body.insert(at, graphic)
    said = " ".join("".join(body.itertext()).split())
    for paragraph in reversed(summary):
        if text_of(paragraph) not in said:
            element = etree.Element("p")
            element.text = text_of(paragraph)
            body.insert(at, element)


def _lead_image(box: Any, origin: Any, headlines: set[str]) -> tuple[Any | None, list[Any]]:
    """The one lead picture in `box` before `origin`, after the box's headline if it has
    one; and the paragraphs of a sentence or more before it: the story's summary, which the
    extractor drops with the header."""
    headline = next(box.iter("h1"), None)
    started = headline is None
    text = 0
    found: list[Any] = []
    summary: list[Any] = []
    for element in box.iter():
        if element is origin:
            break
        if element is headline:
            started = True
        elif started and element.tag == "img" and _is_photo(element, headlines):
            found.append(element)
        elif started and not found and isinstance(element.tag, str):
            text += len((element.text or "").strip()) + len((element.tail or "").strip())
            if text > _MAX_TEXT_BEFORE:
                return None, []
            if element.tag == "p" and _is_sentence(element):
                summary.append(element)
    return (found[0], summary) if len(found) == 1 else (None, [])


def _is_sentence(paragraph: Any) -> bool:
    """A paragraph saying something in a sentence or more, not a byline's or a date's line."""
    text = text_of(paragraph)
    dated = next(paragraph.iter("time"), None) is not None
    return len(text.split()) >= _SUMMARY_WORDS and text.endswith(_SENTENCE_ENDS) and not dated


def _is_photo(image: Any, headlines: set[str]) -> bool:
    """A picture that links nowhere but to itself and is either declared large and
    described or captioned, or, its size unsaid, a captioned figure's or one described by
    the article's headline (the story's own picture, as its share button shows it)."""
    if not image.get("src") or _links_away(image):
        return False
    figure = next(image.iterancestors("figure"), None)
    caption = text_of(next(figure.iter("figcaption"), None)) if figure is not None else ""
    alt = " ".join((image.get("alt") or "").split())
    width, height = _size(image)
    if width is None or height is None:
        return bool(caption) or alt in headlines - {""}
    return width >= _MIN_LEAD_SIDE and not _is_furniture(image) and bool(alt or caption)


def _links_away(image: Any) -> bool:
    """Whether the picture is a link to anything but a larger copy of itself: a teaser's
    thumbnail or a section's banner."""
    for link in image.iterancestors("a"):
        if not (link.get("href") or "").split("?")[0].lower().endswith(_IMAGE_LINK):
            return True
    return False


def _is_thumbnail(image: Any) -> bool:
    """A picture declared narrower than a photo, linking to another page: a teaser's."""
    width = _size(image)[0]
    return width is not None and width < _MIN_LEAD_SIDE and _links_away(image)


def _is_furniture(image: Any) -> bool:
    width, height = _size(image)
    if width is None or height is None:
        return False
    return min(width, height) < _MAX_ICON_SIDE or width >= _STRIP * height


def _size(image: Any) -> tuple[int | None, int | None]:
    # "0" is no size: a template's placeholder for a height the page's style sets
    width, height = declared_side(image, "width"), declared_side(image, "height")
    return width or None, height or None


def _head_graphics(body: Any) -> list[Any]:
    """`body`'s pictures before its first paragraph with text."""
    found: list[Any] = []
    for element in body.iter():
        if element.tag == "p" and text_of(element):
            break
        if element.tag == "graphic":
            found.append(element)
    return found


def _remove(element: Any) -> None:
    """Remove `element`, keeping its tail's text in place."""
    parent = element.getparent()
    tail = element.tail or ""
    previous = element.getprevious()
    if tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
