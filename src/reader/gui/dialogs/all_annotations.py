"""The All Annotations window: every highlight in the library, filtered; a row opens its place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import Color
from reader.gui.models.highlights import ARTICLE_ID_ROLE, HIGHLIGHT_ID_ROLE, HighlightTableModel
from reader.gui.views.notes_panel import color_label, swatch_icon
from reader.services.library import Library
from reader.storage.annotations import HighlightFilter

FILTER_DELAY_MS = 200


class AllAnnotationsDialog(QDialog):
    """A window beside the main one; activating a row reports the article and highlight."""

    highlight_opened = Signal(int, int)  # article id, highlight id

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("All Annotations"))
        self.resize(900, 520)
        self._library = library
        self.model = HighlightTableModel(library, self)
        self.color = QComboBox()
        self.tag = QComboBox()
        self.section = QComboBox()
        self.author = QComboBox()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Words in quotes and notes"))
        self.text.setClearButtonEnabled(True)
        self.table = QTableView()
        self.count = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Colour:"), self.color),
            (self.tr("Tag:"), self.tag),
            (self.tr("Section:"), self.section),
            (self.tr("Author:"), self.author),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.apply_filter)
        filters.addWidget(self.text, 1)
        self.text.textChanged.connect(self._timer.start)
        t = self.table
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        t.setWordWrap(False)
        header = t.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 220), (1, 90), (3, 180), (4, 100), (5, 120)):
            t.setColumnWidth(column, width)
        t.activated.connect(self._on_table_activated)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(t, 1)
        layout.addWidget(self.count)

    def refresh(self) -> None:
        """Fill the filter choices (tags and sections change) and query again."""
        combos = (self.color, self.tag, self.section, self.author)
        for combo in combos:
            combo.blockSignals(True)
        chosen = [combo.currentData() for combo in combos]
        self.color.clear()
        self.color.addItem(self.tr("Any"), None)
        meanings = self._library.annotations.color_meanings()
        for color in Color:
            label = color_label(color, meanings.get(color))
            self.color.addItem(swatch_icon(color.value), label, color.value)
        self.tag.clear()
        self.tag.addItem(self.tr("Any"), None)
        for name, _count in self._library.annotation_store.tag_counts():
            self.tag.addItem(name, name)
        self.section.clear()
        self.section.addItem(self.tr("Any"), None)
        for name, _count in self._library.sections():
            self.section.addItem(name, name)
        self.author.clear()
        self.author.addItem(self.tr("Anyone"), None)
        for name in self._library.annotations.authors():
            self.author.addItem(name, name)
        # One name (no group) is no choice to offer.
        self.author.setEnabled(self.author.count() > 2)
        for combo, value in zip(combos, chosen, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        color = self.color.currentData()
        self.model.set_filter(
            HighlightFilter(
                color=Color.parse(color) if color else None,
                tag=self.tag.currentData(),
                section=self.section.currentData(),
                text=self.text.text().strip() or None,
                author=self.author.currentData(),
            )
        )
        self.count.setText(self.tr("%n highlight(s)", "", self.model.rowCount()))

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.highlight_opened.emit(
            int(index.data(ARTICLE_ID_ROLE)), int(index.data(HIGHLIGHT_ID_ROLE))
        )
