"""Definition lists the extractor dropped, or broke into pieces, between two kept paragraphs.

A `<dl>` standing loose in a page's `<body>` (a man page's options) is left out whole by
trafilatura; one inside a box of its own (DocBook's `variablelist`, mandoc's `Bl-tag`) comes
out in pieces: each term as a loose `<code>`, each definition as a paragraph or not at all.
When the paragraphs kept right before and right after the list in the page stand next to
each other in the extraction, with nothing between them but such pieces, the list belongs to
the article's flow: `restore_definition_lists` puts it back whole, in the extractor's
vocabulary (`list rend="dl"`, `item rend="dt-N"` and `"dd-N"`), in place of its pieces.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import text_of

# A term's formatting, and the extractor's element for each.
_STYLES = {"b": "b", "strong": "b", "i": "i", "em": "i", "code": "code", "kbd": "code"}
_ELEMENTS = {"b": ("hi", {"rend": "#b"}), "i": ("hi", {"rend": "#i"}), "code": ("code", {})}
# The extractor's inline elements: a term it kept, loose between two paragraphs.
_INLINE = frozenset({"code", "hi", "ref"})


def restore_definition_lists(
    body: Any, source: lxml.html.HtmlElement, origins: dict[str, Any]
) -> None:
    """Put each definition list of `source` back into `body` where it belongs; `origins`:
    `paragraph_origins(source)`."""
    if next(source.iter("dl"), None) is None:
        return  # the common case: nothing to look for, no walk of the page
    lists = [dl for dl in source.iter("dl") if _is_definition_list(dl)]
    if not lists:
        return
    order = {element: at for at, element in enumerate(source.iter())}
    for dl in lists:
        start = order[dl]
        end = start + sum(1 for _ in dl.iterdescendants())
        _restore(body, dl, start, end, _placed(body, origins, order))


def _is_definition_list(dl: Any) -> bool:
    """An outermost list of terms and definitions that is not a box of links."""
    if any(ancestor.tag == "dl" for ancestor in dl.iterancestors()):
        return False  # read as part of the list holding it
    parts = _parts(dl)
    if not any(e.tag == "dt" for e in parts) or not any(e.tag == "dd" for e in parts):
        return False
    linked = sum(len(text_of(anchor)) for anchor in dl.iter("a"))
    return linked * 2 <= len(text_of(dl))


def _placed(body: Any, origins: dict[str, Any], order: dict[Any, int]) -> list[tuple[Any, int]]:
    """Each paragraph `body` holds that the page has once, with its place in the page."""
    found = []
    for child in body:
        origin = origins.get(text_of(child)) if child.tag == "p" else None
        if origin is not None:
            found.append((child, order[origin]))
    return found


def _restore(body: Any, dl: Any, start: int, end: int, placed: list[tuple[Any, int]]) -> None:
    """Replace the pieces of `dl` between the kept paragraphs around it with the whole list."""
    before = [paragraph for paragraph, at in placed if at < start]
    after = [paragraph for paragraph, at in placed if at > end]
    if not before or not after:
        return  # only between two kept paragraphs is the list sure to be the article's
    first, last = before[-1], after[0]
    if first.getparent() is not last.getparent() or body.index(first) > body.index(last):
        return
    inside = {paragraph for paragraph, at in placed if start < at <= end}
    texts = _texts(dl)
    inside |= {child for child in body if child.tag == "p" and text_of(child) in texts}
    whole = text_of(dl)
    between = list(first.itersiblings())[: body.index(last) - body.index(first) - 1]
    if not all(_piece_of(child, inside, whole) for child in between):
        return  # something else stands there (or the list itself was kept): leave it be
    for child in between:
        body.remove(child)
    body.insert(body.index(first) + 1, definition_list_xml(dl))


def _texts(dl: Any) -> set[str]:
    return {text_of(part) for part in _parts(dl)}


def _piece_of(child: Any, inside: set[Any], whole: str) -> bool:
    """Whether `child`, in the extraction, is a piece of the list whose text is `whole`."""
    if child in inside:
        return True  # a paragraph of a definition, or a term or definition as a paragraph
    text = " ".join(("".join(child.itertext()) + (child.tail or "")).split())
    if child.tag == "p" and len(child) == 0 and not text:
        return True  # the page's spacer paragraph
    return child.tag in _INLINE and bool(text) and text in whole


def definition_list_xml(dl: Any) -> Any:
    """`dl` as the extractor writes a definition list; its terms and definitions numbered in
    pairs, as the extractor numbers them."""
    listing = etree.Element("list", rend="dl")
    number = 0
    for child in _parts(dl):
        if child.tag == "dt" or number == 0:
            number += 1  # a term opens the next pair; a definition stays with its term
        item = etree.SubElement(listing, "item", rend=f"{child.tag}-{number}")
        if child.tag == "dt":
            _set_styled_text(item, child)  # a man page's option names are bold, or code
        else:
            item.text = text_of(child)
    return listing


def _set_styled_text(item: Any, term: Any) -> None:
    """`term`'s text into `item`, spaces collapsed as `text_of` does, its bold, italic and
    code runs as the extractor writes them (`<hi rend="#b">`, `<code>`)."""
    last: Any = None  # the element the next plain text follows, None: the item's own text

    def add_plain(text: str) -> None:
        if last is None:
            item.text = (item.text or "") + text
        else:
            last.tail = (last.tail or "") + text

    started = space = False
    for node in term.xpath(".//text()"):
        raw = str(node)
        space = space or raw[:1].isspace()
        words = raw.split()
        if not words:
            continue
        if space and started:
            add_plain(" ")  # a space between runs stays outside either
        style = _style_of(node, term)
        if style is None:
            add_plain(" ".join(words))
        else:
            last = etree.SubElement(item, *_ELEMENTS[style])
            last.text = " ".join(words)
        started, space = True, raw[-1:].isspace()


def _style_of(node: Any, term: Any) -> str | None:
    """The style (a key of `_ELEMENTS`) of the innermost element of `term` holding text
    `node` that has one, or None."""
    holder = node.getparent() if node.is_text else node.getparent().getparent()
    for element in (holder, *holder.iterancestors()):
        if element.tag in _STYLES:
            return _STYLES[element.tag]
        if element is term:
            break
    return None


def _parts(dl: Any) -> list[Any]:
    """The terms and definitions of `dl` holding text (grouped in `<div>`s or not), not those
    of a list nested in one of its definitions."""
    return [
        part
        for part in dl.iter("dt", "dd")
        if next(part.iterancestors("dl")) is dl and text_of(part)
    ]
