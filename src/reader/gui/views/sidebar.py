"""The sidebar tree: grouped views with counts; choosing one filters the article list."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from reader.gui.models.sidebar import (
    COUNT_ROLE,
    HEADER,
    KEY_ROLE,
    KIND_ROLE,
    SECTION,
    VIEW,
    SidebarModel,
    count_text,
)
from reader.gui.style import secondary_text

Index = QModelIndex | QPersistentModelIndex


class CountDelegate(QStyledItemDelegate):
    """Draws group headings small and dim, and each row's count right-aligned."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(KIND_ROLE) == HEADER:
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            option.font = font
            option.text = option.text.upper()
            colour = secondary_text(option.palette)
            option.palette.setColor(QPalette.ColorRole.Text, colour)
            return
        count = count_text(index.data(COUNT_ROLE))
        if count:
            # Elide the name before the count rather than shrinking the row's rectangle, so
            # that the selection still spans the whole row.
            metrics = option.fontMetrics
            room = option.rect.width() - metrics.horizontalAdvance(count) - 22
            option.text = metrics.elidedText(option.text, Qt.TextElideMode.ElideRight, room)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # One height for every row, whichever script (and so fallback font) its name uses.
        hint = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        if index.data(KIND_ROLE) == HEADER:
            return QSize(hint.width(), line + 12)
        return QSize(hint.width(), round(line * 1.3) + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        count = count_text(index.data(COUNT_ROLE))
        if not count or index.data(KIND_ROLE) == HEADER:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        painter.save()
        painter.setPen(
            palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else secondary_text(palette)
        )
        rect = option.rect.adjusted(0, 0, -8, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        painter.restore()


class SidebarView(QTreeView):
    """Emits the filter of the chosen row; keeps the choice across count refreshes."""

    view_chosen = Signal(object, str)  # ArticleFilter, label
    rename_requested = Signal(str)  # section name

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setModel(model)
        self._model = model
        self._chosen: tuple[str, str] = (VIEW, "all")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(10)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # A role, not a colour: the sidebar follows palette (theme) changes by itself.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setItemDelegate(CountDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_self_context_menu_requested)
        model.rebuilt.connect(self._on_model_rebuilt)

    def choose(self, kind: str, key: str) -> bool:
        """Select a row by kind and key; False when there is no such row."""
        index = self._model.index_of(kind, key)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        return True

    @property
    def chosen(self) -> tuple[str, str]:
        return self._chosen

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        view = self._model.filter_for(index)
        if view is not None:
            self._chosen = (str(index.data(KIND_ROLE)), str(index.data(KEY_ROLE)))
            self.view_chosen.emit(view, str(index.data(Qt.ItemDataRole.DisplayRole)))

    def _on_model_rebuilt(self) -> None:
        self.expandAll()
        # Rows were rebuilt: select the same view again, or fall back to all articles.
        kind, key = self._chosen
        if not self.choose(kind, key):
            self.choose(VIEW, "all")

    def _on_self_context_menu_requested(self, point: QPoint) -> None:
        index = self.indexAt(point)
        if index.data(KIND_ROLE) != SECTION:
            return
        menu = QMenu(self)
        rename = menu.addAction(self.tr("Rename Section…"))
        if menu.exec(self.viewport().mapToGlobal(point)) is rename:
            self.rename_requested.emit(str(index.data(KEY_ROLE)))
