"""Tables set inside a `<blockquote>`, which the extractor flattens into loose cells.

Pages indent a data table by wrapping it in a blockquote (LWN does for every table). The
extractor reads a quote as running text, so the table's rows and columns collapse into one
line of cell texts, and links it keeps lose the words around them. A blockquote holding
nothing but tables quotes nobody: `lift_quoted_tables` unwraps it, so the tables are read
as tables.
"""

from __future__ import annotations

from typing import Any

import lxml.html


def lift_quoted_tables(tree: lxml.html.HtmlElement) -> None:
    """Replace each blockquote whose only content is tables by those tables."""
    for quote in list(tree.iter("blockquote")):
        parent = quote.getparent()
        if parent is None or not _only_tables(quote):
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
