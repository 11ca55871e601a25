"""Focus mode and full screen through the real xcb platform, keys typed by xdotool."""

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


def panes_shown(window: MainWindow) -> tuple[bool, bool]:
    return window.modes.sidebar.isVisible(), window.modes.article_list.isVisible()


def test_ctrl_shift_f_enters_and_leaves_focus_mode(
    window: MainWindow, qtbot: QtBot, filled: dict[str, int]
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.select_article(filled["essay"])
    splitter = window.parts.splitter
    before = splitter.sizes()
    window.parts.article_list.setFocus()
    qtbot.waitUntil(window.parts.article_list.hasFocus)
    press("ctrl+shift+f")
    qtbot.waitUntil(lambda: panes_shown(window) == (False, False))
    # The pane keeps the keyboard: Space still pages down in focus mode.
    qtbot.waitUntil(window.parts.pane.hasFocus)
    press("ctrl+shift+f")
    qtbot.waitUntil(lambda: panes_shown(window) == (True, True))
    qtbot.waitUntil(lambda: splitter.sizes() == before)


def test_f11_goes_full_screen_and_back(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.parts.pane.setFocus()
    qtbot.waitUntil(window.parts.pane.hasFocus)  # the X server's focus is on the window now
    press("F11")
    qtbot.waitUntil(window.isFullScreen)
    qtbot.waitUntil(window.menu_actions.full_screen.isChecked)
    press("F11")
    qtbot.waitUntil(lambda: not window.isFullScreen())
