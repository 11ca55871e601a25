"""Preferences on a small screen: one tab per group, every former section still reachable."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QGroupBox, QTabWidget, QWidget

from reader.gui.capture import ConnectorPanel
from reader.gui.dialogs.notes_folder import NotesFolderPanel
from reader.gui.dialogs.preferences import PreferencesDialog
from reader.gui.dialogs.sync import SyncPanel
from reader.gui.main_window import MainWindow
from reader.gui.watched_folder import WatchedFolderPanel

# A 1366×768 screen leaves about 700 pixels under the panels and title bar; the dialog
# must open whole within that at its default size.
MAX_HEIGHT = 600


def opened(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> PreferencesDialog:
    """The dialog the window opens from the menu, as it stands when shown."""
    seen: list[PreferencesDialog] = []

    def run(dialog: PreferencesDialog) -> int:
        seen.append(dialog)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    window.menu_actions.preferences.trigger()
    return seen[0]


def tab_of(tabs: QTabWidget, widget: QWidget) -> int:
    """The tab holding `widget`, or -1."""
    for n in range(tabs.count()):
        if tabs.widget(n).isAncestorOf(widget):
            return n
    return -1


def test_the_dialog_fits_a_small_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = opened(window, monkeypatch)
    assert dialog.sizeHint().height() <= MAX_HEIGHT
    assert dialog.tabs.count() == 3


def test_every_section_is_on_a_tab(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = opened(window, monkeypatch)
    tabs = dialog.tabs
    reading = [dialog.font_box, dialog.family_box, dialog.size_box, dialog.line_height_box]
    reading += [dialog.paragraph_box, dialog.measure_box, dialog.theme_box]
    assert {tab_of(tabs, box) for box in reading} == {0}
    kinds = (WatchedFolderPanel, NotesFolderPanel, ConnectorPanel, SyncPanel)
    panels = {type(p): p for p in dialog.findChildren(QGroupBox) if isinstance(p, kinds)}
    assert set(panels) == set(kinds)
    assert tab_of(tabs, panels[WatchedFolderPanel]) == tab_of(tabs, panels[NotesFolderPanel]) == 1
    assert tab_of(tabs, panels[ConnectorPanel]) == tab_of(tabs, panels[SyncPanel]) == 2
    for panel in panels.values():
        tabs.setCurrentIndex(tab_of(tabs, panel))
        dialog.show()
        assert panel.isVisible()
    dialog.close()
