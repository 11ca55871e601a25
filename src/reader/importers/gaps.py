"""Headings, lists and images the extractor dropped from between two paragraphs it kept.

trafilatura sometimes keeps every paragraph of a section but not the heading, the list or the
image between them (when it falls back to collecting loose paragraphs, or after a link-heavy
box; an <img> standing between a page's loose paragraphs is always left out).
Such a block sits inside the article by construction: its paragraph before and after were
both kept, from the same container, one after the other. `restore_dropped_blocks` puts it back
into the extractor's XML, in that XML's vocabulary (`head`, `list`/`item`).
"""

from __future__ import annotations

import itertools
from copy import deepcopy as copy_element
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.reading_lists import ReadingLists, reading_list_xml
from reader.importers.tree import HEADINGS, text_of

_LISTS = frozenset({"ul", "ol"})
# The extractor's inline elements, which it may leave loose between two paragraphs.
_INLINE = frozenset({"code", "hi", "ref"})
_UNREAD = frozenset({"script", "style", "noscript", "template"})


def restore_dropped_blocks(
    body: Any, source: lxml.html.HtmlElement, origins: dict[str, Any] | None = None
) -> None:
    """Insert into `body` the headings and lists of `source` that lie between two paragraphs
    `body` holds next to each other (or with only pieces of those blocks between them); the
    same inside each table cell the extractor kept, where also a list closing the cell in the
    page comes back after the cell's last paragraph. `origins`: `paragraph_origins(source)`,
    when the caller has it."""
    origins = paragraph_origins(source) if origins is None else origins
    kept_text = {text_of(element) for element in body.iter("head", "item")}
    reading = ReadingLists(source)
    for cell in list(body.iter("cell")):
        cell_paragraphs = _restore_between(cell, origins, kept_text, reading)
        if cell_paragraphs:
            _restore_closing_lists(cell, cell_paragraphs[-1], origins, kept_text)
    paragraphs = _restore_between(body, origins, kept_text, reading)
    if paragraphs:
        _restore_edge_images(body, paragraphs[0], paragraphs[-1], origins)
        _restore_closing_reading(body, paragraphs[-1], origins, kept_text, reading)


def _restore_between(
    body: Any, origins: dict[str, Any], kept_text: set[str], reading: ReadingLists
) -> list[Any]:
    """Put back what was dropped between each two paragraphs of `body`, a container of the
    extractor's XML; returns those paragraphs."""
    # An image's own paragraph (`<p><img></p>`) is no text to place anything against.
    # Each paragraph's text, read once: the steps below leave the paragraphs themselves alone.
    texts = [(child, text) for child in body if child.tag == "p" and (text := text_of(child))]
    for (before, before_text), (after, after_text) in itertools.pairwise(texts):
        # An empty paragraph (the page's spacer `<p> </p>`) stands for nothing dropped.
        loose = [piece for piece in _siblings_until(before, after) if not _blank(piece)]
        first, second = origins.get(before_text), origins.get(after_text)
        if first is None or second is None:
            continue
        if first.getparent() is second.getparent():
            found = _between(first, second, reading)
        else:
            found = _images_between_boxes(first, second) + _opening_headings(first, second)
        blocks = [b for b in found if text_of(b) not in kept_text]
        if loose and first.getparent() is second.getparent() and _kept_headings(loose, first):
            _restore_beside_headings(body, before, loose, first, second, blocks)
            continue
        if any(child.tag not in _INLINE for child in loose):
            _restore_heading(body, after, loose, blocks)
            continue
        if loose and not _pieces_of(loose, blocks):
            continue  # text of its own between the paragraphs: not ours to judge
        for piece in loose:
            body.remove(piece)
        for offset, block in enumerate(blocks, start=1):
            body.insert(body.index(before) + offset, _as_extractor_xml(block))
    return [paragraph for paragraph, _ in texts]


