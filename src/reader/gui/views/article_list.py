"""The article list view: a fixed-height QTableView that keeps its selection by article id."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

from reader.gui.models.articles import ID_ROLE, PAGE_SIZE
from reader.gui.painting import painting
from reader.gui.style import secondary_text
from reader.gui.views.article_rows import ArticleRowDelegate, CompactCellDelegate
from reader.gui.views.snippet_delegate import SnippetDelegate

DEFAULT_WIDTHS = (0, 100, 76, 0)  # the title stretches; the date fits its text
TITLE_CHARS = 20  # a title always shows at least this many characters
# Columns the compact table gives up, in this order, before the title gets too narrow.
COLUMNS_GIVEN_UP = (2, 1, 3)
_EXTENDING = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier


class ArticleListView(QTableView):
    """Rows of articles; reports the current article and offers the selected ids."""

    current_article_changed = Signal(int)  # article id, or 0 when nothing is current

    def __init__(self, parent: QWidget | None = None, *, snippets: bool = False) -> None:
        super().__init__(parent)
        self._kept: tuple[list[int], int | None] = ([], None)
        # While set, a change of the current row is the window's own doing (following the
        # current article, restoring after a reset) and does not open anything.
        self._quiet = False
        self._extending = False  # the current row moves as rows are chosen (see below)
        self._unopened = False  # the current row was chosen so, and not opened
        self.pick_on_focus = True  # focus with no current row opens the first one
        self.setObjectName("searchResults" if snippets else "articleList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab moves to the next pane; cell by cell it opened (and marked read) every row.
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSortingEnabled(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        # Fixed heights let Qt place 100,000 rows without asking the model for any of them.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        line = self.fontMetrics().height()
        self._snippets = snippets
        self._placeholder = ""
        if snippets:
            self.setItemDelegateForColumn(0, SnippetDelegate(self))
            rows.setDefaultSectionSize(SnippetDelegate.row_height(self.fontMetrics()))
            self.horizontalHeader().hide()
        self._two_lines = ArticleRowDelegate(self)
        if not snippets:
            self.setItemDelegate(CompactCellDelegate(self))
        self._compact = True
        self._widths = list(DEFAULT_WIDTHS)
        if not snippets:
            rows.setDefaultSectionSize(round(line * 1.3) + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self._snippets:
            # One wide column: the delegate shows site and date beside the title.
            for column in range(1, model.columnCount()):
                self.setColumnHidden(column, True)
        bold = QFont(self.font())
        bold.setBold(True)
        date_width = QFontMetrics(bold).horizontalAdvance("0000-00-00") + 24
        self._widths[3] = date_width
        for column, width in enumerate(self._widths[1:], start=1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)
        # After the header's own slot: by then it counts the new rows (see the slot).
        model.rowsInserted.connect(self._on_model_rows_inserted)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._on_selection_current_row_changed)

    # -- two-line rows or the compact table ----------------------------------------------------

    @property
    def compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """The compact table (title, site, section, date columns) or two-line rows."""
        if self._snippets:
            return
        self._compact = compact
        header, rows = self.horizontalHeader(), self.verticalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setVisible(compact)
        if compact:
            self.setItemDelegateForColumn(0, None)  # type: ignore[arg-type]
            rows.setDefaultSectionSize(round(self.fontMetrics().height() * 1.3) + 8)
        else:
            self.setItemDelegateForColumn(0, self._two_lines)
            rows.setDefaultSectionSize(self._two_lines.row_height())
        self._fit_columns()

    def row_delegate(self) -> ArticleRowDelegate:
        return self._two_lines

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and not self._snippets:
            self._two_lines.set_font(self.font())
            self.set_compact(self._compact)

    def _fit_columns(self) -> None:
        """Two-line rows show the title alone; the compact table gives up section, site and
        date (in that order) rather than squeeze the title below TITLE_CHARS characters."""
        model = self.model()
        if self._snippets or model is None:
            return
        if not self._compact:
            for column in range(1, model.columnCount()):
                self.setColumnHidden(column, True)
            return
        bold = QFont(self.font())
        bold.setBold(True)
        needed = QFontMetrics(bold).averageCharWidth() * TITLE_CHARS + 12
        room = self.viewport().width() - sum(self._widths[1:])
        for column in COLUMNS_GIVEN_UP:
            hide = room < needed
            self.setColumnHidden(column, hide)
            if hide:
                room += self._widths[column]

    def set_placeholder(self, text: str) -> None:
        """What an empty list says (no articles in the view, no search hits)."""
        self._placeholder = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._read_rows_around_view()
        super().paintEvent(event)
        model = self.model()
        if not self._placeholder or model is None or model.rowCount() > 0:
            return
        area = self.viewport().rect().adjusted(24, 48, -24, -24)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        with painting(self.viewport()) as painter:
            painter.setPen(secondary_text(self.palette()))
            painter.drawText(area, flags, self._placeholder)

    def _read_rows_around_view(self) -> None:
        """Ask a model that reads its rows on a worker for the rows shown and a page on either
        side, in one read: the rows scrolled to next are read before they are shown."""
        read_rows = getattr(self.model(), "read_rows", None)
        first = self.rowAt(0)
        if read_rows is None or first < 0:
            return
        last = self.rowAt(self.viewport().height() - 1)
        last = self.model().rowCount() - 1 if last < 0 else last
        read_rows(first - PAGE_SIZE, last + PAGE_SIZE)

    # -- ids --------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        ids = [self.model().index(row, 0).data(ID_ROLE) for row in rows]
        return [i for i in ids if i is not None]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def select_ids(self, ids: list[int], current: int | None) -> bool:
        """Select rows by article id; False when the current one is not in the list."""
        model = self.model()
        row_of = getattr(model, "row_of", None)
        if row_of is None:
            return False
        selection = QItemSelection()
        for article_id in ids:
            row = row_of(article_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        row = row_of(current) if current is not None else None
        if row is None:
            return False
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(index, flags.Select | flags.Rows)
        self.scrollTo(index)
        return True

    def follow(self, article_id: int | None) -> bool:
        """Select only this article's row and make it current, without reporting it (the
        pane shows it already); no article, or one not in the list, clears the selection."""
        row_of = getattr(self.model(), "row_of", None)
        row = row_of(article_id) if row_of is not None and article_id is not None else None
        self._quiet = True
        try:
            if row is None:
                self.selectionModel().clear()
                return False
            index = self.model().index(row, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)
            return True
        finally:
            self._quiet = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Qt makes the first row current when a list without one gets the focus (Tab), which
        # opens it: right when the pane is empty, wrong when it shows an article this list
        # lacks (the window says which through `pick_on_focus`).
        if self.pick_on_focus or self.currentIndex().isValid():
            super().focusInEvent(event)
            return
        self._quiet = True
        try:
            super().focusInEvent(event)
            self.selectionModel().clearCurrentIndex()
        finally:
            self._quiet = False

    # -- keyboard movement -----------------------------------------------------------------

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Home and End go to the first and last article, as in any list; a table moves to the
        # first and last column of the row with them (nowhere: one column shows).
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shift with a key chooses a range; Ctrl+Home and Ctrl+End go (and open) as they did.
        self._extending = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        try:
            super().keyPressEvent(event)
        finally:
            self._extending = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._extending = bool(event.modifiers() & _EXTENDING)
        current = self.currentIndex()
        try:
            super().mousePressEvent(event)
        finally:
            self._extending = False
        # A plain click on the row chosen last (current, never opened): Qt reports no change
        # of the current row, so it is opened here.
        plain = not event.modifiers() & _EXTENDING
        if self._unopened and plain and current.isValid() and self.currentIndex() == current:
            self._on_selection_current_row_changed(current, current)

    def go_to_row(self, row: int) -> bool:
        """Make a row current and the only one selected (which opens it); False if none."""
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return False
        index = model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)
        return True

    def neighbour_of(self, ids: list[int]) -> int | None:
        """The article to go on to once these leave the list: the first row after the last
        of them that is not one of them, else the nearest before them."""
        model = self.model()
        row_of = getattr(model, "row_of", None)
        if model is None or row_of is None:
            return None
        rows = [row for row in (row_of(i) for i in ids) if row is not None]
        if not rows:
            return None
        gone = set(ids)
        after = range(max(rows) + 1, model.rowCount())
        before = range(min(rows) - 1, -1, -1)
        for row in (*after, *before):
            article_id = model.index(row, 0).data(ID_ROLE)
            if article_id is not None and article_id not in gone:
                return int(article_id)
        return None

    def step(self, offset: int) -> bool:
        """The next (1) or previous (-1) row; with no current row, the first."""
        row = self.currentIndex().row()
        return self.go_to_row(0 if row < 0 else row + offset)

    def step_to_unread(self, *, forward: bool) -> bool:
        """The nearest unread row after (or before) the current one; False when there is none."""
        model, row = self.model(), self.currentIndex().row()
        summary_at = getattr(model, "summary_at", None)
        if model is None or summary_at is None:
            return False
        rows = range(row + 1, model.rowCount()) if forward else range(row - 1, -1, -1)
        for candidate in rows:
            summary = summary_at(candidate)
            if summary is not None and not summary.read:
                return self.go_to_row(candidate)
        return False

    def _on_model_about_to_be_reset(self) -> None:
        self._kept = (self.selected_ids(), self.current_id())

    def _on_model_reset(self) -> None:
        ids, current = self._kept
        if ids or current is not None:
            self._quiet = True  # the window decides what the list shows once reset
            try:
                self.select_ids(ids, current)
            finally:
                self._quiet = False

    def _on_model_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Rows inserted above the rows on screen (an import, newest first) leave those rows
        where they are: Qt keeps the scroll offset, so they moved down by the new rows, and a
        reader scrolled down the list saw it jump at every update. At the very top of the list
        the new rows show; a current row on screen is kept on it."""
        if parent.isValid():
            return
        bar, height = self.verticalScrollBar(), self.verticalHeader().defaultSectionSize()
        value, count = bar.value(), last - first + 1
        if value > 0:
            if first * height <= value:  # at or above the row at the top
                self.updateGeometries()  # the range holds the new rows before the value moves
                bar.setValue(value + count * height)
            return
        current = self.currentIndex()
        if not current.isValid() or current.row() <= last:
            return
        before = current.row() - count  # its row before the insert
        if before * height < self.viewport().height():
            self.updateGeometries()
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_selection_current_row_changed(
        self, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        if self._quiet or self._extending:
            # Shift with a key, or Shift or Ctrl with a click, chooses rows (to move or delete
            # them): the pane keeps its article, and no row passed is opened and marked read.
            self._unopened = self._extending
            return
        self._unopened = False
        value = current.data(ID_ROLE) if current.isValid() else None
        self.current_article_changed.emit(int(value) if value is not None else 0)
