"""The window's views refresh from the change log alone: its own operations and other
processes' changes go through one handler, which reloads only what a change touched."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.core.changes import Changes
from reader.gui.change_feed import COMMAND, Update
from reader.gui.main_window import MainWindow
from reader.gui.models.sidebar import COUNT_ROLE, SEARCH, VIEW
from reader.gui.refresh import ViewChanges
from reader.services.library import Library

WITHIN_MS = 8000  # a few of the feed's polls


def bookmarked_count(window: MainWindow) -> int:
    return int(window.parts.sidebar_model.index_of(VIEW, "bookmarked").data(COUNT_ROLE))


@pytest.mark.usefixtures("quick_change_feed")
def test_a_change_elsewhere_and_the_windows_own_refresh_counts_through_one_handler(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    updates: list[Update] = []
    window.change_feed.updated.connect(updates.append)
    assert bookmarked_count(window) == 0
    with Library(library.paths) as other:  # as another process beside the window
        other.set_bookmarked(filled["kite"], True)
    qtbot.waitUntil(lambda: bookmarked_count(window) == 1, timeout=WITHIN_MS)
    assert any(filled["kite"] in u.changes.article_ids and not u.origins for u in updates)

    assert window.select_article(filled["harbour"])
    qtbot.waitUntil(lambda: window.settled)
    window.menu_actions.bookmark.trigger()
    qtbot.waitUntil(lambda: bookmarked_count(window) == 2, timeout=WITHIN_MS)
    own = [u for u in updates if filled["harbour"] in u.changes.article_ids and u.origins]
    assert own and all(COMMAND in u.origins for u in own if u.changes.touches("bookmark"))


def test_an_operation_of_the_window_shows_only_through_the_change_log(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the log read blind, the window's own bookmark refreshes nothing: no other path."""
    real = library.changes_since
    monkeypatch.setattr(library, "changes_since", lambda _seq: Changes())
    assert window.select_article(filled["harbour"])
    qtbot.waitUntil(lambda: window.settled)
    window.menu_actions.bookmark.trigger()
    qtbot.waitUntil(lambda: window.settled and library.view_counts()["bookmarked"] == 1)
    assert bookmarked_count(window) == 0
    monkeypatch.setattr(library, "changes_since", real)
    window.change_feed.poll()
    qtbot.waitUntil(lambda: bookmarked_count(window) == 1, timeout=WITHIN_MS)


@pytest.mark.usefixtures("quick_change_feed")
def test_changes_no_list_shows_reload_no_list(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    qtbot.waitUntil(lambda: window.settled)  # what the start queued is done
    applied: list[ViewChanges] = []
    window.refresh.refreshed.connect(applied.append)
    with Library(library.paths) as other:  # a saved search: the sidebar's, no article's
        other.organizing.save_search("Kites", "kite")
    sidebar = window.parts.sidebar_model
    qtbot.waitUntil(lambda: sidebar.index_of(SEARCH, "Kites").isValid(), timeout=WITHIN_MS)
    assert applied and applied[-1].counts
    assert not any(a.reload_list or a.rows for a in applied)

    qtbot.waitUntil(lambda: window.settled)
    model = window.parts.article_model
    resets: list[bool] = []
    redrawn: list[int] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, _last: redrawn.append(first.row()))
    applied.clear()
    with Library(library.paths) as other:  # a colour's meaning: no list, no count shows it
        other.annotations.set_color_meaning("yellow", "to check")
    qtbot.waitUntil(lambda: bool(applied), timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    assert applied == [ViewChanges()]
    assert resets == [] and redrawn == []
    assert model.rowCount() == len(filled)
