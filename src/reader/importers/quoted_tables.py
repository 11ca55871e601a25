"""Tables set inside a `<blockquote>`, which the extractor flattens into loose cells.

Pages indent a data table by wrapping it in a blockquote (LWN does for every table). The
extractor reads a quote as running text, so the table's rows and columns collapse into one
line of cell texts, and links it keeps lose the words around them. A blockquote holding
nothing but tables quotes nobody: `lift_quoted_tables` unwraps it, so the tables are read
as tables. A quote with words of its own around a table is split at the table: the words
stay quoted, the table follows them as a table.
"""

from __future__ import annotations

from typing import Any

import lxml.html


def lift_quoted_tables(tree: lxml.html.HtmlElement) -> None:
    """Replace each blockquote whose only content is tables by those tables."""
    for quote in list(tree.iter("blockquote")):
        parent = quote.getparent()
        if parent is None:
            continue
        if not _only_tables(quote):
            if any(child.tag == "table" for child in quote):
                _split_at_tables(quote, parent)
            continue
        index = parent.index(quote)
        tables = list(quote)
        if tables:
            tables[-1].tail = (tables[-1].tail or "") + (quote.tail or "")
        parent.remove(quote)
        for offset, table in enumerate(tables):
            parent.insert(index + offset, table)


def _only_tables(quote: Any) -> bool:
    children = [child for child in quote if isinstance(child.tag, str)]
    if (quote.text or "").strip() or not children or len(children) != len(quote):
        return False
    return all(child.tag == "table" and not (child.tail or "").strip() for child in children)


def _split_at_tables(quote: Any, parent: Any) -> None:
    """Replace `quote` by quotes of the content between its tables, and the tables."""
    pieces: list[Any] = []
    current = quote.makeelement("blockquote", dict(quote.attrib))
    current.text = quote.text
    for child in list(quote):
        if child.tag != "table":
            current.append(child)  # moves it, with its tail
            continue
        pieces.append(current)
        tail, child.tail = child.tail, None
        pieces.append(child)
        current = quote.makeelement("blockquote", dict(quote.attrib))
        current.text = tail
    pieces.append(current)
    kept = [p for p in pieces if p.tag == "table" or len(p) or (p.text or "").strip()]
    kept[-1].tail = quote.tail
    index = parent.index(quote)
    parent.remove(quote)
    for offset, piece in enumerate(kept):
        parent.insert(index + offset, piece)
