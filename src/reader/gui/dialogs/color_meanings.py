"""The Colour Meanings dialog: what each highlight colour stands for to this reader."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import Color
from reader.gui.views.notes_panel import color_label, swatch_icon


class ColorMeaningsDialog(QDialog):
    """One line per colour; exports quote the meaning beside each highlight."""

    def __init__(self, meanings: Mapping[Color, str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Colour Meanings"))
        intro = QLabel(
            self.tr(
                "Say what each colour stands for, e.g. “key claim” or “question”. "
                "Exports show the meaning beside each highlight."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[Color, QLineEdit] = {}
        for number, color in enumerate(Color, 1):
            field = QLineEdit(meanings.get(color) or "")
            field.setPlaceholderText(self.tr("No meaning"))
            label = QLabel(f"{number}  {color_label(color)}")
            form.addRow(label, field)
            self.fields[color] = field
        for color, field in self.fields.items():
            field.addAction(swatch_icon(color.value), QLineEdit.ActionPosition.LeadingPosition)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def meanings(self) -> dict[Color, str]:
        return {color: field.text().strip() for color, field in self.fields.items()}
