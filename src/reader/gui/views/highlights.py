"""Finding words and placing highlights in the pane's document, drawn as extra selections."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.core import scripts
from reader.core.folding import FoldedText, fold
from reader.gui.style import Theme, highlight_colour

# Past this many matches more highlights only slow the pane down without helping anyone.
MAX_MATCHES = 2000
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
# Scripts whose words are not set off by spaces (or, in Korean, carry their particles).
_UNSPACED = scripts.one_of(scripts.UNSPACED, scripts.HANGUL)


@contextmanager
def unlaid(document: QTextDocument) -> Iterator[None]:
    """Cursors set inside do not ask the layout where they are.

    Outside an edit block, a cursor set at a position has the document laid out up to there:
    a match or a highlight in a book's last chapter laid the whole book out at once (a
    second of UI thread for 2 MB) instead of Qt doing it in steps after it is shown.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def spans(document: QTextDocument, ranges: Sequence[tuple[int, int]]) -> list[QTextCursor]:
    """A cursor selecting each document range, the layout left as it is."""
    found = []
    with unlaid(document):
        for start, end in ranges:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            found.append(cursor)
    return found


def find_all(
    document: QTextDocument, needle: str, limit: int = MAX_MATCHES, *, whole_words: bool = False
) -> list[QTextCursor]:
    """Every case-insensitive occurrence of needle, in document order (only whole words:
    none inside a longer word)."""
    found: list[QTextCursor] = []
    if not needle.strip():
        return found
    flags = QTextDocument.FindFlag.FindWholeWords if whole_words else QTextDocument.FindFlag(0)
    pattern = _english_forms(needle) if whole_words else None
    cursor = QTextCursor(document)
    with unlaid(document):
        while len(found) < limit:
            if pattern is not None:
                cursor = document.find(pattern, cursor)
            else:
                cursor = document.find(needle, cursor, flags)
            if cursor.isNull():
                break
            found.append(cursor)
    return found


def _english_forms(word: str) -> QRegularExpression | None:
    """An English word and its inflected forms, as whole words ("whale", "whales"): search
    stems English, so it finds the article by them too. None for other words."""
    if not _ENGLISH_WORD.fullmatch(word):
        return None
    return QRegularExpression(
        rf"\b{re.escape(word)}(?:s|es|ed|ing|['’]s)?\b",
        QRegularExpression.PatternOption.CaseInsensitiveOption,
    )


def find_folded(
    document: QTextDocument, page: tuple[str, FoldedText], needle: str, limit: int = MAX_MATCHES
) -> list[QTextCursor]:
    """Every occurrence of needle as search compares text (`page`: the document's plain text
    and that text folded): 软体 finds 軟體, ｆｕｌｌ finds full, case and spaces aside, each
    within a paragraph or a table cell (folding drops the line breaks between them)."""
    plain, folded = page
    wanted = fold(needle)
    found: list[QTextCursor] = []
    if not wanted:
        return found
    with unlaid(document):
        at = folded.text.find(wanted)
        while at >= 0 and len(found) < limit:
            start, end = folded.to_original(at, at + len(wanted))
            if "\n" in plain[start:end]:
                at = folded.text.find(wanted, at + 1)
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            found.append(cursor)
            at = folded.text.find(wanted, at + len(wanted))
    return found


def laid_out(cursor: QTextCursor) -> bool:
    """Whether Qt has laid the cursor's text out (asking for its place would lay it out now:
    drawing a selection asks for it)."""
    document = cursor.document()
    if document.lastBlock().layout().lineCount() > 0:
        return True  # all of it (Qt lays a document out from its start)
    return document.findBlock(cursor.selectionEnd()).layout().lineCount() > 0


def find_terms(document: QTextDocument, terms: Iterable[str]) -> list[QTextCursor]:
    """Occurrences of any of the terms, in document order, longer terms winning overlaps.

    A term of spaced scripts (Latin, Cyrillic...) is a word, as search found it: "ran" marked
    "Iran's" and "guaranteeing". The forms search matched (a plural for a singular) come as
    terms of their own. In Chinese, Japanese or Korean a term is found inside longer runs.
    """
    matches: list[QTextCursor] = []
    taken: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
        whole = _UNSPACED.search(term) is None
        for cursor in find_all(document, term, whole_words=whole):
            span = (cursor.selectionStart(), cursor.selectionEnd())
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            taken.append(span)
            matches.append(cursor)
    matches.sort(key=lambda c: c.selectionStart())
    return matches


def selections(
    cursors: Iterable[QTextCursor], colour: str, underline: str | None = None
) -> list[QTextEdit.ExtraSelection]:
    """Backgrounds of `colour`; with `underline`, a dashed line of that colour under them."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    if underline is not None:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(underline))
    result = []
    for cursor in cursors:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        result.append(selection)
    return result


@dataclass(frozen=True)
class Mark:
    """A highlight as drawn: its id, palette colour name and the document range it covers."""

    highlight_id: int
    color: str
    cursor: QTextCursor
    fuzzy: bool = False  # found only approximately after the article changed: worth a look


def mark_selections(
    marks: Iterable[Mark], theme: Theme, chosen: int = 0
) -> list[QTextEdit.ExtraSelection]:
    """Translucent backgrounds in each mark's colour; the chosen one is underlined too, and
    a fuzzy one has a dotted underline until the reader confirms or re-attaches it."""
    result = []
    for mark in marks:
        fmt = QTextCharFormat()
        fmt.setBackground(highlight_colour(theme, mark.color))
        if mark.highlight_id == chosen:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(theme.text))
        elif mark.fuzzy:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(theme.text))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = mark.cursor
        selection.format = fmt
        result.append(selection)
    return result
