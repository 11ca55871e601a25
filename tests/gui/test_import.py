"""Importing by dropping files and folders on the window: progress, summary, failures."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote_from_bytes

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.import_paths import files_filter
from reader.gui.dialogs.import_summary import ImportSummaryDialog
from reader.gui.imports import ImportProgress, ImportSummary
from reader.gui.main_window import MainWindow
from reader.importers import SUPPORTED_SUFFIXES
from reader.services.library import ImportStatus, Library
from tests.articles import PLAIN_EN, SAVED_PAGE_ZH, TITLE_ZH, write


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    drop_urls(window, [QUrl.fromLocalFile(str(p)) for p in paths])


def drop_urls(window: MainWindow, urls: list[QUrl]) -> None:
    """What a drag from a file manager delivers: an accepted DragEnter, then the Drop."""
    mime = QMimeData()
    mime.setUrls(urls)
    where = QPointF(window.width() / 2, window.height() / 2)
    args = (
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        enter = QDragEnterEvent(*args)
    except TypeError:  # before Qt 6.12 a drag enters at an integer point
        enter = QDragEnterEvent(where.toPoint(), *args[1:])  # type: ignore[arg-type]
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(*args))


def test_dropped_files_import_in_the_background(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "dropped"
    write(folder / "kite.txt", SAVED_PAGE_ZH)
    write(folder / "nested" / "harbour.txt", PLAIN_EN)
    binary = folder / "broken.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    single = write(tmp_path / "again.txt", PLAIN_EN)  # the same text: a duplicate
    steps: list[ImportProgress] = []
    window.imports.import_progressed.connect(steps.append)
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        drop_files(window, [folder, single])
        assert window.imports.running
        assert window.parts.import_strip.isVisible()
    summary = finished.args[0] if finished.args else None
    assert isinstance(summary, ImportSummary)
    assert [step.done for step in steps] == [0, 1, 2, 3, 4]
    assert {step.total for step in steps} == {4}
    assert summary.imported == 2 and summary.duplicates == 1
    [failure] = summary.failures
    assert failure.path.endswith("broken.txt") and failure.reason
    strip = window.parts.import_strip
    assert "1 failed" in strip.label.text() and strip.details.isVisible()
    titles = {s.title for s in library.list_articles()}
    assert TITLE_ZH in titles
    dialog = ImportSummaryDialog(summary, window)
    qtbot.addWidget(dialog)
    first = dialog.tree.topLevelItem(0)
    assert first is not None and first.text(0) == "broken.txt" and first.text(2)
    assert dialog.tree.topLevelItemCount() == 4
    qtbot.waitUntil(lambda: window.settled)  # the list follows the change log's read
    assert window.parts.article_model.rowCount() == library.count()


def test_an_import_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    for n in range(30):
        write(tmp_path / "many" / f"{n:02d}.txt", f"Title {n}\n\n{PLAIN_EN} {n}")
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        window.import_paths([tmp_path / "many"])
        window.parts.import_strip.cancel.click()
    summary = finished.args[0] if finished.args else None
    assert isinstance(summary, ImportSummary)
    assert summary.cancelled
    assert len(summary.results) < 30
    assert all(r.status is ImportStatus.IMPORTED for r in summary.results)
    assert library.count() == 3 + len(summary.results)


def test_a_dropped_folder_with_odd_names_imports_every_file(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "odd"
    write(folder / "harbour.txt", PLAIN_EN)
    raw = os.fsencode(folder)
    Path(os.fsdecode(raw + b"/caf\xe9.txt")).write_text("Cafe terraces\n\nChairs out by nine.")
    Path(os.fsdecode(raw + b"/\x1b[31mred\n.txt")).write_text("Red sails\n\nBack at noon.")
    before = library.count()
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        drop_files(window, [folder])
    summary = finished.args[0] if finished.args else None
    assert isinstance(summary, ImportSummary)
    assert summary.error is None and not summary.failures
    assert summary.imported == 3 and library.count() == before + 3
    assert any(r.path.endswith("caf\\xe9.txt") for r in summary.results)


def test_a_dropped_file_whose_name_is_not_utf8_is_found(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    Path(os.fsdecode(raw)).write_text("Cafe terraces\n\nChairs out by nine.")
    # What a file manager puts on the clipboard: the name's own bytes, percent-encoded.
    url = QUrl.fromEncoded(b"file://" + quote_from_bytes(raw).encode())
    assert "\ufffd" in url.toLocalFile()  # what Qt alone would make of it
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        drop_urls(window, [url])
    summary = finished.args[0] if finished.args else None
    assert isinstance(summary, ImportSummary)
    assert summary.imported == 1, summary.failures


def test_a_dropped_folder_of_books_and_feeds_says_what_it_skipped(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    from tests.epubs import build_epub, sample_book

    folder = tmp_path / "shelf"
    folder.mkdir()
    (folder / "keeper.epub").write_bytes(build_epub(sample_book()))
    feeds = Path(__file__).parent.parent / "data" / "feeds"
    (folder / "tides.json").write_bytes((feeds / "harbour.json").read_bytes())
    for name in ("cover.png", "map.png", "notes.pdf"):
        (folder / name).write_bytes(b"not an article")
    steps: list[ImportProgress] = []
    window.imports.import_progressed.connect(steps.append)
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        drop_files(window, [folder])
    summary = finished.args[0]
    assert isinstance(summary, ImportSummary)
    assert summary.imported == 3  # the book, and the feed's two entries
    assert {step.total for step in steps} == {2}  # two files to import
    assert steps[-1].done == 2
    assert "skipped 3: 2 .png, 1 .pdf" in window.parts.import_strip.label.text()
    dialog = ImportSummaryDialog(summary, window)
    qtbot.addWidget(dialog)
    rows = [dialog.tree.topLevelItem(n) for n in range(dialog.tree.topLevelItemCount())]
    skipped = [(r.text(0), r.text(2)) for r in rows if r is not None and r.text(1) == "Skipped"]
    assert ("notes.pdf", "unsupported file type") in skipped and len(skipped) == 3


def test_the_import_dialogs_default_filter_shows_every_kind_of_file_imported() -> None:
    """It showed text, HTML, MHTML and Markdown only: EPUB books and feeds were hidden
    behind "All files" (found by a user's test)."""
    default = files_filter().split(";;")[0]
    shown = set(re.findall(r"\*(\.\w+)", default))
    assert shown == set(SUPPORTED_SUFFIXES)
