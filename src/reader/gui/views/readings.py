"""Ruby readings in the reading pane: drawn small after their base, never part of the text.

QTextDocument has no ruby layout, so `<rt>` is drawn as a small "(reading)" after the base
(see `article_html.readings_for_pane`). Each reading carries itself as its tooltip; that is
how it is found again here, so the text map, the selection and the clipboard can leave it out.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument


def reading_ranges(document: QTextDocument) -> list[tuple[int, int]]:
    """Document ranges (UTF-16 positions) of the readings drawn after ruby bases."""
    ranges: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            tip = fragment.charFormat().toolTip()
            if tip and fragment.text() == f"({tip})":
                ranges.append((fragment.position(), fragment.position() + fragment.length()))
            fragments += 1
        block = block.next()
    return ranges


def text_without_readings(
    document: QTextDocument, start: int, end: int, readings: list[tuple[int, int]]
) -> str:
    """The plain text of document[start:end] with the readings left out (for copying)."""
    pieces: list[str] = []
    position = start
    for first, last in readings:
        if last <= position or first >= end:
            continue
        pieces.append(_plain(document, position, min(first, end)))
        position = max(position, last)
    pieces.append(_plain(document, position, end))
    return "".join(pieces)


def _plain(document: QTextDocument, start: int, end: int) -> str:
    if end <= start:
        return ""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selection().toPlainText()
