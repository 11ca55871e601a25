"""The window on a real X11 display: Qt's xcb platform, managed by a window manager."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from tests.gui.key_bindings import STANDARD_KEYS, texts

pytestmark = pytest.mark.display


def test_the_window_is_shown_by_the_window_manager(qtbot: QtBot, window: MainWindow) -> None:
    assert QGuiApplication.platformName() == "xcb"
    window.activateWindow()
    qtbot.waitActive(window)
    # A managed window gets a frame from openbox: its frame is larger than its client area.
    qtbot.waitUntil(lambda: window.frameGeometry().height() > window.geometry().height())


def test_the_x11_table_is_what_qt_says_on_xcb(qapp: object) -> None:
    # The shortcut clash test trusts this table for Linux; here Qt itself answers.
    for key, expected in STANDARD_KEYS["xcb"].items():
        assert texts(QKeySequence.keyBindings(key)) == expected, key.name
