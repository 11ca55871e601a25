"""Focus mode, full screen, panes shown or hidden (and remembered), a 480 px window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMessageBox, QStyle
from pytestqt.qtbot import QtBot

from reader.gui.layout import fit_on_screen
from reader.gui.main_window import MainWindow
from reader.services.library import Library


def shown(window: MainWindow) -> tuple[bool, bool]:
    modes = window.modes
    return modes.sidebar.isVisibleTo(window), modes.article_list.isVisibleTo(window)


def test_focus_mode_hides_sidebar_and_list_and_restores_them_exactly(
    qtbot: QtBot, window: MainWindow
) -> None:
    splitter = window.parts.splitter
    splitter.setSizes([230, 400, 560])
    before = splitter.sizes()
    window.parts.article_list.setFocus()
    window.menu_actions.focus_mode.trigger()
    assert shown(window) == (False, False)
    qtbot.waitUntil(lambda: splitter.sizes()[2] > 1000)  # the pane takes the whole width
    assert window.parts.pane.hasFocus() or not window.isActiveWindow()
    assert not window.menu_actions.show_sidebar.isChecked()
    window.menu_actions.focus_mode.trigger()
    assert shown(window) == (True, True)
    assert splitter.sizes() == before
    assert window.menu_actions.show_sidebar.isChecked()
    assert window.menu_actions.show_list.isChecked()


def test_focus_mode_has_its_key(window: MainWindow) -> None:
    keys = [k.toString() for k in window.menu_actions.focus_mode.shortcuts()]
    assert keys == ["Ctrl+Shift+F"]
    assert "F11" in [k.toString() for k in window.menu_actions.full_screen.shortcuts()]


def test_showing_a_pane_ends_focus_mode(window: MainWindow) -> None:
    a = window.menu_actions
    a.focus_mode.trigger()
    a.show_list.trigger()
    assert shown(window) == (False, True)
    assert not a.focus_mode.isChecked()


def test_full_screen_toggles(qtbot: QtBot, window: MainWindow) -> None:
    window.menu_actions.full_screen.trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.menu_actions.full_screen.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_hidden_panes_are_remembered(
    qtbot: QtBot, library: Library, window: MainWindow, settings: QSettings
) -> None:
    window.menu_actions.show_sidebar.trigger()
    assert shown(window) == (False, True)
    window.close()
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    again.show()
    assert shown(again) == (False, True)
    assert not again.menu_actions.show_sidebar.isChecked()
    again.menu_actions.show_sidebar.trigger()
    qtbot.waitUntil(lambda: again.parts.splitter.sizes()[0] >= 100)  # shown with a width
    again.close()


def test_focus_mode_is_not_remembered_but_the_panes_before_it_are(
    qtbot: QtBot, library: Library, window: MainWindow, settings: QSettings
) -> None:
    window.menu_actions.focus_mode.trigger()
    window.close()
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    again.show()
    assert shown(again) == (True, True)
    again.close()


def test_a_pane_dragged_shut_is_hidden(qtbot: QtBot, window: MainWindow) -> None:
    splitter = window.parts.splitter
    assert splitter.isCollapsible(0) and splitter.isCollapsible(1)
    assert not splitter.isCollapsible(2)
    splitter.setSizes([0, 500, 700])
    splitter.splitterMoved.emit(0, 1)  # what a drag ends with
    assert shown(window) == (False, True)
    assert not window.menu_actions.show_sidebar.isChecked()
    window.menu_actions.show_sidebar.trigger()
    qtbot.waitUntil(lambda: splitter.sizes()[0] >= 100)  # back with a width, not shut


def test_the_notes_panel_toggle_is_remembered(
    qtbot: QtBot, library: Library, window: MainWindow, settings: QSettings
) -> None:
    toggle = window.menu_actions.notes_panel
    assert toggle is not None
    toggle.trigger()
    qtbot.waitUntil(window.annotations.dock.isVisible)
    window.close()
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.annotations.dock.isVisible)
    again.close()


def test_the_window_is_usable_at_480_px(qtbot: QtBot, window: MainWindow) -> None:
    assert window.minimumSizeHint().width() <= 480
    window.resize(480, 700)
    qtbot.waitUntil(lambda: window.width() == 480)
    # All three panes keep a width, the pane keeps a readable column.
    sizes = window.parts.splitter.sizes()
    assert all(size > 80 for size in sizes), sizes
    assert window.parts.pane.column_width() >= 150
    assert window.parts.search_field.isVisible()


def test_about_names_korean(qtbot: QtBot, window: MainWindow, monkeypatch: object) -> None:
    texts: list[str] = []

    def about(_parent: object, _title: str, text: str) -> None:
        texts.append(text)

    setattr_ = monkeypatch.setattr  # type: ignore[attr-defined]
    setattr_(QMessageBox, "about", about)
    window.menu_actions.about.trigger()
    assert "Korean" in texts[0]


def test_question_dialogs_are_wide_enough_for_their_title(
    window: MainWindow, monkeypatch: object
) -> None:
    widths: list[tuple[int, int]] = []

    def answer(dialog: QInputDialog) -> int:
        dialog.show()  # laid out as exec() would show it
        title = f"{dialog.windowTitle()} — Reader"
        widths.append((dialog.width(), dialog.fontMetrics().horizontalAdvance(title)))
        dialog.hide()
        return 0

    monkeypatch.setattr(QInputDialog, "exec", answer)  # type: ignore[attr-defined]
    window.commands.rename_section("World")
    window.capture.ask_and_import(window)
    # These three were Qt's static dialogs, narrower than their titles.
    window.organizing.save_search("harbour")
    window.organizing.rename_search("Boats")
    window.organizing.merge_section("World")
    assert len(widths) == 5
    for shown_width, title_width in widths:
        assert shown_width > title_width + 100  # room for the title bar's buttons


def test_focus_mode_hides_the_notes_panel_too_and_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Found by a user's test: focus mode kept the Notes panel, though it shows the article
    alone."""
    notes = window.menu_actions.notes_panel
    assert notes is not None
    if not notes.isChecked():
        notes.trigger()
    dock = window.annotations.dock
    qtbot.waitUntil(lambda: dock.isVisibleTo(window))
    window.menu_actions.focus_mode.trigger()
    assert not dock.isVisibleTo(window) and not notes.isChecked()
    window.menu_actions.focus_mode.trigger()
    assert dock.isVisibleTo(window) and notes.isChecked()
    notes.trigger()  # closed before focus mode: it stays closed after
    window.menu_actions.focus_mode.trigger()
    window.menu_actions.focus_mode.trigger()
    assert not dock.isVisibleTo(window)


