"""The pane's placeholder says what is true of the library as it changes under it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library


@pytest.fixture
def empty_window(qtbot: QtBot, library: Library, settings: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def pane_heading(window: MainWindow) -> str:
    return window.parts.pane.toPlainText().splitlines()[0]


def test_an_import_into_an_empty_library_stops_the_pane_saying_it_is_empty(
    qtbot: QtBot, empty_window: MainWindow, library: Library, tmp_path: Path
) -> None:
    # The library is counted off the UI thread after the first paint.
    qtbot.waitUntil(lambda: pane_heading(empty_window) == "Your library is empty", timeout=10_000)
    page = tmp_path / "ferry.txt"
    page.write_text("Winter ferry timetable\n\nThe last crossing is at six.\n", encoding="utf-8")
    with qtbot.waitSignal(empty_window.imports.import_finished, timeout=30_000):
        empty_window.import_paths([page])
    qtbot.waitUntil(lambda: empty_window.parts.article_model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: pane_heading(empty_window) == "Nothing selected", timeout=10_000)
    assert empty_window.parts.pane.article is None  # still nothing opened by the import
