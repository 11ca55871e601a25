"""Script buttons: the icon of a control that a script handles and a tooltip names.

Share bars drawn by a script are rows of boxes with an `onclick` handler and a tooltip
("Share on Facebook", "WhatsApp", "email"), each holding one picture with an empty `alt`: the
page's author declared it says nothing, the tooltip is the control's only word. Extracted, the
icons trail the article as a row of small logos. `drop_script_buttons` removes, before
extraction, such a picture: an empty `alt`, inside a wordless element that has both a
handler and a tooltip, not declared large. An article's own picture opening a viewer is a
link to its full size, or has its words (an `alt`, a caption), or is declared large.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import declared_side, text_of

_LARGE_SIDE = 150  # pixels: a declared side this wide is a picture, not a button's icon
_REACH = 6  # levels between the icon and its control: a button lays its icon out in a table


def drop_script_buttons(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the wordless icons of script-handled controls named by a tooltip."""
    for image in list(tree.iter("img")):
        if image.get("alt") != "" or _declared_large(image) or image.getparent() is None:
            continue
        if _in_script_button(image):
            image.drop_tree()  # keeps its tail


def _in_script_button(image: Any) -> bool:
    """Whether one of `image`'s near ancestors is a wordless control with a handler and a
    tooltip, holding no other picture."""
    for depth, box in enumerate(image.iterancestors()):
        if depth >= _REACH or box.tag in {"body", "html"}:
            return False
        if box.get("onclick") is None:
            continue
        label = (box.get("title") or box.get("aria-label") or "").strip()
        return bool(label) and not text_of(box) and sum(1 for _ in box.iter("img")) == 1
    return False


def _declared_large(image: Any) -> bool:
    sides = (declared_side(image, name) for name in ("width", "height"))
    return any(side is not None and side >= _LARGE_SIDE for side in sides)
