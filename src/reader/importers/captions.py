"""Image captions the extractor left out.

trafilatura keeps a `<figure>`'s image but drops its `<figcaption>`: the photo credit and
the sentence saying what the picture shows are lost. `restore_captions` puts each kept
image's caption back right after it, as a `figcaption` (which our HTML vocabulary allows).
Pages without `<figure>` set the caption in a box of its own, named for it, right after the
picture's box; it is read the same way, and so is a `<figcaption>` set after its figure.
A figure without a `<figcaption>` often has its caption or credit in the short paragraph
right after it ("(Artist: <a>someone</a>)"), which the extractor drops as a line of links:
that paragraph is the figure's caption too, unless the figure holds text of its own (a
credit in a box beside the picture): that text is its caption, and the paragraph after it the
page's next line (the byline, under a lead photo).
A short item's extractor may keep a figure's caption, but as lines of the article right after
its picture (the caption's sentence a paragraph, its credit loose text): when those lines say
the figure's own caption and nothing else, they become the picture's caption again.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import text_of, word_count

_CREDIT_WORDS = 12  # a credit or a one-line caption; more is the article's next paragraph
_CAPTION_WORDS = 60  # a caption says what a picture shows in a sentence or three
# Elements whose class says caption ("wp-caption-text", "media-caption"), bar <figcaption>;
# and a <figcaption> set outside any figure, right after the picture's box (read the same).
_CLASS_CAPTIONS = (
    "//*[self::figcaption[not(ancestor::figure)]"
    " or (contains(@class, 'caption') and not(self::figcaption))]"
)


def restore_captions(body: Any, source: lxml.html.HtmlElement) -> None:
    """Follow each `graphic` of `body` with its source figure's caption, unless kept."""
    marked: set[str] = set()
    captions = _captions_by_image(source, marked)
    if not captions:
        return
    # Judged against the extractor's own text only: different pictures sharing one credit
    # ("(Artist: someone)") each get theirs back.
    # Compared without white space: the extractor's text and the caption's may space a link
    # ("near Raetihi ." against "near Raetihi.") differently.
    kept = "".join("".join(body.itertext()).split())
    captioned: set[str] = set()  # a picture shown again (a gallery's stand-ins) gets it once
    for graphic in list(body.iter("graphic")):
        source_address = graphic.get("src") or ""
        caption = captions.get(source_address)
        parent = graphic.getparent()
        if caption is None or parent is None or source_address in captioned:
            continue
        if "".join(caption.split()) in kept:
            if source_address in marked and _gather_kept_lines(graphic, caption):
                captioned.add(source_address)
            continue
        captioned.add(source_address)
        element = etree.Element("figcaption")
        element.text, element.tail = caption, graphic.tail
        graphic.tail = None
        parent.insert(parent.index(graphic) + 1, element)
        _absorb_caption_parts(element, caption)


def _absorb_caption_parts(figcaption: Any, caption: str) -> None:
    """The paragraphs right after the restored caption that are pieces of it (the extractor
    kept a caption's lines as paragraphs, and lost others) go: the caption says them once."""
    while (following := figcaption.getnext()) is not None and following.tag == "p":
        text = " ".join(" ".join(following.itertext()).split())
        if not text or text not in caption or (following.tail or "").strip():
            return
        figcaption.getparent().remove(following)


def _gather_kept_lines(graphic: Any, caption: str) -> bool:
    """Whether the lines right after `graphic` (its loose text, paragraphs and their loose
    text) say `caption` and no more; if so, they become its `figcaption`, a line each."""
    wanted, said = "".join(caption.split()), "".join((graphic.tail or "").split())
    lines, following = [], graphic.getnext()
    while said != wanted and following is not None and following.tag == "p":
        said += "".join("".join(following.itertext()).split())
        said += "".join((following.tail or "").split())
        if not wanted.startswith(said):
            return False
        lines.append(following)
        following = following.getnext()
    if said != wanted:
        return False
    pieces: list[tuple[str | None, list[Any]]] = [(graphic.tail, [])]
    for line in lines:
        pieces += [(line.text, list(line)), (line.tail, [])]  # its tail: a credit, say
        line.getparent().remove(line)
    graphic.tail = None
    figcaption = etree.Element("figcaption")
    for text, inline in pieces:
        if (text or "").strip() or inline:  # a line of the caption: the ones before end
            if len(figcaption) or figcaption.text:
                etree.SubElement(figcaption, "lb")
            _append_text(figcaption, (text or "").lstrip())  # "the <a>Foundation</a>" spaced
            figcaption.extend(inline)  # its links and emphasis, with their text after them
    graphic.addnext(figcaption)
    return True


def _append_text(element: Any, text: str) -> None:
    """`text` at the end of `element`'s content."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _captions_by_image(source: lxml.html.HtmlElement, marked: set[str]) -> dict[str, str]:
    """The caption text of each figure holding exactly one image, by that image's source; and
    of each element whose class says caption, by the one image it captions. The sources
    whose caption the page marks as one (not the paragraph after a figure) go in `marked`."""
    found: dict[str, str] = {}
    for figure in source.iter("figure"):
        images = [image for image in figure.iter("img") if image.get("src")]
        caption = next(figure.iter("figcaption"), None)
        text = " ".join(" ".join(caption.itertext()).split()) if caption is not None else ""
        inside = caption is not None or 0 < word_count(figure) <= _CAPTION_WORDS
        if caption is None and inside:
            text = text_of(figure)  # a credit in a box of the figure's own ("attribution")
        elif caption is None and (after := _paragraph_after(figure)) is not None:
            text = " ".join("".join(after.itertext()).split())  # a paragraph's inline pieces
        if len(images) == 1 and text and (address := images[0].get("src") or "") not in found:
            found[address] = text
            marked.update((address,) if inside else ())
    for caption in source.xpath(_CLASS_CAPTIONS):
        image = _captioned_image(caption)
        if image is not None and (address := image.get("src") or "") not in found:
            # Joined as written: a link inside ("near <a>Raetihi</a>.") takes no spaces.
            found[address] = " ".join("".join(caption.itertext()).split())
            marked.add(address)
    return found


def _captioned_image(caption: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The image a caption-classed element (`wp-caption-text`, `media-caption`) captions:
    the image of the picture-only box right before it (the last, under a carousel's: the
    caption follows the set), or of the box it shares with the image alone; None for a box
    holding images itself (`wp-caption`, a gallery) or a long text."""
    words = word_count(caption)
    if not 0 < words <= _CAPTION_WORDS or next(caption.iter("img"), None) is not None:
        return None
    for holder, words_around in ((caption.getprevious(), 0), (caption.getparent(), words)):
        if holder is None or word_count(holder) != words_around:
            continue
        images = [image for image in holder.iter("img") if image.get("src")]
        if len(images) == 1 or (images and holder is caption.getprevious()):
            return images[-1]
    return None


def _paragraph_after(figure: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The short paragraph right after `figure` (white space between, or a slot of at most a
    word and no picture: an ad's "Advertisement" label, a spacer), if any."""
    after = figure
    for _step in range(2):
        if (after.tail or "").strip() or (after := after.getnext()) is None:
            return None
        words = word_count(after)
        if after.tag == "p":
            return after if 0 < words <= _CREDIT_WORDS else None
        if words > 1 or next(after.iter("img"), None) is not None:
            return None
    return None
