"""The Edit Details dialog: correct an article's title, authors, date, site, section and URL."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.edits import EDITABLE, Snapshot, make_edit
from reader.errors import InvalidEdit

# Wide enough for a long headline and its URL; the title bar never cuts the dialog's name.
FIELD_MIN_WIDTH = 420


def _problems() -> dict[str, str]:
    """What the inline message says when a field is refused (the field's rule, translated)."""
    return {
        "title": QCoreApplication.translate("EditDetails", "An article needs a title."),
        "published": QCoreApplication.translate(
            "EditDetails", "Type the date as YYYY, YYYY-MM or YYYY-MM-DD (a real day)."
        ),
        "url": QCoreApplication.translate(
            "EditDetails", "The URL must be a web address starting with http:// or https://."
        ),
    }


class EditDetailsDialog(QDialog):
    """The article's editable fields; OK only once every changed value is one it can take."""

    def __init__(
        self, details: Snapshot, sections: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("edit-details")
        self.setWindowTitle(QCoreApplication.translate("EditDetails", "Edit Details"))
        self._initial = {name: details.values.get(name) or "" for name in EDITABLE}
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        labels = {
            "title": QCoreApplication.translate("EditDetails", "&Title:"),
            "author": QCoreApplication.translate("EditDetails", "&Author(s):"),
            "published": QCoreApplication.translate("EditDetails", "&Date:"),
            "site": QCoreApplication.translate("EditDetails", "&Site:"),
            "section": QCoreApplication.translate("EditDetails", "S&ection:"),
            "url": QCoreApplication.translate("EditDetails", "&URL:"),
        }
        self.section = QComboBox(self)
        self.section.setEditable(True)
        self.section.addItems(["", *sections])
        for name in EDITABLE:
            editor = self.section.lineEdit() if name == "section" else QLineEdit(self)
            assert editor is not None
            editor.setText(self._initial[name])
            editor.setObjectName(f"edit-{name}")
            editor.textEdited.connect(self._on_field_text_edited)
            self.fields[name] = editor
            shown: QWidget = self.section if name == "section" else editor
            shown.setMinimumWidth(FIELD_MIN_WIDTH)
            form.addRow(labels[name], shown)
        self.fields["published"].setPlaceholderText(
            QCoreApplication.translate("EditDetails", "YYYY, YYYY-MM or YYYY-MM-DD")
        )
        self.fields["author"].setPlaceholderText(
            QCoreApplication.translate("EditDetails", "As you want the names shown")
        )
        self.fields["url"].setPlaceholderText("https://")
        self.message = QLabel(self)
        self.message.setObjectName("edit-details-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d0312d; font-weight: bold;")  # light and dark
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        kept = QCoreApplication.translate(
            "EditDetails",
            "Fields you change here stay as you set them when the article is imported again.",
        )
        note = QLabel(kept, self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, str]:
        """The fields whose text differs from what the article had (empty clears a field)."""
        return {
            name: editor.text().strip()
            for name, editor in self.fields.items()
            if editor.text().strip() != self._initial[name].strip()
        }

    def problem(self) -> tuple[str, str] | None:
        """The first changed field the library would refuse, and why (translated)."""
        for name, value in self.changes().items():
            try:
                make_edit({name: value})
            except InvalidEdit:
                return name, _problems().get(
                    name, QCoreApplication.translate("EditDetails", "This value cannot be used.")
                )
        return None

    def accept(self) -> None:
        found = self.problem()
        if found is None:
            super().accept()
            return
        name, text = found
        self.message.setText(text)
        self.message.show()
        self.fields[name].setFocus()
        self.fields[name].selectAll()

    def _on_field_text_edited(self, _text: str) -> None:
        self.message.hide()
