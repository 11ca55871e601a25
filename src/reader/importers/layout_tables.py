"""Tables that only lay a page out become plain blocks: the pane frames and squeezes no text.

A table of one cell is a box; a cell holding the article's headings or several paragraphs of
text is a region of the page. Neither is data: their cells are read in order instead.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS, add_text, text_of

_PARAGRAPHS = ("p", "ul", "ol", "blockquote", "pre", "dl")
# A cell with this many blocks of running text, and this much text, is a page region.
_REGION_BLOCKS = 3
_REGION_CHARS = 400


def unwrap_layout_tables(html: str) -> str:
    """Sanitized HTML with each layout table replaced by the content of its cells, and
    without the empty rows of the tables it keeps."""
    if "<table" not in html:
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    tables = [table for table in root.iter("table") if _lays_out(table)]
    # A row with nothing in any cell is spacing, drawn as an empty band of borders.
    empty_rows = [row for row in root.iter("tr") if not _holds_anything(row)]
    if not tables and not empty_rows:
        return html
    for row in empty_rows:
        row.drop_tree()
    for table in reversed(tables):  # inner ones first: their cells move into the outer one
        _unwrap(table)
    inner = root.text or ""
    return inner + "".join(etree.tostring(child, encoding="unicode") for child in root)


def _cells(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The table's own cells, not those of a table nested in one of them."""
    return [cell for cell in table.iter("td", "th") if _owner(cell) is table]


def _owner(cell: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next(cell.iterancestors("table"), None)


def _lays_out(table: lxml.html.HtmlElement) -> bool:
    """A table of one cell (with anything in it) is a box, one of none a spacer; a cell
    holding a heading or several paragraphs of text is a region of the page."""
    cells = [cell for cell in _cells(table) if _holds_anything(cell)]
    if len(cells) <= 1:
        return True
    for cell in cells:
        if any(True for _ in cell.iter(*HEADINGS)):
            return True
        blocks = [child for child in cell if child.tag in _PARAGRAPHS]
        text = sum(len(text_of(block)) for block in blocks)
        if len(blocks) >= _REGION_BLOCKS and text >= _REGION_CHARS:
            return True
    return False


def _holds_anything(element: lxml.html.HtmlElement) -> bool:
    return bool(element.text_content().strip()) or element.find(".//img") is not None


def _unwrap(table: lxml.html.HtmlElement) -> None:
    parent = table.getparent()
    if parent is None:
        return
    index = parent.index(table)
    boxes = []
    for cell in _cells(table):
        if not _holds_anything(cell):
            continue
        box = lxml.html.Element("div")
        box.text = cell.text
        box.extend(list(cell))
        boxes.append(box)
    tail = table.tail
    parent.remove(table)
    for offset, box in enumerate(boxes):
        parent.insert(index + offset, box)
    if boxes:
        boxes[-1].tail = tail
    elif tail:
        add_text(parent, index, tail)