def _kept_headings(loose: list[Any], first: Any) -> bool:
    """Whether the pieces between two kept paragraphs are all headings the page has among the
    paragraphs' siblings (the extractor kept the section's title, not what follows it)."""
    texts = {text_of(sibling) for sibling in first.itersiblings() if isinstance(sibling.tag, str)}
    return all(piece.tag == "head" and text_of(piece) in texts for piece in loose)


def _restore_beside_headings(
    body: Any, before: Any, loose: list[Any], first: Any, second: Any, blocks: list[Any]
) -> None:
    """Put each dropped block back after the kept heading it follows in the page (or after
    `before` when it comes first), in the page's order."""
    headings = {text_of(piece): piece for piece in loose}
    anchor, wanted = before, {id(block) for block in blocks}
    element = first.getnext()
    while element is not None and element is not second:
        if isinstance(element.tag, str) and text_of(element) in headings:
            anchor = headings[text_of(element)]
        elif id(element) in wanted:
            restored = _as_extractor_xml(element)
            body.insert(body.index(anchor) + 1, restored)
            anchor = restored
        element = element.getnext()


def _restore_closing_lists(
    cell: Any, last: Any, origins: dict[str, Any], kept_text: set[str]
) -> None:
    """The lists that end the page's cell after its last kept paragraph, with nothing else
    but empty paragraphs between: the cell's edge bounds them as a paragraph would."""
    paragraph = origins.get(text_of(last))
    if paragraph is None or any(text_of(e) for e in last.itersiblings()):
        return
    rest = list(paragraph.itersiblings())
    if (paragraph.tail or "").strip() or any((e.tail or "").strip() for e in rest):
        return
    if any(e.tag not in _LISTS and text_of(e) for e in rest) or not rest:
        return
    at = cell.index(last) + 1
    for listing in (e for e in rest if e.tag in _LISTS and not _mostly_links(e)):
        if text_of(listing) not in kept_text:
            cell.insert(at, _as_extractor_xml(listing))
            at += 1


def _restore_closing_reading(
    body: Any, last: Any, origins: dict[str, Any], kept_text: set[str], reading: ReadingLists
) -> None:
    """The reading lists, each under its heading, that end the page's container of the last
    kept paragraph with nothing else after it: a "Sources" list closing the article."""
    paragraph = origins.get(text_of(last))
    if paragraph is None or any(text_of(e) for e in last.itersiblings()):
        return
    rest = [e for e in paragraph.itersiblings() if isinstance(e.tag, str)]
    if (paragraph.tail or "").strip() or any((e.tail or "").strip() for e in rest):
        return
    # A box the page marks with a role of its own (a navigation box, a sister site's badge)
    # is its furniture beside the section, and scripts are not read: neither ends the rule.
    rest = [e for e in rest if (e.get("role") or "list") == "list" and e.tag not in _UNREAD]
    headed = reading.headed(rest)
    if not headed or len(headed) != sum(1 for e in rest if text_of(e)):
        return
    if not any(text_of(block) in kept_text for block in headed):
        body.extend(_as_extractor_xml(block) for block in headed)


def _restore_heading(body: Any, after: Any, loose: list[Any], blocks: list[Any]) -> None:
    """Between two kept paragraphs with a block the extractor kept (a table, an image), only
    the heading opening the second paragraph comes back, right before it."""
    if any(child.tag == "head" for child in loose):
        return
    for heading in (block for block in blocks if block.tag in HEADINGS):
        body.insert(body.index(after), _as_extractor_xml(heading))


def _restore_edge_images(body: Any, first: Any, last: Any, origins: dict[str, Any]) -> None:
    """The images standing right before the first kept paragraph and right after the last,
    among that paragraph's siblings in the page with no text between: a lead image and a
    closing one, which the extractor leaves out as it does the images between paragraphs;
    and the heading right before the first paragraph, which opens the article's text."""
    kept = {graphic.get("src") for graphic in body.iter("graphic")}
    kept_text = {text_of(element) for element in body.iter("head")}
    opening, closing = origins.get(text_of(first)), origins.get(text_of(last))
    if opening is not None and not any(text_of(e) for e in first.itersiblings(preceding=True)):
        heading = _lead_heading(opening)
        if heading is not None and text_of(heading) not in kept_text:
            body.insert(body.index(first), _as_extractor_xml(heading))
        at = body.index(first)  # the images stand between the heading and the paragraph
        for image in _adjacent_images(opening.itersiblings(preceding=True), before=True):
            if image.get("src") not in kept:
                body.insert(at, _as_extractor_xml(image))
    if closing is not None and not any(text_of(e) for e in last.itersiblings()):
        if (closing.tail or "").strip():
            return
        at = body.index(last) + 1
        for image in _adjacent_images(closing.itersiblings(), before=False):
            if image.get("src") not in kept:
                body.insert(at, _as_extractor_xml(image))
                at += 1


