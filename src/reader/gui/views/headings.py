"""Headings at the size the reading stylesheet gives them, not Qt's built-in heading scale."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtGui import (
    QFontMetricsF,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from reader.core import scripts

_ADJUSTMENT = QTextFormat.Property.FontSizeAdjustment
# A run of letters the line may not break inside: Han, kana and hangul break anywhere.
_BREAK_ANYWHERE = scripts.char_class(
    scripts.HANGUL_JAMO,
    scripts.CJK_MAIN,
    scripts.HAN,
    scripts.HANGUL_SYLLABLES,
    scripts.WIDTH_FORMS,
)
_UNBREAKABLE = re.compile(rf"[^\s{_BREAK_ANYWHERE}]+")


def size_headings(document: QTextDocument, *, in_tables: bool = True) -> None:
    """Drop Qt's heading scale (an <h1> is twice the body's size, whatever the stylesheet says).

    Qt's HTML import marks <h1>–<h6> with a size adjustment, and a character format with one
    ignores its point size; without it the stylesheet's sizes apply (a long title set smaller).
    With `in_tables` False (no table of the page holds a heading) the blocks of tables are not
    looked at: each cell is a block, and a manual's page of a thousand cells cost 20-30 ms of
    the UI thread per open to walk them.
    """
    headings = [
        b for b in _blocks(document.rootFrame(), in_tables) if b.blockFormat().headingLevel()
    ]
    if not headings:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for block in headings:
        _drop_adjustment(block, cursor)
    cursor.endEditBlock()


def _blocks(frame: QTextFrame, in_tables: bool) -> Iterator[QTextBlock]:
    """The blocks of `frame` in order, those of its tables only when `in_tables`."""
    it = frame.begin()
    while not it.atEnd():
        child = it.currentFrame()
        if child is None:
            yield it.currentBlock()
        elif in_tables or not isinstance(child, QTextTable):
            yield from _blocks(child, in_tables)
        it += 1


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


def title_size(document: QTextDocument) -> float:
    """The point size the stylesheet gives the title (the document's first block)."""
    block = document.begin()
    return _title_format(block).font().pointSizeF() if block.isValid() else 0.0


def _title_format(block: QTextBlock) -> QTextCharFormat:
    """The character format of the block's text (its first fragment's: the title's face)."""
    it = block.begin()
    return it.fragment().charFormat() if not it.atEnd() else block.charFormat()


def fit_title(document: QTextDocument, column: float, size_pt: float, floor_pt: float) -> None:
    """Set the title at `size_pt`, or smaller (not below `floor_pt`) where its longest word
    would be wider than the column: Qt breaks such a word in the middle ("Reliabilit-y")."""
    block = document.begin()
    if not block.isValid() or not block.blockFormat().headingLevel() or size_pt <= 0:
        return
    words = _UNBREAKABLE.findall(block.text())
    font = _title_format(block).font()

    def widest(size: float) -> float:
        font.setPointSizeF(size)
        return max((QFontMetricsF(font).horizontalAdvance(w) for w in words), default=0.0)

    wanted = size_pt
    # Type does not scale quite in proportion (hinting): shrink until the word is measured
    # to fit, at least half a point at a time.
    while wanted > floor_pt and (width := widest(wanted)) > column:
        wanted = max(floor_pt, min(wanted - 0.5, wanted * column / width))
    if abs(_title_format(block).font().pointSizeF() - wanted) < 0.05:
        return
    fmt = QTextCharFormat()
    fmt.setFontPointSize(wanted)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
