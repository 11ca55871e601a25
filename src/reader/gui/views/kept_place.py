"""Where the reader is in the pane, kept while the page is set again (its tables measured)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QTextEdit

SNIPPET_CHARS = 40  # enough of the text at the top to find it again


@dataclass(frozen=True)
class Place:
    """The text at the top of the pane, and how far down the pane its line starts."""

    position: int
    line_top: int
    snippet: str
    characters: int  # the page's length: the same length is the same text


def place_of(pane: QTextEdit, margin: int) -> Place | None:
    """The reader's place; None at the page's top (it stays at the top)."""
    if pane.verticalScrollBar().value() == 0:
        return None
    cursor = pane.cursorForPosition(QPoint(margin, 0))
    table = cursor.currentTable()
    if table is not None:  # it may be set otherwise: the text after it is kept in place
        while isinstance(outer := table.parentFrame(), QTextTable):
            table = outer
        cursor = table.lastCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        while not cursor.block().text() and cursor.movePosition(
            QTextCursor.MoveOperation.NextBlock
        ):
            pass  # Qt keeps an empty block after a table
    # The text of its line on, as find() sees it: never across the end of a paragraph, and
    # with no-break spaces as spaces.
    block, at = cursor.block(), cursor.positionInBlock()
    text = block.text()[at : at + SNIPPET_CHARS].replace("\u00a0", " ")
    top = pane.cursorRect(cursor).top()
    return Place(cursor.position(), top, text, pane.document().characterCount())


def scroll_back(pane: QTextEdit, place: Place) -> None:
    """Scroll the page set again so that the same text is where it was. In a page whose text
    changed (a table shown as a preview instead) it is looked for as far from where it was
    as the length changed."""
    document = pane.document()
    position = place.position
    if document.characterCount() != place.characters:
        if not place.snippet:
            return
        change = abs(document.characterCount() - place.characters)
        found = document.find(place.snippet, max(0, position - change))
        if found.isNull() or found.selectionStart() > position + change:
            return
        position = found.selectionStart()
    cursor = QTextCursor(document)
    cursor.setPosition(min(position, document.characterCount() - 1))
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + pane.cursorRect(cursor).top() - place.line_top)
