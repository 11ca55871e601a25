"""The Preferences dialog: reading font, size, typography and theme, previewed live, and
the library's and connections' panels, one tab each so it fits a small screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.gui.preferences import (
    FONT_CHOICES,
    LINE_HEIGHT_RANGE,
    MAX_SIZE,
    MEASURE_RANGE,
    MIN_SIZE,
    PARAGRAPH_RANGE,
    ReadingPreferences,
)
from reader.gui.style import THEME_CHOICES


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; `chosen()` gives the result after exec().

    Every change is announced by `previewed` so the window can show it in the pane at once;
    the window puts the old preferences back when the dialog is cancelled.
    """

    previewed = Signal(object)  # the ReadingPreferences as the dialog now stands

    def __init__(
        self,
        prefs: ReadingPreferences,
        parent: QWidget | None = None,
        library: Sequence[QWidget] = (),
        connections: Sequence[QWidget] = (),
    ) -> None:
        """`library`, `connections`: panels of other features (the watched folder, sync…),
        each list on a tab of its own; a tab with no panels is left out."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(380)
        self._prefs = prefs
        form = QFormLayout()
        self._make_font(prefs, form)
        self._make_typography(prefs, form)
        self.theme_box = QComboBox(self)
        labels = (self.tr("Follow the system"), self.tr("Light"), self.tr("Sepia"), self.tr("Dark"))
        for key, label in zip(THEME_CHOICES, labels, strict=True):
            self.theme_box.addItem(label, key)
        self.theme_box.setCurrentIndex(THEME_CHOICES.index(prefs.theme))
        form.addRow(self.tr("Theme:"), self.theme_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_page(self.tabs, form), self.tr("Reading"))
        for title, panels in ((self.tr("Library"), library), (self.tr("Connections"), connections)):
            if panels:
                self.tabs.addTab(_page(self.tabs, *panels), title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        for box in (self.font_box, self.theme_box):
            box.currentIndexChanged.connect(self._on_changed)
        self.family_box.currentFontChanged.connect(self._on_changed)
        for spin in (self.size_box, self.line_height_box, self.paragraph_box, self.measure_box):
            spin.valueChanged.connect(self._on_changed)

    def _make_font(self, prefs: ReadingPreferences, form: QFormLayout) -> None:
        self.font_box = QComboBox(self)
        labels = (self.tr("Serif"), self.tr("Sans-serif"), self.tr("Installed font"))
        for key, label in zip(FONT_CHOICES, labels, strict=True):
            self.font_box.addItem(label, key)
        self.font_box.setCurrentIndex(FONT_CHOICES.index(prefs.font))
        self.family_box = QFontComboBox(self)
        if prefs.family:
            self.family_box.setCurrentFont(QFont(prefs.family))
        self.family_box.setEnabled(prefs.font == "installed")
        self.size_box = _spin(self, (MIN_SIZE, MAX_SIZE), prefs.size, self.tr(" pt"))
        form.addRow(self.tr("Font:"), self.font_box)
        form.addRow(self.tr("Installed font:"), self.family_box)
        form.addRow(self.tr("Size:"), self.size_box)

    def _make_typography(self, prefs: ReadingPreferences, form: QFormLayout) -> None:
        self.line_height_box = _spin(self, LINE_HEIGHT_RANGE, prefs.line_height, "%", step=5)
        self.paragraph_box = _spin(self, PARAGRAPH_RANGE, prefs.paragraph_spacing, "%", step=10)
        self.measure_box = _spin(self, MEASURE_RANGE, prefs.measure, self.tr(" em"))
        self.measure_box.setToolTip(
            self.tr("The longest line, in ems: 38 em is about 38 Chinese characters.")
        )
        form.addRow(self.tr("Line height:"), self.line_height_box)
        form.addRow(self.tr("Paragraph spacing:"), self.paragraph_box)
        form.addRow(self.tr("Column width:"), self.measure_box)

    def _on_changed(self) -> None:
        self.family_box.setEnabled(self.font_box.currentData() == "installed")
        self.previewed.emit(self.chosen())

    def chosen(self) -> ReadingPreferences:
        installed = self.font_box.currentData() == "installed"
        return replace(
            self._prefs,
            font=str(self.font_box.currentData()),
            family=self.family_box.currentFont().family() if installed else self._prefs.family,
            size=self.size_box.value(),
            line_height=self.line_height_box.value(),
            paragraph_spacing=self.paragraph_box.value(),
            measure=self.measure_box.value(),
            theme=str(self.theme_box.currentData()),
        )


def _page(parent: QWidget, *parts: QFormLayout | QWidget) -> QWidget:
    """One tab: its parts stacked at the top, the spare height below them."""
    page = QWidget(parent)
    column = QVBoxLayout(page)
    for part in parts:
        if isinstance(part, QFormLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    column.addStretch(1)
    return page


def _spin(
    parent: QWidget, bounds: tuple[int, int], value: int, suffix: str, step: int = 1
) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(*bounds)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin
