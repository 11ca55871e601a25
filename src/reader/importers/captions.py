"""Image captions the extractor left out.

trafilatura keeps a `<figure>`'s image but drops its `<figcaption>`: the photo credit and
the sentence saying what the picture shows are lost. `restore_captions` puts each kept
image's caption back right after it, as a `figcaption` (which our HTML vocabulary allows).
A figure without a `<figcaption>` often has its caption or credit in the short paragraph
right after it ("(Artist: <a>someone</a>)"), which the extractor drops as a line of links:
that paragraph is the figure's caption too.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

_CREDIT_WORDS = 12  # a credit or a one-line caption; more is the article's next paragraph


def restore_captions(body: Any, source: lxml.html.HtmlElement) -> None:
    """Follow each `graphic` of `body` with its source figure's caption, unless kept."""
    captions = _captions_by_image(source)
    if not captions:
        return
    # Judged against the extractor's own text only: pictures sharing one credit ("(Artist:
    # someone)") each get theirs back.
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


def _captions_by_image(source: lxml.html.HtmlElement) -> dict[str, str]:
    """The caption text of each figure holding exactly one image, by that image's source."""
    found: dict[str, str] = {}
    for figure in source.iter("figure"):
        images = [image for image in figure.iter("img") if image.get("src")]
        caption = next(figure.iter("figcaption"), None)
        text = " ".join(" ".join(caption.itertext()).split()) if caption is not None else ""
        if caption is None and (after := _paragraph_after(figure)) is not None:
            text = " ".join("".join(after.itertext()).split())  # a paragraph's inline pieces
        if len(images) == 1 and text:
            found.setdefault(images[0].get("src") or "", text)
    return found


def _paragraph_after(figure: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The short paragraph right after `figure` (white space between, or a slot of at most a
    word and no picture: an ad's "Advertisement" label, a spacer), if any."""
    after = figure
    for _step in range(2):
        if (after.tail or "").strip() or (after := after.getnext()) is None:
            return None
        words = _words(after)
        if after.tag == "p":
            return after if 0 < words <= _CREDIT_WORDS else None
        if words > 1 or next(after.iter("img"), None) is not None:
            return None
    return None


def _words(element: lxml.html.HtmlElement) -> int:
    return len(" ".join(element.itertext()).split())
