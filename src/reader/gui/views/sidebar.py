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
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPalette
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
    QUERY_ROLE,
    SEARCH,
    SECTION,
    VIEW,
    SidebarModel,
    count_text,
)
from reader.gui.painting import saved
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
        rect = option.rect.adjusted(0, 0, -8, 0)
        with saved(painter):
            painter.setPen(
                palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else secondary_text(palette)
            )
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count
            )


# Moves that end on a heading go on upwards from it (End: the last row may be one).
_UPWARDS = (
    QAbstractItemView.CursorAction.MoveUp,
    QAbstractItemView.CursorAction.MovePrevious,
    QAbstractItemView.CursorAction.MovePageUp,
    QAbstractItemView.CursorAction.MoveEnd,
)

# The tree's Left and Right go to a row's heading and back: nothing to choose there.
_SIDEWAYS = (QAbstractItemView.CursorAction.MoveLeft, QAbstractItemView.CursorAction.MoveRight)


class SidebarView(QTreeView):
    """Emits the filter of the chosen row; keeps the choice across count refreshes."""

    view_chosen = Signal(object, str)  # ArticleFilter, label
    search_chosen = Signal(str)  # a saved search's query
    rename_requested = Signal(str)  # section name
    delete_requested = Signal(str)  # section name
    merge_requested = Signal(str)  # section name
    search_rename_requested = Signal(str)  # saved search name
    search_delete_requested = Signal(str)  # saved search name

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setModel(model)
        self._model = model
        self._chosen: tuple[str, str] = (VIEW, "all")
        self._restoring = False  # the rows were rebuilt: the chosen row is selected again
        self._announced: tuple[str, str] | None = None  # the view the list was told to show
        self.setHeaderHidden(True)
        # A sidebar never scrolls sideways: its one column is the viewport's width, however
        # narrow, and a long name is elided (its row's tooltip names it in full). The column
        # kept the header's default width (100 px), wider than the viewport once a vertical
        # scroll bar took its part of a narrow window's sidebar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setMinimumSectionSize(0)
        self.header().setDefaultSectionSize(0)
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
        # A click on the saved search already chosen runs it again (after the search was
        # cleared, say); the window ignores a query the field already holds.
        self.clicked.connect(self._emit_search)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # The group headings ("SECTIONS", "SITES") name the rows under them; the keyboard
        # passes over them as over a gap, on to the next row in the direction it moves.
        if action in _SIDEWAYS:
            return self.currentIndex()  # Left went up to the heading, and then on to a row
        index = super().moveCursor(action, modifiers)
        upwards = action in _UPWARDS
        while index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            index = self.indexAbove(index) if upwards else self.indexBelow(index)
        return index if index.isValid() else self.currentIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            event.accept()  # a heading: nothing to choose, the chosen row stays current
            return
        super().mousePressEvent(event)

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

    def fitting_width(self) -> int:
        """The width at which no name is elided before its count (see CountDelegate)."""
        metrics, model = self.fontMetrics(), self._model
        widest = 0
        for group in range(model.rowCount()):
            parent = model.index(group, 0)
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                count = count_text(index.data(COUNT_ROLE))
                widest = max(
                    widest, metrics.horizontalAdvance(name) + metrics.horizontalAdvance(count)
                )
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return widest + 22 + 8 + self.indentation() + scroll_bar  # the delegate's margins

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        chosen = (str(index.data(KIND_ROLE)), str(index.data(KEY_ROLE)))
        if (self._restoring and chosen == self._announced) or self._emit_search(index):
            return
        view = self._model.filter_for(index)
        if view is not None:
            self._chosen = self._announced = chosen
            self.view_chosen.emit(view, str(index.data(Qt.ItemDataRole.DisplayRole)))

    def _on_model_rebuilt(self) -> None:
        self.expandAll()
        # Rows were rebuilt (an import brought a new site, say): select the same view again
        # without announcing it, since the list shows it already (querying and resetting the
        # list on every count was a UI stall during imports); or fall back to all articles.
        kind, key = self._chosen
        self._restoring = True
        try:
            kept = self.choose(kind, key)
        finally:
            self._restoring = False
        if not kept:
            self.choose(VIEW, "all")

    def _emit_search(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        if index.data(KIND_ROLE) != SEARCH:
            return False
        self.search_chosen.emit(str(index.data(QUERY_ROLE)))
        return True

    def _on_self_context_menu_requested(self, point: QPoint) -> None:
        index = self.indexAt(point)
        kind, key = index.data(KIND_ROLE), str(index.data(KEY_ROLE))
        menu = QMenu(self)
        if kind == SECTION:
            choices = {
                menu.addAction(self.tr("Rename Section…")): self.rename_requested,
                menu.addAction(self.tr("Merge Into…")): self.merge_requested,
                menu.addAction(self.tr("Delete Section")): self.delete_requested,
            }
        elif kind == SEARCH:
            choices = {
                menu.addAction(self.tr("Rename Saved Search…")): self.search_rename_requested,
                menu.addAction(self.tr("Delete Saved Search")): self.search_delete_requested,
            }
        else:
            return
        chosen = menu.exec(self.viewport().mapToGlobal(point))
        if chosen in choices:
            choices[chosen].emit(key)
