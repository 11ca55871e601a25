"""Image captions the extractor left out.

trafilatura keeps a `<figure>`'s image but drops its `<figcaption>`: the photo credit and
the sentence saying what the picture shows are lost. `restore_captions` puts each kept
image's caption back right after it, as a `figcaption` (which our HTML vocabulary allows).
Pages without `<figure>` set the caption in a box of its own, named for it, right after the
picture's box; it is read the same way.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

# A caption set in a box of its own right after its picture's box, outside any <figure>
# (`<div class="image"><img></div><div class="caption-wrapper">…</div>`).
_CAPTION_BOXES = etree.XPath(
    "//*[contains(@class, 'caption') and not(ancestor-or-self::figcaption)][not(ancestor::figure)]"
)
_CAPTION_LENGTH = 300  # characters: a longer text beside a picture is running text


def restore_captions(body: Any, source: lxml.html.HtmlElement) -> None:
    """Follow each `graphic` of `body` with its source figure's caption, unless kept."""
    captions = _captions_by_image(source)
    if not captions:
        return
    kept = " ".join(" ".join(body.itertext()).split())
    for graphic in list(body.iter("graphic")):
        caption = captions.get(graphic.get("src") or "")
        parent = graphic.getparent()
        if caption is None or caption in kept or parent is None:
            continue
        element = etree.Element("figcaption")
        element.text, element.tail = caption, graphic.tail
        graphic.tail = None
        parent.insert(parent.index(graphic) + 1, element)
        kept += " " + caption
        _absorb_caption_parts(element, caption)


def _absorb_caption_parts(figcaption: Any, caption: str) -> None:
    """The paragraphs right after the restored caption that are pieces of it (the extractor
    kept a caption's lines as paragraphs, and lost others) go: the caption says them once."""
    while (following := figcaption.getnext()) is not None and following.tag == "p":
        text = " ".join(" ".join(following.itertext()).split())
        if not text or text not in caption or (following.tail or "").strip():
            return
        figcaption.getparent().remove(following)


def _captions_by_image(source: lxml.html.HtmlElement) -> dict[str, str]:
    """The caption text of each figure holding exactly one image, by that image's source; and
    of each caption box right after a box holding exactly one image."""
    found: dict[str, str] = {}
    for figure in source.iter("figure"):
        images = [image for image in figure.iter("img") if image.get("src")]
        caption = next(figure.iter("figcaption"), None)
        text = " ".join(" ".join(caption.itertext()).split()) if caption is not None else ""
        if len(images) == 1 and text:
            found.setdefault(images[0].get("src") or "", text)
    for box in _CAPTION_BOXES(source):
        picture = box.getprevious()
        images = [] if picture is None else [i for i in picture.iter("img") if i.get("src")]
        text = " ".join(" ".join(box.itertext()).split())
        if len(images) == 1 and text and len(text) <= _CAPTION_LENGTH:
            found.setdefault(images[0].get("src") or "", text)
    return found
