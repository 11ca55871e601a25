"""Images the extractor dropped from between two paragraphs it kept, wherever they sit.

When trafilatura falls back to collecting a page's paragraphs it keeps their text only: an
image in a paragraph of its own (`<p><img></p>`), in a `<figure>`, in a list of pictures or in
a step's box beside its paragraph is lost. An image that lies, in the page's order, between two
paragraphs the extractor kept one after the other, with next to no text between them, is part
of the article by construction. `restore_dropped_images` puts such images back, in the
extractor's XML (`graphic`), before the second paragraph (or followed by its caption, when
the extractor kept that as a paragraph; a list of pictures as a list). When the extractor kept
any image, it chose its images itself: nothing is put back. Linked pictures and small icons
are left out: those are teasers, share buttons and badges, never the article's own pictures.
The pictures set beside a kept paragraph's own box (a step's) come back after it too, the
first and last steps' included (`box_pictures`).
"""

from __future__ import annotations

import bisect
import itertools
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.box_pictures import box_pictures
from reader.importers.tree import declared_side, text_of

# Text (outside captions) two kept paragraphs may have between them in the page with their
# images still read as the article's: a heading or a step's label, not a teaser's headline.
_MAX_TEXT_BETWEEN = 100
# More pictures than this between two paragraphs is a gallery or a strip of teasers.
_MAX_IMAGES_BETWEEN = 4
# A declared size under this many pixels is an icon, an avatar or a badge.
_MIN_SIDE = 60
_IMAGE_LINK = (".jpg", ".jpeg", ".png", ".gif", ".webp")

# ("p", paragraph, its text's length) | ("img", image, 0) | ("text", None, other text's length)
_Token = tuple[str, Any, int]


def restore_dropped_images(body: Any, source: lxml.html.HtmlElement) -> None:
    """Insert into `body`, when it holds no image at all (the extractor's fallback, which
    keeps text only), the images of `source` that lie between two paragraphs `body` holds one
    after the other."""
    if next(body.iter("graphic"), None) is not None or next(source.iter("img"), None) is None:
        return  # the extractor chose its images itself, or the page has none
    tokens = _tokens(source)
    positions: dict[str, list[int]] = {}
    for index, (kind, element, _) in enumerate(tokens):
        if kind == "p":
            positions.setdefault(text_of(element), []).append(index)
    matched = _matched_paragraphs(body, positions)
    for (before, start), (after, end) in itertools.pairwise(matched):
        images = _images_between(tokens[start + 1 : end])
        if images:
            _insert(body, before, after, images)
    _restore_box_pictures(body, source)


def _restore_box_pictures(body: Any, source: lxml.html.HtmlElement) -> None:
    """The pictures set beside a kept paragraph's box (a step's), right after it; the lead
    step's and the last's too, which have no kept paragraph on both sides."""
    kept = {graphic.get("src") for graphic in body.iter("graphic")}
    for paragraph, images in box_pictures(body, source):
        at = body.index(paragraph) + 1
        for image in images:
            if image.get("src") in kept or _linked(image) or _small(image):
                continue
            kept.add(image.get("src"))
            body.insert(
                at, etree.Element("graphic", src=image.get("src"), alt=image.get("alt") or "")
            )
            at += 1


def _tokens(element: Any) -> list[_Token]:
    """The page in reading order: its paragraphs with text (read whole), its images and the
    length of any other text; a caption's text is the image's, never counted."""
    tokens: list[_Token] = []
    _add_tokens(element, tokens)
    return tokens


def _add_tokens(element: Any, tokens: list[_Token]) -> None:
    # Appended to one list: nested generators would pass each token up through every level.
    tag = element.tag
    if tag == "p" and (text := text_of(element)):
        tokens.append(("p", element, len(text)))
    elif tag == "img":
        if element.get("src"):
            tokens.append(("img", element, 0))
    elif tag != "figcaption" and isinstance(tag, str):
        tokens.append(("text", None, len((element.text or "").strip())))
        for child in element:
            _add_tokens(child, tokens)
    tokens.append(("text", None, len((element.tail or "").strip())))


def _matched_paragraphs(body: Any, positions: dict[str, list[int]]) -> list[tuple[Any, int]]:
    """The kept paragraphs found in the page, each at its first place after the one before
    (a text the page repeats is matched in order); paragraphs not found are skipped."""
    matched: list[tuple[Any, int]] = []
    last = -1
    for paragraph in body:
        places = positions.get(text_of(paragraph)) if paragraph.tag == "p" else None
        if not places:
            continue
        at = bisect.bisect_right(places, last)
        if at < len(places):
            last = places[at]
            matched.append((paragraph, last))
    return matched


def _images_between(tokens: list[_Token]) -> list[Any]:
    """The article's images among the tokens between two kept paragraphs, or none when the
    text between them is more than a heading's or there are too many pictures."""
    text = sum(length for kind, _, length in tokens if kind != "img")
    images = [element for kind, element, _ in tokens if kind == "img"]
    if text > _MAX_TEXT_BETWEEN or len(images) > _MAX_IMAGES_BETWEEN:
        return []
    return [image for image in images if not _linked(image) and not _small(image)]


def _linked(image: Any) -> bool:
    """A picture inside a link to anything but a larger copy of itself."""
    for parent in image.iterancestors("a"):
        href = (parent.get("href") or "").split("?")[0].lower()
        return not href.endswith(_IMAGE_LINK)
    return False


def _small(image: Any) -> bool:
    sizes = (declared_side(image, name) for name in ("width", "height"))
    return any(size is not None and size < _MIN_SIDE for size in sizes)


def _insert(body: Any, before: Any, after: Any, images: list[Any]) -> None:
    """Each image before `after`; or where the paragraph between holding its caption stands,
    that paragraph following it as its caption. Pictures that were a list's items (a list of
    photos) come back as that list, each in its item with its caption."""
    loose = list(itertools.takewhile(lambda element: element is not after, before.itersiblings()))
    lists: dict[Any, Any] = {}  # the page's list: the extractor's list made for it
    for image in images:
        caption = _caption(image)
        found = next((e for e in loose if e.tag == "p" and caption and text_of(e) == caption), None)
        anchor = after if found is None else found
        graphic = etree.Element("graphic", src=image.get("src"), alt=image.get("alt") or "")
        page_list = _list_of(image)
        if page_list is None:
            body.insert(body.index(anchor), graphic)
        else:
            if page_list not in lists:
                lists[page_list] = etree.Element("list", rend=page_list.tag)
                body.insert(body.index(anchor), lists[page_list])
            item = etree.SubElement(lists[page_list], "item")
            item.append(graphic)
        if found is not None:
            loose.remove(found)  # the next figure's caption is the next such paragraph
            found.tag = "figcaption"
            if page_list is not None:
                item.append(found)


def _list_of(image: Any) -> Any | None:
    """The list whose item the picture is, if any."""
    item = next(image.iterancestors("li"), None)
    parent = item.getparent() if item is not None else None
    return parent if parent is not None and parent.tag in {"ul", "ol"} else None


def _caption(image: Any) -> str:
    figure = next(image.iterancestors("figure"), None)
    caption = next(figure.iter("figcaption"), None) if figure is not None else None
    return text_of(caption)
