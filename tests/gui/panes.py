"""A reading pane of its own, shown on screen at a given size with one article in it."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from reader.gui.views import pane_tables
from reader.gui.views.reading_pane import ReadingPane
from reader.gui.views.tables import Measure, measurer
from reader.services.library import Library


def shown_pane(
    qtbot: QtBot, library: Library, article_id: int | None, width: int, height: int = 700
) -> ReadingPane:
    """A new pane `width` × `height`, exposed, showing the library's article `article_id`."""
    assert article_id is not None
    pane = new_pane(qtbot, width, height)
    pane.show_article(library.get_article(article_id), None)
    tables_measured(pane)
    return pane


def new_pane(qtbot: QtBot, width: int, height: int = 700) -> ReadingPane:
    """A new, empty pane `width` × `height`, shown and exposed."""
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def images_decoded(pane: ReadingPane) -> None:
    """Wait while the pane decodes its images on its workers."""
    deadline = time.monotonic() + 60  # a hang guard, not a timing
    while pane.images_loading:
        assert time.monotonic() < deadline, "the images were never decoded"
        QTest.qWait(5)


def shown_image(pane: ReadingPane, url: str | QUrl) -> object:
    """What the pane shows for the image `url` names once it is decoded (a refusal: at once,
    and never anything else)."""
    kind = QTextDocument.ResourceType.ImageResource.value
    pane.loadResource(kind, QUrl(url))
    images_decoded(pane)
    return pane.loadResource(kind, QUrl(url))


def tables_measured(pane: ReadingPane) -> None:
    """Wait while the pane measures its tables on its worker (and sets them as measured)."""
    deadline = time.monotonic() + 60  # a hang guard, not a timing
    while pane.tables_measuring:
        assert time.monotonic() < deadline, "the tables were never measured"
        QTest.qWait(5)


def recording_measurer(monkeypatch: pytest.MonkeyPatch, record: Callable[[str], object]) -> None:
    """From now on, each piece of HTML the pane lays out to measure a table is handed to
    `record` first (on the thread that measures it)."""

    def recording(font: QFont, stylesheet: str) -> Measure:
        measure = measurer(font, stylesheet)

        def recorded(piece: str) -> float:
            record(piece)
            return measure(piece)

        return recorded

    monkeypatch.setattr(pane_tables, "measurer", recording)
