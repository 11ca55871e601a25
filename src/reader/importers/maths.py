"""Formulas as readable text: MathML (and MathJax's rendering of it) becomes a `<span>`.

The sanitizer never lets `<math>` through, and MathJax 3 draws each glyph from a stylesheet,
so its rendering holds no text at all: a page's formulas vanished, leaving sentences such as
"there are two solutions to , and they are". `maths_as_text` replaces each formula, with the
MathJax wrapper around it, by its symbols in reading order; sub- and superscripts stay
`<sub>`/`<sup>`, a fraction reads `(a)/(b)`, a root `√(a)`.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import add_text, text_of

_TOKENS = frozenset({"mi", "mn", "mo", "mtext", "ms"})
_SCRIPTS = {
    **{"msub": ("sub",), "msup": ("sup",), "msubsup": ("sub", "sup")},
    **{"munder": ("sub",), "mover": ("sup",), "munderover": ("sub", "sup")},
}
_SKIPPED = frozenset({"annotation", "annotation-xml", "mprescripts", "none"})
_TIGHT = frozenset("()[]{}|,.;:!′″'⁡⁢")  # operators written without spaces around them


def maths_as_text(tree: lxml.html.HtmlElement) -> None:
    """Replace every `<math>` of `tree` (or the MathJax box around it) by its text."""
    for math in list(tree.iter("math")):
        if math.getparent() is None or any(a.tag == "math" for a in math.iterancestors()):
            continue  # already replaced with its box, or inside another formula
        picture = _picture_beside(math)
        if picture is not None:  # the page shows its picture of the formula: that stays
            for name in ("aria-hidden", "hidden"):
                picture.attrib.pop(name, None)
            math.drop_tree()  # its tail stays
            continue
        block = (math.get("display") or "").lower() == "block"
        span = math.makeelement("div" if block else "span", {})
        _render(math, span)
        box = _outer_box(math)
        span.tail = box.tail
        box.getparent().replace(box, span)


def _picture_beside(math: Any) -> Any:
    """The picture of the formula the page shows in place of its MathML, or None: an image in
    the element named for maths that holds both (Wikipedia's `mwe-math-element`: the MathML
    hidden for screen readers, the picture hidden from them)."""
    for ancestor in math.iterancestors():
        names = (ancestor.get("class") or "").lower()
        if "math" not in names or _holds_prose(ancestor):
            return None
        picture = next(ancestor.iter("img"), None)
        if picture is not None:
            return picture
    return None


def _outer_box(math: Any) -> Any:
    """The outermost MathJax element holding `math` (its rendering beside its MathML); never
    a box that also holds prose (a page's `<div class="mathjax-content">`)."""
    box = math
    for ancestor in math.iterancestors():
        names = (ancestor.get("class") or "").lower()
        mathjax = ancestor.tag.startswith("mjx-") or "mathjax" in names or "mjx" in names
        if not mathjax or ancestor.getparent() is None or _holds_prose(ancestor):
            break
        box = ancestor
    return box


def _holds_prose(element: Any) -> bool:
    return any(True for _ in element.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li"))


def _render(node: Any, into: Any) -> None:
    """Append the text of MathML `node` to `into`, scripts as `<sub>`/`<sup>` children."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _SKIPPED:
        return
    children = [child for child in node if isinstance(child.tag, str)]
    if tag in _TOKENS or not children:
        text = text_of(node)
        spaced = tag == "mo" and text and not set(text) <= _TIGHT
        add_text(into, len(into), f" {text} " if spaced else text)
    elif tag == "mtr" or tag == "mlabeledtr":
        _grouped(children, into, "", "")
        _child(into, "br")  # a table of equations: one per line
    elif tag in _SCRIPTS and len(children) == len(_SCRIPTS[tag]) + 1 and not _accent(node):
        _render(children[0], into)
        for script, child in zip(_SCRIPTS[tag], children[1:], strict=True):
            _render(child, _child(into, script))
    elif tag == "mfrac" and len(children) == 2:
        _grouped(children[:1], into, "(", ")/")
        _grouped(children[1:], into, "(", ")")
    elif tag == "msqrt":
        _grouped(children, into, "√(", ")")
    else:
        for child in children:
            _render(child, into)


def _accent(node: Any) -> bool:
    """An over-mark (a dot, an arrow) is written after its base, not raised."""
    return node.tag == "mover" and (node.get("accent") or "").lower() == "true"


def _grouped(nodes: list[Any], into: Any, opening: str, closing: str) -> None:
    add_text(into, len(into), opening)
    for node in nodes:
        _render(node, into)
    add_text(into, len(into), closing)


def _child(parent: Any, tag: str) -> Any:
    child = parent.makeelement(tag, {})
    parent.append(child)
    return child
