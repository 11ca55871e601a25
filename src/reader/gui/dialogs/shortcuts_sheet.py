"""The keyboard shortcuts sheet (Help → Keyboard Shortcuts, ? or Ctrl+/): every key, listed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Named keys a keyboard has (beyond the characters): others that Qt's standard shortcuts
# add on some systems are media or vendor keys ("Open", "Undo", F14) few keyboards have.
_KEYBOARD_KEYS = frozenset(
    {
        *(getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)),
        *(Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Backspace),
        *(Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert, Qt.Key.Key_Delete),
        *(Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown),
        *(Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Space),
    }
)


def _on_a_keyboard(sequence: QKeySequence) -> bool:
    combinations = cast(Any, sequence)  # indexable, though the stubs do not say so
    keys = [combinations[i].key() for i in range(sequence.count())]
    return all(key.value < 0x01000000 or key in _KEYBOARD_KEYS for key in keys)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for each action with keys, in the order given, each command once;
    only keys a keyboard has."""
    rows, seen = [], set()
    for action in actions:
        keys = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if _on_a_keyboard(k)
        ]
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        name = name.removesuffix("…").removesuffix("...")
        if keys and name and name not in seen:
            seen.add(name)
            rows.append((name, ", ".join(keys)))
    return rows


class ShortcutsSheet(QDialog):
    """A read-only table of commands and their keys on this platform."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
