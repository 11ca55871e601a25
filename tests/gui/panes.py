"""A reading pane of its own, shown on screen at a given size with one article in it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library


def shown_pane(
    qtbot: QtBot, library: Library, article_id: int | None, width: int, height: int = 700
) -> ReadingPane:
    """A new pane `width` × `height`, exposed, showing the library's article `article_id`."""
    assert article_id is not None
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_article(library.get_article(article_id), None)
    return pane
