"""A table of highlights across the library: article, colour, quote, note, tags, date."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from reader.core.annotation import AnchorStatus, Highlight
from reader.gui.models.articles import Index
from reader.gui.views.notes_panel import color_label, swatch_icon
from reader.services.library import Library
from reader.storage.annotations import HighlightFilter

HIGHLIGHT_ID_ROLE = Qt.ItemDataRole.UserRole + 30
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 31

COLUMNS = (
    QCoreApplication.translate("HighlightTable", "Article"),
    QCoreApplication.translate("HighlightTable", "Colour"),
    QCoreApplication.translate("HighlightTable", "Quote"),
    QCoreApplication.translate("HighlightTable", "Note"),
    QCoreApplication.translate("HighlightTable", "Tags"),
    QCoreApplication.translate("HighlightTable", "Updated"),
)


class HighlightTableModel(QAbstractTableModel):
    """The highlights one HighlightFilter selects, newest first (one SQL query per filter)."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._rows: list[Highlight] = []
        self._titles: dict[int, str] = {}
        self.view_filter = HighlightFilter()

    def set_filter(self, view: HighlightFilter) -> None:
        self.view_filter = view
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        rows = self._library.annotations.list_highlights(self.view_filter)
        self._rows = sorted(rows, key=lambda h: h.updated, reverse=True)
        summaries = self._library.summaries(sorted({h.article_id for h in self._rows}))
        self._titles = {i: s.title for i, s in summaries.items()}
        self.endResetModel()

    def highlight(self, row: int) -> Highlight:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # i18n: marked where defined (COLUMNS); looked up here in the current language
            return QCoreApplication.translate("HighlightTable", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h, column = self._rows[index.row()], index.column()
        if role == HIGHLIGHT_ID_ROLE:
            return h.id
        if role == ARTICLE_ID_ROLE:
            return h.article_id
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return swatch_icon(h.color.value)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            text = h.quote.exact if column == 2 else h.note or None
            if text and h.author and not self._library.annotations.is_mine(h):
                by = QCoreApplication.translate("HighlightTable", "By {name} (read-only)")
                text += "\n— " + by.format(name=h.author)
            return text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return self._titles.get(h.article_id, "")
        if column == 1:
            return color_label(h.color)
        if column == 2:
            quote = " ".join(h.quote.exact.split())
            if h.status is AnchorStatus.ORPHANED:
                return "⚠ " + quote
            return quote
        if column == 3:
            return " ".join(h.note.split())
        if column == 4:
            return ", ".join(h.tags)
        return h.updated.astimezone().strftime("%Y-%m-%d %H:%M")
