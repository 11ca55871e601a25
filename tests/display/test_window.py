"""The window on a real X11 display: Qt's xcb platform, managed by a window manager."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow

pytestmark = pytest.mark.display


def test_the_window_is_shown_by_the_window_manager(qtbot: QtBot, window: MainWindow) -> None:
    assert QGuiApplication.platformName() == "xcb"
    window.activateWindow()
    qtbot.waitActive(window)
    # A managed window gets a frame from openbox: its frame is larger than its client area.
    qtbot.waitUntil(lambda: window.frameGeometry().height() > window.geometry().height())
