"""What a daily user met on a real display: widths, the sidebar, the keyboard, focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.views.sidebar import SidebarView
from reader.services.library import Library
from tests.gui.conftest import html_article

pytestmark = pytest.mark.display

LONG_SITE = "Apache HTTP Server Version 2.4 Documentation"


def elided_names(sidebar: SidebarView) -> list[str]:
    """The rows whose name the sidebar's own delegate cuts at the width it has now."""
    model, delegate, cut = sidebar.model(), sidebar.itemDelegate(), []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            option = QStyleOptionViewItem()
            option.initFrom(sidebar.viewport())
            option.rect = sidebar.visualRect(index)
            delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
            if option.text != index.data(Qt.ItemDataRole.DisplayRole):
                cut.append(option.text)
    return cut


def test_at_1920_px_the_sidebar_shows_whole_site_names(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    library.add_article(html_article("mod_speling", "<p>Spelling fixes.</p>", site=LONG_SITE))
    window.refresh.reload()
    sidebar = window.parts.sidebar
    # At the 1200 px the window opens with, the name is cut (so the check below can fail).
    qtbot.waitUntil(lambda: any(n.startswith(LONG_SITE[:8]) for n in elided_names(sidebar)))
    window.resize(1920, 1000)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.waitUntil(lambda: not elided_names(sidebar), timeout=5000)
