"""The Preferences dialog: reading font, size and theme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.gui.preferences import FONT_CHOICES, MAX_SIZE, MIN_SIZE, ReadingPreferences
from reader.gui.style import THEME_CHOICES


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; `chosen()` gives the result after exec()."""

    def __init__(
        self,
        prefs: ReadingPreferences,
        parent: QWidget | None = None,
        sections: Sequence[QWidget] = (),
    ) -> None:
        """`sections`: panels of other features (e.g. the browser connector), shown below."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(340)
        self._prefs = prefs
        self.font_box = QComboBox(self)
        for key, label in zip(FONT_CHOICES, (self.tr("Serif"), self.tr("Sans-serif")), strict=True):
            self.font_box.addItem(label, key)
        self.font_box.setCurrentIndex(FONT_CHOICES.index(prefs.font))
        self.size_box = QSpinBox(self)
        self.size_box.setRange(MIN_SIZE, MAX_SIZE)
        self.size_box.setSuffix(self.tr(" pt"))
        self.size_box.setValue(prefs.size)
        self.theme_box = QComboBox(self)
        labels = (self.tr("Follow the system"), self.tr("Light"), self.tr("Sepia"), self.tr("Dark"))
        for key, label in zip(THEME_CHOICES, labels, strict=True):
            self.theme_box.addItem(label, key)
        self.theme_box.setCurrentIndex(THEME_CHOICES.index(prefs.theme))
        form = QFormLayout()
        form.addRow(self.tr("Font:"), self.font_box)
        form.addRow(self.tr("Size:"), self.size_box)
        form.addRow(self.tr("Theme:"), self.theme_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for section in sections:
            layout.addWidget(section)
        layout.addWidget(buttons)

    def chosen(self) -> ReadingPreferences:
        return replace(
            self._prefs,
            font=str(self.font_box.currentData()),
            size=self.size_box.value(),
            theme=str(self.theme_box.currentData()),
        )
