"""Marks deep in a book (highlights, Find, search terms, where it was left) leave Qt to lay it
out in steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextDocument
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.views import reading_pane, text_maps
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.epubs import Book, Chapter, build_epub
from tests.hostile_images import png

LAST = "A zeppelin drifted over the bay."
POSITION_SAVE_WAIT_MS = reading_pane.POSITION_SAVE_DELAY_MS * 2


def _book() -> Book:
    """Thirty chapters of about 4,000 characters (longer than the pane lays out at once),
    a zeppelin in the first chapter and another in the last."""
    lines = [f"Entry {n}: the keeper trimmed the wick and noted wind and tide." for n in range(60)]
    chapters = [
        Chapter(f"Log {n}", lines, image="images/lamp.png" if n % 7 == 0 else None)
        for n in range(2, 30)
    ]
    first = Chapter("Log 1", ["A zeppelin was seen in spring.", *lines])
    last = Chapter("The Last Night", [*lines, LAST])
    return Book(chapters=[first, *chapters, last], images={"images/lamp.png": png(40, 30)})


def _import(library: Library, tmp_path: Path) -> int:
    path = tmp_path / "log.epub"
    path.write_bytes(build_epub(_book()))
    result = library.import_path(path)
    assert result.article_id is not None, result.reason
    return result.article_id


def _laid_out(document: QTextDocument, position: int) -> bool:
    # No cursor: setting one at the position would lay the document out up to it.
    return document.findBlock(position).layout().lineCount() > 0


def _last_position(pane: ReadingPane) -> int:
    return pane.document().toPlainText().rfind("zeppelin")


def _drawn(pane: ReadingPane, position: int) -> bool:
    return any(s.cursor.selectionStart() == position for s in pane.extraSelections())


@pytest.fixture
def mapped_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text map built as the book is set, as a fast worker's can arrive before Qt has
    laid the book out: the highlights are placed in a book not laid out yet."""
    monkeypatch.setattr(text_maps, "SYNC_MAP_CHARS", 10_000_000)


@pytest.mark.usefixtures("mapped_at_once")
def test_a_highlight_at_a_books_end_is_drawn_once_qt_has_laid_it_out(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # Placing it, and drawing it, asked the layout where it was: the whole book was laid
    # out at once on opening (a second of UI thread for 2 MB) instead of in steps.
    article_id = _import(library, tmp_path)
    library.annotations.highlight_quote(article_id, "zeppelin drifted")
    library.set_reading_position(article_id, 0.9)
    pane = window.parts.pane
    assert window.open_article(article_id)
    assert pane.document().characterCount() > reading_pane.LAZY_LAYOUT_CHARS
    assert [m.cursor.selectedText() for m in pane.marks] == ["zeppelin drifted"]
    position = _last_position(pane)
    assert not _laid_out(pane.document(), position)
    qtbot.waitUntil(lambda: _drawn(pane, position), timeout=10_000)
    assert _laid_out(pane.document(), position)
    qtbot.waitUntil(lambda: abs(pane.fraction() - 0.9) < 0.02, timeout=10_000)


def test_zooming_a_book_with_a_highlight_at_its_end_leaves_it_to_be_laid_out_later(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # The highlight drawn in the book set before was looked for in the new one (and, once
    # the font had changed, in the old one again): both laid out to the end at once.
    article_id = _import(library, tmp_path)
    library.annotations.highlight_quote(article_id, "zeppelin drifted")
    pane = window.parts.pane
    assert window.open_article(article_id)
    qtbot.waitUntil(lambda: len(pane.marks) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: _drawn(pane, _last_position(pane)), timeout=10_000)
    pane.apply_preferences(pane._prefs.zoomed(1))  # the book set again, bigger
    document, position = pane.document(), _last_position(pane)
    assert [m.cursor.selectedText() for m in pane.marks] == ["zeppelin drifted"]
    assert not _laid_out(document, position)
    qtbot.waitUntil(lambda: _drawn(pane, position), timeout=10_000)
    assert pane.document() is document


def test_a_highlight_chosen_after_a_resize_leaves_the_book_to_be_laid_out_later(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # A resize has Qt lay the book out anew, in steps; drawing the highlight at the end
    # anew (now chosen: underlined) took it away and drew it again, laying all out at once.
    article_id = _import(library, tmp_path)
    highlight = library.annotations.highlight_quote(article_id, "zeppelin drifted")
    pane = window.parts.pane
    assert window.open_article(article_id)
    position = _last_position(pane)
    qtbot.waitUntil(lambda: _drawn(pane, position), timeout=10_000)
    pane.resize(pane.width() - 60, pane.height())
    document = pane.document()
    assert not _laid_out(document, position)
    pane.set_highlights(library.annotations.highlights(article_id), chosen=highlight.id)
    assert not _laid_out(document, position)
    assert _drawn(pane, position)  # as it was until Qt reaches it, then underlined
    underlined = QTextCharFormat.UnderlineStyle.SingleUnderline
    qtbot.waitUntil(
        lambda: any(
            s.cursor.selectionStart() == position and s.format.underlineStyle() == underlined
            for s in pane.extraSelections()
        ),
        timeout=10_000,
    )


def test_find_in_a_book_lays_it_out_only_up_to_the_match_it_shows(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    article_id = _import(library, tmp_path)
    pane = window.parts.pane
    assert window.open_article(article_id)
    assert pane.find_all("zeppelin") == 2
    position = _last_position(pane)
    assert not _laid_out(pane.document(), position)  # each match once laid out up to it
    assert pane.textCursor().block().text().startswith("A zeppelin was seen")
    assert pane.find_step(forward=True) == 2
    assert pane.textCursor().block().text() == LAST
    assert _drawn(pane, position)  # drawn as soon as it is shown


def test_search_terms_deep_in_a_book_are_marked_as_qt_lays_it_out(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    article_id = _import(library, tmp_path)
    pane = window.parts.pane
    assert window.open_article(article_id, ("zeppelin",))
    assert [c.selectedText() for c in pane._term_cursors] == ["zeppelin", "zeppelin"]
    assert pane.textCursor().block().text().startswith("A zeppelin was seen")
    position = _last_position(pane)
    assert not _laid_out(pane.document(), position)
    qtbot.waitUntil(lambda: _drawn(pane, position), timeout=10_000)


def test_a_book_left_at_90_percent_reopens_there_as_qt_lays_it_out(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # The scroll bar appearing as the book was set resized the pane, which took the restore
    # of the position for the reader's own move: it stopped at the first estimate of the
    # book's length, and what was saved was where that left the book (its end).
    article_id = _import(library, tmp_path)
    library.set_reading_position(article_id, 0.9)
    pane = window.parts.pane
    short = library.import_text(build_epub(Book(chapters=[Chapter("One", ["Short."])])), "s.epub")
    assert short.article_id is not None and window.open_article(short.article_id)
    assert not pane.verticalScrollBar().isVisible()  # it appears as the book is set
    assert window.open_article(article_id)
    document = pane.document()
    assert not _laid_out(document, document.characterCount() - 1)
    qtbot.waitUntil(lambda: _laid_out(document, document.characterCount() - 1), timeout=10_000)
    qtbot.waitUntil(lambda: abs(pane.fraction() - 0.9) < 0.02, timeout=10_000)
    qtbot.wait(POSITION_SAVE_WAIT_MS)  # a position wrongly taken for a move is saved by now
    assert abs(library.get_article(article_id).reading_position - 0.9) < 0.02
