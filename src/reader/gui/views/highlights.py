"""Finding words in the pane's document and painting them as extra selections."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

# Past this many matches more highlights only slow the pane down without helping anyone.
MAX_MATCHES = 2000


def find_all(document: QTextDocument, needle: str, limit: int = MAX_MATCHES) -> list[QTextCursor]:
    """Every case-insensitive occurrence of needle, in document order."""
    found: list[QTextCursor] = []
    if not needle.strip():
        return found
    cursor = QTextCursor(document)
    while len(found) < limit:
        cursor = document.find(needle, cursor)
        if cursor.isNull():
            break
        found.append(cursor)
    return found


def find_terms(document: QTextDocument, terms: Iterable[str]) -> list[QTextCursor]:
    """Occurrences of any of the terms, in document order, longer terms winning overlaps."""
    matches: list[QTextCursor] = []
    taken: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
        for cursor in find_all(document, term):
            span = (cursor.selectionStart(), cursor.selectionEnd())
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            taken.append(span)
            matches.append(cursor)
    matches.sort(key=lambda c: c.selectionStart())
    return matches


def selections(cursors: Iterable[QTextCursor], colour: str) -> list[QTextEdit.ExtraSelection]:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    result = []
    for cursor in cursors:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        result.append(selection)
    return result
