"""Waiting for the window's background work in the GUI tests, and undoing through it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow


def settled(window: MainWindow, qtbot: QtBot) -> None:
    """Until no refresh is pending and no lane is busy: what is shown is final."""
    qtbot.waitUntil(lambda: window.settled, timeout=10_000)


def undo(window: MainWindow, qtbot: QtBot) -> None:
    """Edit → Undo, then wait for what it wrote to show."""
    window.history.undo.trigger()
    settled(window, qtbot)
