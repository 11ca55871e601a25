"""The find-in-article bar under the reading pane (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.gui.views.reading_pane import ReadingPane


class FindBar(QWidget):
    """A field with next/previous buttons and a match count; the pane does the finding."""

    closed = Signal()

    def __init__(self, pane: ReadingPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._pane = pane
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        previous = self._button("‹", self.tr("Previous match (Shift+Enter)"))
        previous.clicked.connect(lambda: self.step(forward=False))
        following = self._button("›", self.tr("Next match (Enter)"))
        following.clicked.connect(lambda: self.step(forward=True))
        close = self._button("✕", self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.field.setText(text)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._pane.clear_find()
        self._pane.setFocus()
        self.closed.emit()

    def step(self, *, forward: bool) -> None:
        """Go to the next (or previous) match; opens the bar when it is closed."""
        if not self.isVisible():
            self.open_bar()
            return
        self.show_count(self._pane.find_step(forward=forward), self._pane.find_count)

    def refresh(self) -> None:
        """Find again (another article was opened while the bar is open)."""
        if self.isVisible():
            self._on_field_text_changed(self.field.text())

    def _on_field_text_changed(self, text: str) -> None:
        total = self._pane.find_all(text)
        self.show_count(1 if total else 0, total)

    def show_count(self, current: int, total: int) -> None:
        if not self.field.text():
            self.count.clear()
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("{current} of {total}").format(current=current, total=total))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _on_field_return_pressed(self) -> None:
        modifiers = QApplication.keyboardModifiers()
        self.step(forward=not modifiers & Qt.KeyboardModifier.ShiftModifier)
