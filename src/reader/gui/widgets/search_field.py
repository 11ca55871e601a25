"""The toolbar's search field: debounced queries, a clear button and a syntax help button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QStyle, QWidget

DEBOUNCE_MS = 150


class SearchField(QLineEdit):
    """Emits query_changed once typing pauses; Escape clears the field."""

    query_changed = Signal(str)
    help_requested = Signal()
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setClearButtonEnabled(True)
        shortcut = QKeySequence("Ctrl+K").toString(QKeySequence.SequenceFormat.NativeText)
        self.setPlaceholderText(self.tr("Search articles ({shortcut})").format(shortcut=shortcut))
        # Narrow enough for a 480 px window; it grows up to its maximum when there is room.
        self.setMinimumWidth(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.textEdited.connect(self._on_self_text_edited)
        self.help_action = QAction(self.tr("?"), self)
        self.help_action.setToolTip(self.tr("Search syntax"))
        self.help_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion)
        )
        self.help_action.triggered.connect(self.help_requested)
        self.addAction(self.help_action, QLineEdit.ActionPosition.TrailingPosition)

    def set_query(self, text: str) -> None:
        """Set the text as if typed, and search at once."""
        self.setText(text)
        self._timer.stop()
        self.query_changed.emit(text)

    def clear_query(self) -> None:
        if self.text():
            self.set_query("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear_query()
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def _on_self_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.query_changed.emit(self.text())
