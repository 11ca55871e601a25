"""Icon buttons: a small picture without words that is all a link holds, not the article's.

Hand-made pages draw their "home" and "back" buttons as small icons, a link's only content,
often with no alternative text at all. The extractor keeps such an icon with the text around
it, where it shows the reader a picture that says nothing and leads elsewhere: a button.
An article's own small pictures have words (an `alt`, a caption, the link's text) or no link.
`drop_icon_buttons` removes the wordless icon links before extraction, by their declared size.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import declared_side, text_of

_ICON_SIDE = 60  # pixels: both declared sides under this, an icon


def drop_icon_buttons(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the small pictures that are a link's only content, without words."""
    for image in list(tree.iter("img")):
        width, height = declared_side(image, "width"), declared_side(image, "height")
        if width is None or height is None or image.getparent() is None:
            continue
        if 0 < max(width, height) < _ICON_SIDE and _wordless_button(image):
            image.drop_tree()  # keeps its tail


def _wordless_button(image: Any) -> bool:
    """Whether `image` is all a link holds, with no alternative text to say where it leads."""
    link = next(image.iterancestors("a"), None)
    if link is None or (image.get("alt") or "").strip() or text_of(link):
        return False
    return sum(1 for _ in link.iter("img")) == 1
