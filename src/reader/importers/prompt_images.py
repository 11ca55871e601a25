"""The picture of a prompt box left at the foot of an extracted body: a call to act, not the
article.

Under an article, pages set a box asking the reader to do something: a small illustration,
a line ("Still have questions? Ask the community") and a button ("Take me there"). The
extractor drops the line and the button but keeps the picture, so the article ends with an
image that belongs to nothing in it. `mark_prompt_images` marks, before the page's buttons
are dropped, the one picture of each short box holding a button; `drop_prompt_images` removes
the body's last block when it is such a picture and the body holds none of its box's words:
the box went, its picture goes with it. An article's own last picture has no button beside it
and stays.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import word_count

_BOX_DEPTH = 3  # levels above the image still within its box
_BUTTON_DEPTH = 4  # levels above a button still within its box
_BOX_WORDS = 40  # a prompt's line or two: more is a region of the page, not a box
MARK = "data-reader-prompt"  # on the page's <img>; the sanitizer drops it with the rest


def mark_prompt_images(tree: lxml.html.HtmlElement) -> None:
    """Mark the picture of each short box of `tree` holding a button (run before buttons go)."""
    for button in tree.iter("button"):
        box = button
        for _level in range(_BUTTON_DEPTH):
            box = box.getparent()
            if box is None or word_count(box) > _BOX_WORDS:
                break
            images = list(box.iter("img"))
            if images:
                if len(images) == 1:
                    images[0].set(MARK, "")
                break


def drop_prompt_images(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` its last block when that is the bare picture
    of a prompt box of the page."""
    blocks = list(body)
    if not blocks or (blocks[-1].tail or "").strip() or word_count(blocks[-1]):
        return
    graphics = list(blocks[-1].iter("graphic"))
    if len(graphics) != 1 or not graphics[0].get("src"):
        return
    image = _source_image(source, graphics[0].get("src") or "")
    box = _box(image) if image is not None and image.get(MARK) is not None else None
    if box is None:
        return
    kept = " ".join(" ".join(body.itertext()).split())
    # Any of the box's words kept (a figure's caption beside a zoom button) makes it the
    # article's: only a box the extractor dropped whole was the page's.
    lines = (" ".join(piece.split()) for piece in box.itertext())
    if not any(line and line in kept for line in lines):
        body.remove(blocks[-1])


def _source_image(source: lxml.html.HtmlElement, address: str) -> Any:
    """The page's <img> the extractor took `address` from (`src`, or a lazy `data-src`)."""
    return next(
        (i for i in source.iter("img") if address in (i.get("src"), i.get("data-src"))), None
    )


def _box(image: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest element around `image` holding words, if it is short enough to be a box."""
    box = image
    for _level in range(_BOX_DEPTH):
        parent = box.getparent()
        if parent is None:
            return None
        box = parent
        words = word_count(box)
        if words:
            return box if words <= _BOX_WORDS else None
    return None
