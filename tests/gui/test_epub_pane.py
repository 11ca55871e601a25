"""An imported EPUB in the reading pane: its contents list leads to the chapters; images show."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.logging import QtLoggingPlugin
from pytestqt.qtbot import QtBot

from reader.core.annotation import Color
from reader.gui.main_window import MainWindow
from reader.gui.views import reading_pane
from reader.gui.views.figures import image_positions
from reader.services.library import Library
from tests.epubs import Book, Chapter, build_epub, sample_book
from tests.hostile_images import png


def _long_book() -> Book:
    """The sample book with chapters long enough that each starts below the first screen."""
    book = sample_book()
    filler = [f"Line {n} of the keeper's log: wind, tide and weather noted." for n in range(60)]
    book.chapters = [
        Chapter(c.title, [*c.paragraphs, *filler], c.image, c.extra) for c in book.chapters
    ]
    return book


def _open_book(library: Library, window: MainWindow, tmp_path: Path) -> int:
    path = tmp_path / "keeper.epub"
    path.write_bytes(build_epub(_long_book()))
    result = library.import_path(path)
    assert result.article_id is not None, result.reason
    assert window.open_article(result.article_id)
    return result.article_id


def _heading_top(window: MainWindow, text: str) -> float:
    document = window.parts.pane.document()
    block = document.begin()
    while block.isValid():
        if block.text() == text and block.blockFormat().headingLevel() == 2:
            return document.documentLayout().blockBoundingRect(block).top()
        block = block.next()
    raise AssertionError(f"no heading {text!r}")


def test_a_contents_link_scrolls_to_its_chapter(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    _open_book(library, window, tmp_path)
    pane = window.parts.pane
    bar = pane.verticalScrollBar()
    bar.setValue(0)
    target = _heading_top(window, "The Rescue")  # the third chapter's heading
    assert target > pane.viewport().height()  # out of sight before the link is followed
    pane.anchorClicked.emit(QUrl("#ch3"))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert abs(bar.value() - min(target, bar.maximum())) < 40


def test_a_book_image_is_loaded_from_its_asset_folder(
    window: MainWindow, library: Library, tmp_path: Path
) -> None:
    article_id = _open_book(library, window, tmp_path)
    html = library.get_article(article_id).html
    (source,) = re.findall(r'src="(assets/[0-9a-f]+\.png)"', html)
    pane = window.parts.pane
    image = pane.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl(source))
    assert isinstance(image, QImage) and (image.width(), image.height()) == (4, 3)


def _cursor_warnings(qtlog: QtLoggingPlugin) -> list[str]:
    return [r.message for r in qtlog.records if "QTextCursor" in r.message]


def test_switching_between_books_places_images_in_the_document_shown(
    qtbot: QtBot, qtlog: QtLoggingPlugin, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # The image positions of the book shown before were once fitted in the next one (Qt
    # warned "QTextCursor::setPosition: Position ... out of range" on each switch).
    long_id = _open_book(library, window, tmp_path)
    short = library.import_text(build_epub(sample_book()), "short.epub").article_id
    assert short is not None
    for article_id in (short, long_id, short):
        assert window.open_article(article_id)
        qtbot.waitUntil(lambda: window.parts.pane.text_map_ready)
    assert _cursor_warnings(qtlog) == []
    pane = window.parts.pane
    # The short book's one image, found in its own document.
    assert len(image_positions(pane.document())) == 1


def _big_book() -> Book:
    """Thirty chapters of about 4,000 characters (longer than the pane lays out at once), a
    word found only in the last one, and images in several chapters."""
    lines = [f"Entry {n}: the keeper trimmed the wick and noted wind and tide." for n in range(60)]
    chapters = [
        Chapter(f"Log {n}", lines, image="images/lamp.png" if n % 7 == 0 else None)
        for n in range(1, 30)
    ]
    chapters.append(Chapter("The Last Night", [*lines, "A zeppelin drifted over the bay."]))
    return Book(chapters=chapters, images={"images/lamp.png": png(40, 30)})


def _import_big_book(library: Library, tmp_path: Path) -> int:
    path = tmp_path / "log.epub"
    path.write_bytes(build_epub(_big_book()))
    result = library.import_path(path)
    assert result.article_id is not None, result.reason
    return result.article_id


def _open_big_book(qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path) -> int:
    article_id = _import_big_book(library, tmp_path)
    assert window.open_article(article_id)
    qtbot.waitUntil(lambda: window.parts.pane.text_map_ready, timeout=10_000)
    assert window.parts.pane.document().characterCount() > reading_pane.LAZY_LAYOUT_CHARS
    return article_id


def test_a_highlight_in_a_books_last_chapter_is_drawn_there_when_reopened(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    article_id = _open_big_book(qtbot, window, library, tmp_path)
    pane = window.parts.pane
    pane.setTextCursor(pane.document().find("zeppelin"))
    window.annotations.commands.highlight_selection(Color.YELLOW)
    qtbot.waitUntil(lambda: len(library.annotations.highlights(article_id)) == 1)
    (stored,) = library.annotations.highlights(article_id)
    text = library.get_article(article_id).text
    assert text[stored.position.start : stored.position.end] == "zeppelin"
    assert window.open_article(next(i for i in library.articles.ids() if i != article_id))
    assert window.open_article(article_id)
    qtbot.waitUntil(lambda: len(pane.marks) == 1, timeout=10_000)
    assert pane.marks[0].cursor.selectedText() == "zeppelin"


def test_find_and_search_terms_reach_a_books_last_chapter(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    article_id = _open_big_book(qtbot, window, library, tmp_path)
    pane = window.parts.pane
    assert pane.find_all("zeppelin") == 1
    assert pane.textCursor().block().text().startswith("A zeppelin")
    assert pane.verticalScrollBar().value() > 0
    assert window.open_article(article_id, ("zeppelin",))
    assert [c.selectedText() for c in pane._term_cursors] == ["zeppelin"]
    qtbot.waitUntil(lambda: pane.verticalScrollBar().value() > 0)


def test_a_book_reopens_where_it_was_left(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    article_id = _open_big_book(qtbot, window, library, tmp_path)
    pane = window.parts.pane
    first = pane.document().lastBlock()
    qtbot.waitUntil(lambda: first.layout().lineCount() > 0, timeout=10_000)  # all laid out
    # and its height known to the scroll bar (Qt tells it later): a range still growing
    # after the move would save less than 0.7
    qtbot.waitUntil(lambda: pane.verticalScrollBar().maximum() == _scroll_range(pane))
    pane.set_fraction(0.7)
    qtbot.waitUntil(lambda: abs(library.get_article(article_id).reading_position - 0.7) < 0.02)
    assert window.open_article(next(i for i in library.articles.ids() if i != article_id))
    assert window.open_article(article_id)
    qtbot.waitUntil(lambda: abs(pane.fraction() - 0.7) < 0.02, timeout=10_000)
    last = pane.document().lastBlock()
    qtbot.waitUntil(lambda: last.layout().lineCount() > 0, timeout=10_000)  # all laid out
    assert abs(pane.fraction() - 0.7) < 0.02


def _scroll_range(pane: reading_pane.ReadingPane) -> int:
    return pane.document().size().toSize().height() - pane.viewport().height()


def test_resizing_the_pane_leaves_the_rest_of_a_book_to_be_laid_out_later(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # Fitting the images to the new width laid the book out up to its last image at once
    # (a second on a 2 MB book); Qt lays the rest out in steps, after the resize.
    article_id = _import_big_book(library, tmp_path)
    pane = window.parts.pane
    assert window.open_article(article_id)
    document = pane.document()
    pane.resize(pane.width() - 60, pane.height())  # no event loop in between
    assert pane.document() is document  # the same page, its images fitted again
    last_image = document.toPlainText().rfind("\ufffc")  # no cursor: it would lay it out
    assert document.findBlock(last_image).layout().lineCount() == 0
    qtbot.waitUntil(lambda: document.findBlock(last_image).layout().lineCount() > 0)


def test_a_book_marked_read_on_opening_is_not_set_again(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # Marking it read refreshed the pane's header by setting the whole book again (a 2 MB
    # book: as long as opening it) though nothing the page shows had changed.
    article_id = _import_big_book(library, tmp_path)
    pane = window.parts.pane
    applied: list[object] = []
    window.refresh.refreshed.connect(applied.append)
    assert window.open_article(article_id)
    document = pane.document()
    qtbot.waitUntil(lambda: any(getattr(w, "details", False) for w in applied), timeout=10_000)
    assert library.get_article(article_id).summary.read
    assert pane.document() is document
    assert pane.article is not None and pane.article.summary.read
