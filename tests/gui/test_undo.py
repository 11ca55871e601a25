"""Edit → Undo and Redo: each change is undone on the edit lane, the Trash emptied for good."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library
from tests.gui.settling import settled, undo

Key = Qt.Key


def test_delete_in_the_highlights_list_deletes_and_undo_restores_it_whole(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    library.annotations.highlight_quote(harbour, "smell of bread", note="Lovely", tags=["food"])
    assert window.select_article(harbour)
    panel = window.annotations.panel
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    qtbot.keyClick(panel.list, Key.Key_Delete)
    qtbot.waitUntil(lambda: library.annotations.highlights(harbour) == [])
    settled(window, qtbot)
    assert library.count() == 3  # the window's Delete (Move to Trash) did not take the key
    assert panel.list.count() == 0
    undo(window, qtbot)
    [back] = library.annotations.highlights(harbour)
    assert (back.quote.exact, back.note, back.tags) == ("smell of bread", "Lovely", ("food",))
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    window.history.redo.trigger()  # deletes the restored one (its new id)
    qtbot.waitUntil(lambda: library.annotations.highlights(harbour) == [])


def test_undo_mark_unread_and_bookmark(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite = filled["kite"]
    assert window.select_article(kite)
    qtbot.waitUntil(lambda: library.summaries([kite])[kite].read)  # opened: read
    window.menu_actions.mark_unread.trigger()
    qtbot.waitUntil(lambda: not library.summaries([kite])[kite].read)
    undo(window, qtbot)
    assert library.summaries([kite])[kite].read
    window.menu_actions.bookmark.trigger()
    qtbot.waitUntil(lambda: library.summaries([kite])[kite].bookmarked)
    undo(window, qtbot)
    assert not library.summaries([kite])[kite].bookmarked


def test_undo_ctrl_z_moves_articles_back_to_their_sections(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite, harbour = filled["kite"], filled["harbour"]
    window.commands.move([kite, harbour], "Later")
    qtbot.waitUntil(lambda: {s.section for s in library.summaries([kite, harbour]).values()}
                    == {"Later"})  # fmt: skip
    settled(window, qtbot)
    view = window.parts.article_list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: library.summaries([kite])[kite].section == "国际")
    settled(window, qtbot)
    assert library.summaries([harbour])[harbour].section == "World"
    assert ("Later", 2) not in library.sections()


def test_undo_tags(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    essay = filled["essay"]
    library.annotations.set_tags(essay, ["rivers"])
    window.commands.set_tags(essay, ["rivers", "towns"])
    qtbot.waitUntil(lambda: library.annotations.for_article(essay).tags == ("rivers", "towns"))
    undo(window, qtbot)
    assert library.annotations.for_article(essay).tags == ("rivers",)


def test_empty_trash_asks_and_deletes_for_good(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = iter([False, True])
    monkeypatch.setattr(window.commands, "confirm_empty_trash", lambda _n: next(answers))
    library.trash([filled["essay"]])
    window.menu_actions.empty_trash.trigger()  # refused
    settled(window, qtbot)
    assert len(library.trashed()) == 1
    window.menu_actions.empty_trash.trigger()
    qtbot.waitUntil(lambda: library.trashed() == [])
    assert not library.summaries([filled["essay"]])


def test_the_window_empties_what_was_trashed_over_30_days_ago(
    qtbot: QtBot, library: Library, filled: dict[str, int], settings: QSettings
) -> None:
    old, recent = filled["essay"], filled["kite"]
    library.trash([old, recent])
    long_ago = (datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="seconds")
    with library.db.transaction() as conn:
        conn.execute("UPDATE articles SET trashed = ? WHERE id = ?", (long_ago, old))
    window = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not library.summaries([old]))
        assert [s.id for s in library.trashed()] == [recent]
    finally:
        window.close()