def _lead_heading(paragraph: Any) -> Any | None:
    """The heading that is the nearest element with text before `paragraph`, if any."""
    for sibling in paragraph.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str) or (sibling.tail or "").strip():
            return None
        if text_of(sibling):
            return _only_heading(sibling)
    return None


def _adjacent_images(siblings: Any, *, before: bool) -> list[Any]:
    """The `<img>`s among `siblings` (nearest first) until the first text or block; a
    sibling's tail is text between it and the paragraph when `before`, beyond it otherwise."""
    found = []
    for sibling in siblings:
        if not isinstance(sibling.tag, str) or (before and (sibling.tail or "").strip()):
            break
        if sibling.tag == "img" and sibling.get("src"):
            found.append(sibling)
        elif text_of(sibling) or sibling.tag in {"p", "div", "section", "article"}:
            break
        if not before and (sibling.tail or "").strip():
            break
    return found


def _siblings_until(first: Any, last: Any) -> list[Any]:
    found = []
    for sibling in first.itersiblings():
        if sibling is last:
            break
        found.append(sibling)
    return found


def _pieces_of(loose: list[Any], blocks: list[Any]) -> bool:
    """The extractor's recovery keeps a dropped heading's inline code as loose pieces
    (`<code>apt</code> vs. <code>apt-cache</code>`): all of them are in the blocks' text."""
    whole = " ".join(text_of(block) for block in blocks)
    pieces = (" ".join(("".join(piece.itertext()) + (piece.tail or "")).split()) for piece in loose)
    return bool(whole) and all(piece in whole for piece in pieces)


def paragraph_origins(source: lxml.html.HtmlElement) -> dict[str, Any]:
    """Each source paragraph by its text; a text two paragraphs share maps to neither."""
    found: dict[str, Any] = {}
    for paragraph in source.iter("p"):
        text = text_of(paragraph)
        if text:
            found[text] = None if text in found else paragraph
    return {text: element for text, element in found.items() if element is not None}


def _between(first: Any, second: Any, reading: ReadingLists) -> list[Any]:
    """The headings right before `second`, and the images and lists among the siblings
    between the two (in that order when both are there: the text they hold is never lost)."""
    siblings = []
    element = first.getnext()
    while element is not None and element is not second:
        siblings.append(element)
        element = element.getnext()
    if element is None:
        return []  # `second` comes before `first`: the extractor reordered, leave it be
    return _blocks_among(siblings, reading)


def _images_between_boxes(first: Any, second: Any) -> list[Any]:
    """The images between two sibling boxes that hold one kept paragraph each, when nothing
    between the boxes says more than a caption: the article's pictures (a carousel's too),
    set between its paragraphs' boxes."""
    box, last = first.getparent(), second.getparent()
    if box is None or last is None or box.getparent() is not last.getparent():
        return []
    if text_of(box) != text_of(first) or text_of(last) != text_of(second):
        return []
    between = []
    for sibling in box.itersiblings():
        if sibling is last:
            break
        between.append(sibling)
    else:
        return []  # `last` comes before `box`: the extractor reordered, leave it be
    if any(text_of(s) and not _is_caption(s) for s in between if isinstance(s.tag, str)):
        return []
    return [i for s in between if isinstance(s.tag, str) for i in s.iter("img") if i.get("src")]


def _is_caption(element: Any) -> bool:
    return element.tag == "figcaption" or "caption" in (element.get("class") or "").lower()


