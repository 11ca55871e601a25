"""The focus ring lies exactly over the pane that has the keyboard, as the pane changes size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.focus_ring import FocusRing


@pytest.mark.parametrize("pane_index", [0, 1])
def test_the_ring_follows_its_pane_when_the_pane_is_resized(qtbot: QtBot, pane_index: int) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    panes = [QWidget(window), QWidget(window)]
    fields = []
    for pane in panes:
        layout.addWidget(pane)
        fields.append(QLineEdit(pane))
    ring = FocusRing(panes)
    window.resize(600, 300)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    fields[pane_index].setFocus()
    qtbot.waitUntil(lambda: ring.around is panes[pane_index])
    # The sidebar widens when long site names arrive, after the focus went there.
    pane = panes[pane_index]
    pane.setFixedWidth(pane.width() + 120)
    qtbot.waitUntil(lambda: ring.geometry() == pane.rect())
