"""One current article: the pane's article is what commands act on, and the list follows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.models.sidebar import SECTION, SITE
from reader.services.library import Library

Key = Qt.Key


def shown_id(window: MainWindow) -> int | None:
    article = window.parts.pane.article
    return article.summary.id if article is not None else None


def search(window: MainWindow, qtbot: QtBot, query: str) -> None:
    with qtbot.waitSignal(window.search.search_finished, timeout=10_000):
        window.parts.search_field.set_query(query)


def clear_search(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.search.search_cleared, timeout=10_000):
        window.parts.search_field.clear_query()


def settle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.settled, timeout=10_000)


def test_bookmark_after_clearing_a_search_acts_on_the_result_read(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    search(window, qtbot, "harbour")
    assert window.select_article(harbour)
    clear_search(window, qtbot)
    assert window.parts.article_list.selected_ids() == [harbour]
    assert window.menu_actions.bookmark.isEnabled()
    window.menu_actions.bookmark.trigger()
    qtbot.waitUntil(lambda: library.summaries([harbour])[harbour].bookmarked)


def test_the_list_follows_an_article_opened_elsewhere_and_commands_target_it(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite, harbour = filled["kite"], filled["harbour"]
    assert window.select_article(harbour)
    assert window.open_article(kite)  # e.g. from All Annotations: not a click in the list
    assert window.parts.article_list.selected_ids() == [kite]
    assert window.target_ids() == [kite]


def test_tab_into_a_list_without_the_article_keeps_it(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    kite = filled["kite"]
    assert window.parts.sidebar.choose(SITE, "The Meridian Review")  # harbour and the essay
    assert window.open_article(kite)
    view = window.parts.article_list
    assert view.selected_ids() == []
    window.parts.pane.setFocus()
    qtbot.keyClick(window.parts.pane, Key.Key_Backtab)  # back into the list
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    assert shown_id(window) == kite  # focus alone opens nothing
    assert view.selected_ids() == [] and window.target_ids() == [kite]


def test_ctrl_home_opens_and_selects_the_first_row(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    view, model = window.parts.article_list, window.parts.article_model
    assert window.select_article(model.article_id(2) or 0)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert shown_id(window) == model.article_id(0)
    assert view.selected_ids() == [model.article_id(0)]
    assert window.target_ids() == [model.article_id(0)]


def test_an_import_opens_nothing_and_marks_nothing_read(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(
        "Winter ferry timetable\n\nThe evening crossings to the islands end in November.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        window.import_paths([folder])
    [new] = finished.args[0].new_ids
    settle(window, qtbot)
    assert shown_id(window) is None
    assert not library.summaries([new])[new].read


def test_a_stale_list_row_is_not_reopened_when_the_list_reloads(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite, harbour = filled["kite"], filled["harbour"]
    assert window.select_article(harbour)
    search(window, qtbot, "风筝")
    assert window.select_article(kite)
    clear_search(window, qtbot)
    window.reload()  # as an import's progress does
    assert shown_id(window) == kite
    assert window.parts.article_list.selected_ids() == [kite]


def test_removing_the_shown_article_clears_the_window_title(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite = filled["kite"]
    assert window.parts.sidebar.choose(SECTION, "国际")  # its only article: none to go on to
    assert window.select_article(kite)
    title = library.summaries([kite])[kite].title
    assert title in window.windowTitle()
    window.menu_actions.remove.trigger()
    qtbot.waitUntil(lambda: shown_id(window) is None, timeout=10_000)
    assert title not in window.windowTitle()
    assert not window.menu_actions.bookmark.isEnabled()


def test_choosing_a_section_without_the_article_shows_a_placeholder(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    kite = filled["kite"]
    assert window.select_article(kite)
    assert window.parts.sidebar.choose(SECTION, "国际")  # holds it: it stays
    assert shown_id(window) == kite
    assert window.parts.article_list.selected_ids() == [kite]
    assert window.parts.sidebar.choose(SECTION, "World")
    assert shown_id(window) is None
    assert window.target_ids() == [] and window.windowTitle() == ""


def test_commands_on_the_shown_article_are_off_while_none_is_shown(
    window: MainWindow, filled: dict[str, int]
) -> None:
    """Found by a user's test: with nothing selected, Edit Tags…, Open Original Page and
    Download Images were enabled, and Edit Tags did nothing."""
    a = window.menu_actions
    on_shown = (a.edit_tags, a.open_source, a.download_images)
    window.reading.show_placeholder()
    assert [action.isEnabled() for action in on_shown] == [False, False, False]
    assert window.open_article(filled["kite"])
    assert [action.isEnabled() for action in on_shown] == [True, True, True]
