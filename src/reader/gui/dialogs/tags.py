"""The tag editor of an article: comma-separated tags, completed from the library's tags."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class TagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma), keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        field = self.widget()
        before = field.text().split(",")[:-1] if isinstance(field, QLineEdit) else []
        kept = [t.strip() for t in before if t.strip()]
        return ", ".join([*kept, str(index.data())]) + ", "


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class TagEditorDialog(QDialog):
    """Edits one article's tags; `tags()` is what the reader typed, once accepted."""

    def __init__(
        self,
        title: str,
        tags: Sequence[str],
        known: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Tags"))
        label = QLabel(self.tr("Tags of “{title}”, separated by commas:").format(title=title))
        label.setWordWrap(True)
        self.field = QLineEdit(", ".join(tags))
        self.field.setPlaceholderText(self.tr("e.g. climate, to read again"))
        self._known = list(known)
        self._choices = QStringListModel(self._known, self)
        self.completer = TagCompleter(self._choices, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.field.setCompleter(self.completer)
        self.field.textEdited.connect(self._on_field_text_edited)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def _on_field_text_edited(self, text: str) -> None:
        # A tag typed already is not offered again.
        done = {t.casefold() for t in split_tags(text.rpartition(",")[0])}
        offered = [t for t in self._known if t.casefold() not in done]
        if offered != self._choices.stringList():
            self._choices.setStringList(offered)

    def tags(self) -> list[str]:
        return split_tags(self.field.text())
