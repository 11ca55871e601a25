"""A page's inline <svg> diagrams kept as pictures: written out as SVG, sanitized, and put back
as an <img> of a data: URI, which embed_images then stores like any other picture.

Only a diagram is kept: one that declares a size of at least MIN_SIDE pixels a side (or,
inside a <figure>, a view box that large), outside links, buttons and the page's furniture,
and not hidden from screen readers. Icons, logos and share buttons are inline SVG too; the
pane would show each as a picture of its own.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

import lxml.html

from reader.core.svg import SVG_NS, XLINK_NS, sanitize_svg, svg_data_uri
from reader.core.svg_names import ATTRIBUTES, DRAWING, HOSTILE
from reader.importers.tree import declared_side

MIN_SIDE = 100
# The HTML parser lowers every name; SVG's own are camelCase (viewBox, linearGradient).
_CANONICAL = {name.lower(): name for name in (*DRAWING, *ATTRIBUTES, *HOSTILE)}
_FURNITURE = frozenset({"a", "button", "nav", "header", "footer", "aside", "label", "form", "menu"})


def keep_inline_drawings(tree: lxml.html.HtmlElement) -> None:
    """Replace each inline diagram by an <img> of its sanitized drawing (the rest are left
    for the page's active content to take away)."""
    for svg in list(tree.iter("svg")):
        parent = svg.getparent()
        if parent is None or not _is_diagram(svg):
            continue
        drawing = sanitize_svg(_svg_markup(svg).encode("utf-8"))
        if drawing is None or min(drawing.width, drawing.height) < MIN_SIDE:
            continue
        image = lxml.html.Element("img", src=svg_data_uri(drawing))
        image.set("width", str(drawing.width))
        image.set("height", str(drawing.height))
        title = next((e.text_content().strip() for e in svg.iter("title")), "")
        if title:
            image.set("alt", title)
        image.tail = svg.tail
        parent.replace(svg, image)


def _is_diagram(svg: lxml.html.HtmlElement) -> bool:
    if (svg.get("aria-hidden") or "").strip().lower() == "true":
        return False
    ancestors = {ancestor.tag for ancestor in svg.iterancestors()}
    if ancestors & (_FURNITURE | {"svg"}):
        return False
    sides = [declared_side(svg, name) for name in ("width", "height")]
    if all(side is not None and side >= MIN_SIDE for side in sides):
        return True
    box = (svg.get("viewbox") or "").replace(",", " ").split()
    try:
        large = len(box) == 4 and min(float(box[2]), float(box[3])) >= MIN_SIDE
    except ValueError:
        return False
    return large and "figure" in ancestors and all(side is None for side in sides)


def _svg_markup(svg: lxml.html.HtmlElement) -> str:
    """The element as an SVG document, its names in SVG's own case; what sanitize_svg reads."""
    return _element(svg, f' xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"', tail=False)


def _element(element: Any, names: str = "", *, tail: bool = True) -> str:
    if not isinstance(element.tag, str):  # a comment or processing instruction
        return escape(element.tail or "")
    tag = _CANONICAL.get(element.tag, element.tag)
    attributes = "".join(
        f" {_CANONICAL.get(name, name)}={quoteattr(value)}"
        for name, value in element.attrib.items()
        if not name.startswith("xmlns") and (":" not in name or name == "xlink:href")
    )
    inner = escape(element.text or "") + "".join(_element(child) for child in element)
    after = escape(element.tail or "") if tail else ""
    return f"<{tag}{names}{attributes}>{inner}</{tag}>{after}"
