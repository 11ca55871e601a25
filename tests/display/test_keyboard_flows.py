"""Keyboard flows through the real xcb platform: keys typed by xdotool into the X server."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow

pytestmark = [
    pytest.mark.display,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool"),
]


def press(*keys: str) -> None:
    """Real key events (XTEST) to whatever window has the focus, as a person's would be."""
    subprocess.run(["xdotool", "key", "--delay", "30", *keys], check=True, timeout=20)


def type_text(text: str) -> None:
    subprocess.run(["xdotool", "type", "--delay", "30", text], check=True, timeout=20)


def shown_id(window: MainWindow) -> int | None:
    article = window.parts.pane.article
    return article.summary.id if article is not None else None


@pytest.fixture
def active(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_open_an_article_with_j_k_and_enter(active: MainWindow, qtbot: QtBot) -> None:
    view, model = active.parts.article_list, active.parts.article_model
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    press("j", "j", "k")
    qtbot.waitUntil(lambda: view.currentIndex().row() == 1)
    press("Return")
    qtbot.waitUntil(active.parts.pane.hasFocus)
    assert shown_id(active) == model.article_id(1)
    press("Escape")
    qtbot.waitUntil(view.hasFocus)


def test_ctrl_d_bookmarks_the_article(active: MainWindow, qtbot: QtBot) -> None:
    view = active.parts.article_list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first = shown_id(active)  # arriving in the list may open its first row
    press("j")
    # j has been handled once another article is shown and the list follows it.
    qtbot.waitUntil(
        lambda: (
            shown_id(active) not in (None, first)
            and view.selected_ids() == [view.current_id()] == [shown_id(active)]
        )
    )
    article_id = shown_id(active)
    assert article_id is not None

    def bookmarked() -> bool:
        return active.library.summaries([article_id])[article_id].bookmarked

    assert not bookmarked()
    press("ctrl+d")
    qtbot.waitUntil(bookmarked, timeout=5000)


def test_search_and_enter_into_a_result(
    active: MainWindow, qtbot: QtBot, filled: dict[str, int]
) -> None:
    press("ctrl+k")
    field = active.parts.search_field
    qtbot.waitUntil(field.hasFocus)
    type_text("harbour")
    press("Return")
    results = active.parts.search_list
    qtbot.waitUntil(results.hasFocus, timeout=5000)
    assert shown_id(active) == filled["harbour"]
    press("Return")
    qtbot.waitUntil(active.parts.pane.hasFocus)
    press("Escape", "Escape")
    qtbot.waitUntil(field.hasFocus)
