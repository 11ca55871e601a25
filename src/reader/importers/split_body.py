"""The rest of an article whose page splits its body into several containers.

Some sites cut the article's text into a run of containers of the same kind (the same tag and
class) with advertisement rows between them. The extractor takes the first container and stops,
losing the rest of the article. `restore_continuations` finds the container the extracted
paragraphs come from and appends, in the extractor's XML vocabulary, the paragraphs, headings,
lists and quotes of the later containers of the same tag and class.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.gaps import paragraph_origins
from reader.importers.tree import text_of

_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_MIN_PARAGRAPH = 80  # characters: a continuation holds at least one real paragraph
# Inline elements kept as the extractor writes them (`ref`, `hi`); others become their text.
_EMPHASIS = {"b": "#b", "strong": "#b", "i": "#i", "em": "#i"}


def restore_continuations(
    body: Any, source: lxml.html.HtmlElement, origins: dict[str, Any] | None = None
) -> None:
    """Append to `body` the blocks of the containers that continue the one the extracted
    paragraphs come from (same tag and class, later in `source`; `origins`:
    `paragraph_origins(source)`, when the caller has it)."""
    origins = paragraph_origins(source) if origins is None else origins
    kept = [origins[text] for p in body.iter("p") if (text := text_of(p)) in origins]
    parents = Counter(paragraph.getparent() for paragraph in kept)
    if not parents:
        return
    main, count = parents.most_common(1)[0]
    if count * 2 < len(kept) or not (main.get("class") or "").strip():
        return  # the extraction does not come from one container
    known = {text_of(element) for element in body.iter()}
    for container in _continuations(main, source):
        blocks = [b for b in container if isinstance(b.tag, str) and text_of(b)]
        if any(text_of(block) in known for block in blocks):
            continue  # the extractor saw this container and chose what to keep of it
        for block in blocks:
            converted = _as_extractor_xml(block)
            if converted is not None:
                body.append(converted)


def _continuations(main: Any, source: lxml.html.HtmlElement) -> list[Any]:
    """The later elements of `main`'s tag and class, outside it, that hold a real paragraph."""
    ancestors = set(main.iterancestors())
    found, after = [], False
    for element in source.iter(main.tag):
        if element is main:
            after = True
            continue
        if not after or element in ancestors or element.get("class") != main.get("class"):
            continue
        if main in element.iterancestors():
            continue  # nested inside the main container: the extractor saw it
        if any(len(text_of(p)) >= _MIN_PARAGRAPH for p in element.iterchildren("p")):
            found.append(element)
    return found


def _as_extractor_xml(block: Any) -> Any | None:
    if block.tag == "p" or block.tag == "blockquote":
        element = etree.Element("p" if block.tag == "p" else "quote")
        _copy_inline(block, element)
        return element
    if block.tag in _HEADINGS:
        head = etree.Element("head", rend=block.tag)
        head.text = text_of(block)
        return head
    if block.tag in {"ul", "ol"}:
        listing = etree.Element("list", rend=block.tag)
        for item in block.iterchildren("li"):
            _copy_inline(item, etree.SubElement(listing, "item"))
        return listing
    return None


def _copy_inline(source: Any, target: Any) -> None:
    """`source`'s text into `target`, its links as `ref` and its emphasis as `hi`."""
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "a" and child.get("href"):
            inner = etree.SubElement(target, "ref", target=child.get("href"))
        elif child.tag in _EMPHASIS:
            inner = etree.SubElement(target, "hi", rend=_EMPHASIS[child.tag])
        else:
            _append_text(target, "".join(child.itertext()) + (child.tail or ""))
            continue
        inner.text = "".join(child.itertext())
        inner.tail = child.tail


def _append_text(target: Any, text: str) -> None:
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text