def _blocks_among(siblings: list[Any], reading: ReadingLists) -> list[Any]:
    """Of the elements between two kept paragraphs, the images, the lists (a reading list
    with its heading) and the heading right before the second paragraph."""
    texted = [s for s in siblings if isinstance(s.tag, str) and text_of(s)]
    blocks = [s for s in siblings if s.tag == "img" and s.get("src")]
    headed = {id(element) for element in reading.headed(siblings)}
    blocks += [s for s in texted if (s.tag in _LISTS and not _mostly_links(s)) or id(s) in headed]
    heading = _only_heading(texted[-1]) if texted else None
    if heading is not None:
        blocks.append(heading)
    return blocks


def _blank(element: Any) -> bool:
    return element.tag == "p" and len(element) == 0 and not text_of(element)


def _opening_headings(first: Any, second: Any) -> list[Any]:
    """The headings that open the container holding `second`, when `first` lies outside it:
    a subsection's title (DocBook writes `<div class="sect2"><div class="titlepage"><h3>`).
    Only headings with no other text between them and `second` count; a heading closing
    `first`'s container (a trailer such as "Shop") is never taken."""
    ancestors = set(first.iterancestors())
    headings: list[Any] = []
    element = second
    while True:
        previous = element.getprevious()
        if previous is None:
            element = element.getparent()
            if element is None or element in ancestors or (element.text or "").strip():
                return headings
            continue
        if (previous.tail or "").strip():
            return headings
        if isinstance(previous.tag, str) and _has_text(previous):
            heading = _only_heading(previous)
            if heading is None:
                return headings
            headings.insert(0, heading)
        element = previous


def _only_heading(element: Any) -> Any | None:
    """`element` itself if it is a heading, or the one heading that is all of its text."""
    if element.tag in HEADINGS:
        return element
    inner = [e for e in element.iter(*HEADINGS) if text_of(e)]
    return inner[0] if len(inner) == 1 and text_of(inner[0]) == text_of(element) else None


def _mostly_links(element: Any) -> bool:
    """A list whose text is mostly links is navigation ("related articles"), not content."""
    linked = sum(len(text_of(anchor)) for anchor in element.iter("a"))
    return linked * 2 > len(text_of(element))


def _as_extractor_xml(block: Any) -> Any:
    if block.tag == "img":
        return etree.Element("graphic", src=block.get("src"), alt=block.get("alt") or "")
    if block.tag in HEADINGS:
        head = etree.Element("head", rend=block.tag)
        link = _whole_link(block)
        if link is None:
            head.text = text_of(block)
        else:  # a headline linking to its story: the teaser passes judge it by that link
            etree.SubElement(head, "ref", target=link).text = text_of(block)
        return head
    if _mostly_links(block):
        return reading_list_xml(block)  # only a reading list comes back among link lists
    listing = etree.Element("list", rend=block.tag)
    for item in block.iter("li"):  # a nested list's items are read in line with the rest
        text = _own_text(item)
        if text:
            etree.SubElement(listing, "item").text = text
    return listing


def _whole_link(heading: Any) -> str | None:
    """The address of the one link that is all of `heading`'s text, if it leads elsewhere."""
    links = [anchor for anchor in heading.iter("a") if text_of(anchor)]
    if len(links) != 1 or text_of(links[0]) != text_of(heading):
        return None
    href = (links[0].get("href") or "").strip()
    return href if href and not href.startswith("#") else None


def _own_text(item: Any) -> str:
    """A list item's text without the items of a list nested in it (read on their own)."""
    if next(item.iterdescendants("li"), None) is None:
        return text_of(item)
    copy = copy_element(item)
    for nested in list(copy.iterdescendants("ul", "ol")):
        if nested.getparent() is not None:
            nested.drop_tree()  # its tail is the item's own text again
    return text_of(copy)


def _has_text(element: Any) -> bool:
    """Whether `text_of(element)` is not empty, found at its first word (a box before a
    paragraph may hold most of the page)."""
    return any(not piece.isspace() for piece in element.itertext() if piece)
