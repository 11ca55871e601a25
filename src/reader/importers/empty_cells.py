"""Table cells the extractor emptied: a cell holding only a link comes out blank.

trafilatura judges each block by its share of link text, and a table cell that is nothing but
a link (an app's name linking to its store page, a product linking to its sheet) fails that
test: the table keeps its place and its other cells, the cell is left empty and the row no
longer says what it is about. `restore_empty_cells` fills each such cell from the same cell of
the page's table (found by its rows, which must line up one for one), as a link when the
page's cell is one, as a list when it is one list.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.cell_lists import cell_list
from reader.importers.tree import text_of

# A value or a name, as a data cell holds: longer, a cell lays out a part of the page.
_MAX_TEXT = 150


def restore_empty_cells(body: Any, source: lxml.html.HtmlElement) -> None:
    """Fill the empty cells of `body`'s tables with the text of the page's same cells."""
    for table in body.iter("table"):
        rows = [[cell for cell in row if cell.tag == "cell"] for row in table if row.tag == "row"]
        if not any(_empty(cell) for row in rows for cell in row):
            continue  # the common case: nothing emptied, no page table to look for
        page_rows = _page_rows(source, rows)
        if page_rows is None:
            continue
        for row, page_row in zip(rows, page_rows, strict=True):
            if len(row) == len(page_row):  # spanning cells shift places: leave such a row
                for cell, page_cell in zip(row, page_row, strict=True):
                    if _empty(cell):
                        _fill(cell, page_cell)


def _page_rows(source: lxml.html.HtmlElement, rows: list[list[Any]]) -> list[list[Any]] | None:
    """The rows of the page's table whose rows hold, one for one, the texts of `rows`."""
    kept = [[text_of(cell) for cell in row if text_of(cell)] for row in rows]
    for table in source.iter("table"):
        page_rows = [_cells(row) for row in _rows(table)]
        if len(page_rows) != len(rows):
            continue
        texts = [{text_of(cell) for cell in row} for row in page_rows]
        if all(set(row) <= found for row, found in zip(kept, texts, strict=True)):
            return page_rows
    return None


def _rows(table: Any) -> list[Any]:
    """The table's own rows (not those of a table inside one of its cells)."""
    return [row for row in table.iter("tr") if next(row.iterancestors("table")) is table]


def _cells(row: Any) -> list[Any]:
    return [cell for cell in row if cell.tag in {"td", "th"}]


def _empty(cell: Any) -> bool:
    return len(cell) == 0 and not (cell.text or "").strip()


def _fill(cell: Any, page_cell: Any) -> None:
    """The page cell's text, as a link when one link is all of it, as a list when one list
    is."""
    text = text_of(page_cell)
    if not text or len(text) > _MAX_TEXT or next(page_cell.iter("table"), None) is not None:
        return  # a layout cell holding a part of the page, not a value the table lost
    listing = cell_list(page_cell)
    if listing is not None:  # its items, not their words run together
        cell.append(listing)
        return
    links = [link for link in page_cell.iter("a") if link.get("href")]
    if len(links) == 1 and text_of(links[0]) == text:
        etree.SubElement(cell, "ref", target=links[0].get("href") or "").text = text
    else:
        cell.text = text
