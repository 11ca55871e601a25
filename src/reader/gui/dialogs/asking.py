"""One-question dialogs (a name, a section) wide enough to show their whole title."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QLineEdit, QWidget

MIN_WIDTH_PX = 360
# The window manager adds buttons and an icon to the title bar, and the platform appends the
# application's name ("Rename Section — Reader"): room for both.
TITLE_BAR_EXTRA_PX = 160


def title_width(dialog: QDialog) -> int:
    """The width that keeps the dialog's title (and the app name after it) whole."""
    name = QCoreApplication.applicationName() or "Reader"
    title = f"{dialog.windowTitle()} — {name}"
    return max(MIN_WIDTH_PX, dialog.fontMetrics().horizontalAdvance(title) + TITLE_BAR_EXTRA_PX)


def fit_title(dialog: QDialog) -> None:
    """Make the dialog at least as wide as its title needs.

    QInputDialog's layout sizes the dialog from its contents and ignores the dialog's own
    minimum width, so the minimum goes on the question's label.
    """
    needed = title_width(dialog)
    dialog.setMinimumWidth(needed)
    layout = dialog.layout()
    margins = layout.contentsMargins() if layout is not None else None
    inner = needed - (margins.left() + margins.right() if margins is not None else 0)
    for label in dialog.findChildren(QLabel):
        label.setMinimumWidth(inner)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled."""
    dialog = _dialog(parent, title, label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    return _answer(dialog)


def ask_item(parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
    """One of `items` or a new name typed in, or None when cancelled."""
    dialog = _dialog(parent, title, label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(True)
    return _answer(dialog)


def _answer(dialog: QInputDialog) -> str | None:
    """What the reader answered, None when cancelled; the dialog is deleted after (a child of
    the window, each one asked would stay)."""
    try:
        return dialog.textValue() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def _dialog(parent: QWidget, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    fit_title(dialog)
    return dialog
