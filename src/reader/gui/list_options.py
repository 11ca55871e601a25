"""View menu choices for the article list: two-line rows or the compact table, and its order."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup

from reader.gui.views.article_list import ArticleListView

COMPACT_KEY = "list/compact"


class ListOptions(QObject):
    """View → Compact List (remembered across restarts) and View → Sort By.

    Two-line rows have no column headers to click, so the order is chosen from the menu; in
    the compact table the headers and the menu agree.
    """

    def __init__(self, view: ArticleListView, settings: QSettings, parent: QObject) -> None:
        super().__init__(parent)
        self._view, self._settings = view, settings
        self.compact = QAction(self.tr("&Compact List"), self)
        self.compact.setCheckable(True)
        self.compact.toggled.connect(self._on_compact_toggled)
        self._sorts = QActionGroup(self)
        labels = (self.tr("&Title"), self.tr("&Site"), self.tr("S&ection"), self.tr("&Date"))
        for column, label in enumerate(labels):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setData(column)
            self._sorts.addAction(action)
        self._sorts.triggered.connect(self._on_sorts_triggered)
        view.horizontalHeader().sortIndicatorChanged.connect(self._on_header_sort_changed)

    @property
    def sort_actions(self) -> list[QAction]:
        return self._sorts.actions()

    def restore(self) -> None:
        """Apply the remembered choice (two-line rows unless the compact table was chosen)."""
        compact = str(self._settings.value(COMPACT_KEY, "false")).lower() == "true"
        self.compact.setChecked(compact)
        self._view.set_compact(compact)
        header = self._view.horizontalHeader()
        self._on_header_sort_changed(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _on_compact_toggled(self, on: bool) -> None:
        self._view.set_compact(on)
        self._settings.setValue(COMPACT_KEY, on)

    def _on_sorts_triggered(self, action: QAction) -> None:
        column, header = int(action.data()), self._view.horizontalHeader()
        if header.sortIndicatorSection() == column:  # the same again: the other direction
            ascending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        else:  # newest first; names from A
            ascending = column != 3
        order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        self._view.sortByColumn(column, order)

    def _on_header_sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        for action in self._sorts.actions():
            action.setChecked(action.data() == column)
