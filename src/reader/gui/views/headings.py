"""Headings at the size the reading stylesheet gives them, not Qt's built-in heading scale."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

_ADJUSTMENT = QTextFormat.Property.FontSizeAdjustment


def size_headings(document: QTextDocument) -> None:
    """Drop Qt's heading scale (an <h1> is twice the body's size, whatever the stylesheet says).

    Qt's HTML import marks <h1>–<h6> with a size adjustment, and a character format with one
    ignores its point size; without it the stylesheet's sizes apply (a long title set smaller).
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            _drop_adjustment(block, cursor)
        block = block.next()
    cursor.endEditBlock()


def _drop_adjustment(block: QTextBlock, cursor: QTextCursor) -> None:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        if fragment.isValid() and fmt.hasProperty(_ADJUSTMENT):
            fmt.clearProperty(_ADJUSTMENT)
            cursor.setPosition(fragment.position())
            end = fragment.position() + fragment.length()
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        it += 1