def notes_panel_opened(qtbot: QtBot, window: MainWindow) -> tuple[QAction, QDockWidget]:
    """The Notes panel opened with its menu toggle, shown; the toggle and the panel."""
    toggle = window.menu_actions.notes_panel
    assert toggle is not None
    toggle.trigger()
    dock = window.annotations.dock
    qtbot.waitUntil(dock.isVisible)
    return toggle, dock


def test_the_notes_panel_fits_a_small_window_beside_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    # At 700 px the panel (its minimum was 246 px) took the window's width past the screen's
    # edge, and left the article narrower than itself.
    toggle, dock = notes_panel_opened(qtbot, window)
    assert window.minimumSizeHint().width() <= 700
    window.resize(700, 500)
    pane = window.parts.pane
    qtbot.waitUntil(lambda: window.width() == 700)
    qtbot.waitUntil(lambda: dock.width() <= pane.width())
    # Hidden and shown again in the small window: fitted again.
    window.annotations.dock.hide()
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: window.width() == 1200)
    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    window.resize(700, 500)
    toggle.trigger()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.width() <= pane.width())


def test_a_notes_panel_made_wide_in_a_roomy_window_keeps_its_width(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Fitting is for an article squeezed to its least width: a panel the reader widened
    # was cut back by a change of the window's height alone, or by showing it again.
    toggle, dock = notes_panel_opened(qtbot, window)
    window.resizeDocks([dock], [450], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(dock.width() - 450) <= 2)
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    qtbot.wait(50)  # the fitting runs from a zero timer
    assert abs(dock.width() - 450) <= 2
    toggle.trigger()
    toggle.trigger()
    qtbot.waitUntil(dock.isVisible)
    qtbot.wait(50)
    assert abs(dock.width() - 450) <= 2


def test_a_window_larger_than_its_screen_is_made_to_fit_it(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    # A first start on a small screen (the window's size hint is 1280 x 800), or a size kept
    # from a larger monitor: the window ran off the screen's edges, its title bar's buttons
    # out of reach.
    screen = QGuiApplication.primaryScreen().availableGeometry()
    again = MainWindow(library, settings, theme_override="light")  # nothing kept: its size hint
    qtbot.addWidget(again)
    if again.width() <= screen.width():
        pytest.skip("the screen is wider than the window's 1280 px size hint")
    fit_on_screen(again)  # as the application does before it shows the window
    title = again.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    assert again.width() < screen.width() and again.height() + title < screen.height()
    assert again.pos() == screen.topLeft()
    again.show()
    qtbot.waitExposed(again)
    assert again.width() < screen.width()
    again.close()
    # A window that fits is left as it was kept.
    small = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(small)
    small.resize(screen.width() // 2, screen.height() // 2)
    settings.setValue("window/geometry", small.saveGeometry())
    small.close()
    fits = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(fits)
    fit_on_screen(fits)
    assert fits.size() == QSize(screen.width() // 2, screen.height() // 2)
    fits.close()
