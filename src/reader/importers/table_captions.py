"""Table captions, which the extractor turns into a first row of the table.

trafilatura reads a `<caption>` as one more row: the caption's text in a heading cell,
padded with empty cells to the table's width. Shown so, it reads as a header row of
data, with empty columns beside it. `restore_table_captions` makes such a row the table's
caption again (a `caption`, which our HTML vocabulary allows).
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import text_of


def restore_table_captions(body: Any, source: lxml.html.HtmlElement) -> None:
    """Make each `table` of `body` whose first row is only a source caption's text (in its
    first cell, the others empty) open with that caption instead."""
    captions = {text for text in map(text_of, source.iter("caption")) if text}
    if not captions:
        return
    for table in list(body.iter("table")):
        first = next((child for child in table if child.tag == "row"), None)
        cells = [] if first is None else [child for child in first if child.tag == "cell"]
        if first is None or not cells or len(cells) != len(first):
            continue
        if text_of(cells[0]) in captions and not any(text_of(cell) for cell in cells[1:]):
            caption = etree.Element("caption")
            caption.text = cells[0].text
            caption.extend(list(cells[0]))  # moves the inline elements, with their tails
            table.remove(first)
            table.insert(0, caption)  # a caption comes first in a table
