"""Keyboard movement offscreen: j/k, n/p, Enter into the pane and the results, Esc, Tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.dialogs.shortcuts_sheet import shortcut_rows
from reader.gui.main_window import MainWindow
from reader.gui.menu_commands import keyed_actions

Key = Qt.Key


def shown_id(window: MainWindow) -> int | None:
    article = window.parts.pane.article
    return article.summary.id if article is not None else None


def focused_list(window: MainWindow, qtbot: QtBot) -> None:
    view = window.parts.article_list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_j_and_k_walk_the_list_and_enter_reads(window: MainWindow, qtbot: QtBot) -> None:
    view, model = window.parts.article_list, window.parts.article_model
    focused_list(window, qtbot)  # the keyboard arriving in the list makes row 0 current
    assert shown_id(window) == model.article_id(0)
    qtbot.keyClick(view, Key.Key_J)
    qtbot.keyClick(view, Key.Key_J)
    assert shown_id(window) == model.article_id(2)
    qtbot.keyClick(view, Key.Key_J)  # the end: stays
    assert shown_id(window) == model.article_id(2)
    qtbot.keyClick(view, Key.Key_K)
    assert shown_id(window) == model.article_id(1)
    assert view.selected_ids() == [model.article_id(1)]
    qtbot.keyClick(view, Key.Key_Return)
    assert window.parts.pane.hasFocus()
    qtbot.keyClick(window.parts.pane, Key.Key_Escape)
    assert view.hasFocus()


def test_n_and_p_skip_read_articles(window: MainWindow, qtbot: QtBot) -> None:
    view, model = window.parts.article_list, window.parts.article_model
    middle = model.article_id(1)
    assert middle is not None
    window.library.mark_read([middle])
    model.refresh([middle])
    focused_list(window, qtbot)  # row 0 opens, and so is read (written on the edit lane)
    qtbot.waitUntil(lambda: window.settled)  # read, and the list refreshed
    qtbot.keyClick(view, Key.Key_N)
    assert shown_id(window) == model.article_id(2)  # row 1 was read
    qtbot.keyClick(view, Key.Key_P)
    assert shown_id(window) == model.article_id(2)
    assert "No more unread" in window.statusBar().currentMessage()
    window.library.mark_read([middle], read=False)
    model.refresh([middle])
    qtbot.keyClick(view, Key.Key_P)
    assert shown_id(window) == middle


def test_home_and_end_go_to_the_first_and_last_article(window: MainWindow, qtbot: QtBot) -> None:
    view, model = window.parts.article_list, window.parts.article_model
    focused_list(window, qtbot)
    qtbot.keyClick(view, Key.Key_End)
    assert shown_id(window) == model.article_id(model.rowCount() - 1)
    qtbot.keyClick(view, Key.Key_Home)
    assert shown_id(window) == model.article_id(0)


def test_rows_chosen_with_shift_or_ctrl_are_not_opened_nor_marked_read(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Choosing rows to move or delete them passes over them: the pane keeps its article and
    the rows stay unread. A plain key opens the current row again."""
    view, model = window.parts.article_list, window.parts.article_model
    ids = [model.article_id(row) for row in range(model.rowCount())]
    assert len(ids) == 3
    focused_list(window, qtbot)  # row 0 opens
    qtbot.waitUntil(lambda: window.settled)  # read, and the list refreshed
    qtbot.keyClick(view, Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(view.selected_ids()) == sorted(ids)
    assert shown_id(window) == ids[0]
    qtbot.waitUntil(lambda: window.settled)  # read, and the list refreshed
    read = {i: window.library.get_article(i).summary.read for i in ids if i is not None}
    assert read == {ids[0]: True, ids[1]: False, ids[2]: False}
    rect = view.visualRect(model.index(1, 0))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    assert shown_id(window) == ids[0]
    qtbot.keyClick(view, Key.Key_Down)
    assert shown_id(window) == ids[2] and view.selected_ids() == [ids[2]]
    # Shift+click a row, then a plain click on it: that opens it (found in review: Qt saw no
    # change of the current row, and nothing opened).
    first = view.visualRect(model.index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert shown_id(window) == ids[0]
    last = view.visualRect(model.index(2, 0)).center()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, last
    )
    assert shown_id(window) == ids[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=last)
    assert shown_id(window) == ids[2] and view.selected_ids() == [ids[2]]


def test_tab_leaves_the_list_instead_of_walking_its_cells(window: MainWindow, qtbot: QtBot) -> None:
    view = window.parts.article_list
    focused_list(window, qtbot)
    view.go_to_row(0)
    opened = shown_id(window)
    qtbot.keyClick(view, Key.Key_Tab)
    assert not view.hasFocus()
    assert view.currentIndex().row() == 0
    assert shown_id(window) == opened


def test_enter_in_the_search_field_goes_into_the_results(
    window: MainWindow, qtbot: QtBot, filled: dict[str, int]
) -> None:
    field = window.parts.search_field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "harbour")
    with qtbot.waitSignal(window.search.search_finished, timeout=30_000):
        qtbot.keyClick(field, Key.Key_Return)  # before the debounce fired: runs it now
    results = window.parts.search_list
    qtbot.waitUntil(results.hasFocus)
    assert shown_id(window) == filled["harbour"]
    qtbot.keyClick(results, Key.Key_Return)
    assert window.parts.pane.hasFocus()
    qtbot.keyClick(window.parts.pane, Key.Key_Escape)
    qtbot.keyClick(results, Key.Key_Escape)
    assert QApplication.focusWidget() is field


def test_letters_typed_in_the_search_field_are_text(window: MainWindow, qtbot: QtBot) -> None:
    field = window.parts.search_field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "jknp")
    assert field.text() == "jknp"
    assert window.parts.pane.article is None


def test_tab_leaves_the_pane_even_from_an_article_full_of_links(
    window: MainWindow, qtbot: QtBot
) -> None:
    """It stepped through every link of the article instead (found by a user's test)."""
    links = "".join(
        f'<p>See <a href="https://example.com/{n}">source {n}</a>.</p>' for n in range(8)
    )
    result = window.library.add_article(Article(title="Sources", text="x", html=links))
    assert result.article_id is not None
    window.reload()
    assert window.open_article(result.article_id)
    pane = window.parts.pane
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    qtbot.keyClick(pane, Key.Key_Tab)
    assert not pane.hasFocus()
    assert pane.horizontalScrollBar().value() == 0


def test_the_shortcuts_sheet_lists_every_menus_keys_and_only_keyboard_keys(
    window: MainWindow,
) -> None:
    """Found by a user's test: the sheet left out the Notes panel (its toggle is only in the
    View menu) and listed media keys as keys ("Ctrl+O, Open", "Ctrl+Z, F14, Undo")."""
    rows = dict(shortcut_rows(keyed_actions(window)))
    assert "Ctrl+Shift+N" in rows.get("Notes Panel", "")
    media = {"Open", "Undo", "Redo", "Close", "Copy", "Paste", "Cut", "Find", "Zoom In", "F14"}
    listed = {key for keys in rows.values() for key in keys.split(", ")}
    assert not listed & media, listed & media
