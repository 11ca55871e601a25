"""The shown article's bookmark shows: a checked menu item and a marker in the pane."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library

MARKER = "★ Bookmarked"


def marked(window: MainWindow) -> bool:
    return MARKER in window.parts.pane.toPlainText()


def test_bookmarking_checks_the_menu_item_and_marks_the_pane(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour, bookmark = filled["harbour"], window.menu_actions.bookmark
    assert bookmark.isCheckable()
    assert window.open_article(harbour)
    assert not bookmark.isChecked() and not marked(window)
    bookmark.trigger()
    qtbot.waitUntil(lambda: library.summaries([harbour])[harbour].bookmarked, timeout=5000)
    qtbot.waitUntil(lambda: bookmark.isChecked() and marked(window), timeout=5000)
    bookmark.trigger()
    qtbot.waitUntil(lambda: not bookmark.isChecked() and not marked(window), timeout=5000)
    assert not library.summaries([harbour])[harbour].bookmarked


def test_a_bookmark_made_elsewhere_shows_on_the_shown_article(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite = filled["kite"]
    assert window.open_article(kite)
    library.set_bookmarked(kite, True)  # as the command line would
    window.refresh.after()
    qtbot.waitUntil(lambda: window.menu_actions.bookmark.isChecked() and marked(window))
    assert window.open_article(filled["harbour"])  # another article: not checked
    assert not window.menu_actions.bookmark.isChecked() and not marked(window)
