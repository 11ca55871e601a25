"""The article list model: ordered ids from one SQL query, rows paged in from a bounded cache."""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from reader.core.article import ArticleSummary
from reader.errors import ReaderError
from reader.gui.models.row_edits import RowEdits, added_ids, row_edits, row_numbers
from reader.gui.pacing import rest_until, timed
from reader.gui.style import read_text
from reader.gui.tasks import TaskRunner
from reader.services.library import Library
from reader.storage.articles import ArticleFilter

log = logging.getLogger(__name__)

ARTICLE_IDS_MIME = "application/x-reader-article-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
_SUMMARY_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        SUMMARY_ROLE,
    }
)
# The summary a row is painted from: None while a list reading its rows on a worker (see
# ArticleTableModel.read_rows_on) has not read it yet, where SUMMARY_ROLE reads it at once.
PAINT_ROLE = Qt.ItemDataRole.UserRole + 3
# Rows read in one query when a row not cached is painted. A jump across the list (a dragged
# scroll bar) reads one page on the UI thread within a frame: at 100,000 articles 256 rows took
# 5-15 ms of a 16.7 ms frame, 64 rows (four screens of two-line rows) under 1 ms.
PAGE_SIZE = 64
CACHE_ROWS = 4096
# Rows an update's worker reads again with the ids: those painted last (a screen is 20-60
# rows) and the first it inserts. Dropped and read on the next paint, they cost the UI thread
# a query after every update of an import.
FRESH_ROWS = 2 * PAGE_SIZE
# Lookups of a row by id answered by scanning the ids, before they are all mapped to rows.
SCANNED_LOOKUPS = 8

# Column order of both list models, and the SQL sort each column asks for.
COLUMN_SORTS = ("title", "site", "section", "published")
DATE_COLUMN = 3

Index = QModelIndex | QPersistentModelIndex


class ArticleColumns(QAbstractTableModel):
    """What the article and search-result models share: columns, headers, roles, drag data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def summary_at(self, row: int) -> ArticleSummary | None:
        raise NotImplementedError

    def painted_summary(self, row: int) -> ArticleSummary | None:
        """The summary to paint a row with (PAINT_ROLE): by default read at once."""
        return self.summary_at(row)

    def article_id(self, row: int) -> int | None:
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(COLUMN_SORTS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Title"), self.tr("Site"), self.tr("Section"), self.tr("Date"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Never raises: Qt asks while painting, where an exception leaves a row half drawn.
        A row whose read fails (the library closing, a failing disk) paints blank and is
        asked for again at the next paint."""
        if not index.isValid() or index.column() >= len(COLUMN_SORTS):
            return None
        try:
            return self.role_data(index, role)
        except ReaderError as exc:
            log.debug("row %d not read for painting: %s", index.row(), exc)
            return None

    def role_data(self, index: Index, role: int) -> Any:
        """What data() answers for a valid index; may raise a ReaderError."""
        if role == ID_ROLE:
            return self.article_id(index.row())
        if role == PAINT_ROLE:
            return self.painted_summary(index.row())
        if role not in _SUMMARY_ROLES:
            return None  # asked for anything (the status tip under the pointer): no read
        summary = self.summary_at(index.row())
        if summary is None:
            return None
        undated = index.column() == DATE_COLUMN and summary.published is None
        if role == Qt.ItemDataRole.ToolTipRole and undated:
            return self.tr("Added on {date}; the article has no publication date").format(
                date=summary.added.date().isoformat()
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _column_text(summary, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and undated:
            # The date it was added stands in, greyed so it does not pass for a publication date.
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and not summary.read:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and summary.read and index.column() == 0:
            # Weight alone did not tell read from unread (CJK fonts have no true bold, and
            # on dark themes a light regular stroke looks heavy): read titles are dimmed too.
            return read_text(QGuiApplication.palette())
        if role == SUMMARY_ROLE:
            return summary
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({i for i in (self.article_id(ix.row()) for ix in indexes) if i is not None})
        mime = QMimeData()
        mime.setData(ARTICLE_IDS_MIME, json.dumps(ids).encode("ascii"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def _column_text(summary: ArticleSummary, column: int) -> str:
    if column == 0:
        return summary.title
    if column == 1:
        return summary.site or ""
    if column == 2:
        return summary.section or ""
    day = summary.published or summary.added.date()
    return day.isoformat()


def ids_from_mime(mime: QMimeData) -> list[int]:
    """The article ids a drag from the list carries (empty for anything else)."""
    if not mime.hasFormat(ARTICLE_IDS_MIME):
        return []
    try:
        ids = json.loads(bytes(mime.data(ARTICLE_IDS_MIME).data()).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


class ArticleTableModel(ArticleColumns):
    """The articles of one view (a filter and a sort), never all loaded at once."""

    loaded = Signal()  # the ids a reload queried on a worker are listed

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._ids: list[int] = []
        self._rows: dict[int, int] | None = None  # id -> row, built on demand
        self._scans = 0  # lookups answered without `_rows` (see row_of)
        self._cache: OrderedDict[int, ArticleSummary] = OrderedDict()
        # Rows changed (refresh) since a worker began reading rows are not taken from its
        # answer: each change is numbered, and each read knows the last one before it.
        self._changes = 0
        self._changed_at: dict[int, int] = {}
        # Reading painted rows on a worker (read_rows_on): the ids being read, and the number
        # of the rows' arrangement they were asked for (a reset or an update makes another).
        self._row_lane: TaskRunner | None = None
        self._reading: set[int] = set()
        self._arrangement = 0
        self._filter = ArticleFilter()
        self._sort = "published"
        self._descending = True
        # A view's own order until a column is chosen: Recently Read, last opened first.
        self._view_sort: tuple[str, bool] | None = None
        # At start the first query of ids runs on a worker (see reload_next_on); each reload
        # is numbered so that such an answer, overtaken by a view chosen since, is dropped.
        self._next_lane: TaskRunner | None = None
        self._loads = 0
        self.next_update_at = 0.0  # time.monotonic() before which a burst's next waits

    # -- the view ---------------------------------------------------------------------------

    @property
    def view_filter(self) -> ArticleFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, view: ArticleFilter) -> None:
        self._filter = view
        self._view_sort = ("read", True) if view.recently_read else None
        self.reload()

    def reload_next_on(self, lane: TaskRunner) -> None:
        """The next reload queries on this lane and resets the list when the ids arrive: at
        start the window paints while 100,000 ids are read and sorted, instead of after."""
        self._next_lane = lane

    def reload(self) -> None:
        """Query the ids again (after a change in the library) and drop the cached rows."""
        sort, descending = self._view_sort or (self._sort, self._descending)
        view, lane, self._next_lane = self._filter, self._next_lane, None
        self._loads += 1
        if lane is None:
            self._show_ids(
                self._loads, self._library.article_ids(view, sort=sort, descending=descending)
            )
            return
        load = self._loads

        def listed() -> tuple[list[int], dict[int, int]]:
            ids = self._library.article_ids(view, sort=sort, descending=descending)
            return ids, row_numbers(ids)

        lane.start(
            lambda _stop: listed(),
            finished=lambda result: self._show_ids(load, result[0], loaded=True, rows=result[1]),
        )

    def update_on(self, lane: TaskRunner) -> None:
        """Query the ids again on a lane (the library changed) and change the list when they
        arrive: new articles are inserted in place, keeping the selection and the scroll
        position; other changes reset it as `reload` does. The UI thread neither waits for
        the query (hundreds of ms at 100,000 articles) nor maps 100,000 ids to rows. Nor
        does it read the rows it shows again: the worker reads those painted last and the
        first new ones with the ids."""
        sort, descending = self._view_sort or (self._sort, self._descending)
        view, listed = self._filter, self._ids
        shown = list(islice(reversed(self._cache), FRESH_ROWS))
        self._loads += 1
        load, asked = self._loads, self._changes

        def edits() -> tuple[RowEdits, dict[int, ArticleSummary]]:
            edits = row_edits(
                listed, self._library.article_ids(view, sort=sort, descending=descending)
            )
            fresh = [i for i in shown if i in edits.rows] + added_ids(edits, FRESH_ROWS)
            return edits, self._library.summaries(fresh) if fresh else {}

        def arrived(result: tuple[tuple[RowEdits, dict[int, ArticleSummary]], float]) -> None:
            (found, fresh), cost_s = result
            self._edit_rows(load, found, self._unchanged_since(asked, fresh), cost_s)

        lane.start(lambda _stop: timed(edits), finished=arrived)

    def _edit_rows(
        self, load: int, edits: RowEdits, fresh: dict[int, ArticleSummary], cost_s: float
    ) -> None:
        self.next_update_at = rest_until(cost_s)
        if load != self._loads:
            return  # a later reload decides what is listed
        if edits.inserts is None or edits.old is not self._ids:
            self._show_ids(load, edits.new, rows=edits.rows)
            self._cache.update(fresh)
            return
        ids, self._rows = list(self._ids), None  # `old` stays as it was, for other queries
        self._ids = ids
        for first, last in edits.inserts:
            self.beginInsertRows(QModelIndex(), first, last)
            ids[first:first] = edits.new[first : last + 1]
            self.endInsertRows()
        self._ids, self._rows = edits.new, edits.rows
        # As after a reset, the rows read before are dropped (the update may have changed
        # them): those painted last come back read again by the worker.
        self._cache = OrderedDict(fresh)
        self._rearranged()
        if self._ids:
            last_row = self.index(len(self._ids) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last_row)

    def _show_ids(
        self,
        load: int,
        ids: list[int],
        *,
        loaded: bool = False,
        rows: dict[int, int] | None = None,
    ) -> None:
        if load != self._loads:
            return  # a later reload (another view chosen meanwhile) decides what is listed
        self.beginResetModel()
        self._ids, self._rows, self._scans = ids, rows, 0
        self._cache.clear()
        self._rearranged()
        self.endResetModel()
        if loaded:
            self.loaded.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_SORTS):
            return
        key, descending = COLUMN_SORTS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._view_sort is None:
            return
        self._sort, self._descending, self._view_sort = key, descending, None
        if self._row_lane is not None:
            # Sorted by title, 100,000 rows take a second in Python: the list keeps its
            # order until the new one arrives, and the window stays live meanwhile.
            self._next_lane = self._row_lane
        self.reload()

    def refresh(self, ids: Iterable[int]) -> None:
        """Re-read some rows (read state, section) without resetting the view."""
        for article_id in ids:
            self._cache.pop(article_id, None)
            self._changes += 1
            self._changed_at[article_id] = self._changes
            self._reading.discard(article_id)  # what a worker is reading of it is old
            row = self.row_of(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- rows -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._ids)

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        if self._rows is None and self._scans < SCANNED_LOOKUPS:
            # Ids listed on the UI thread (a view chosen) come without rows: a few lookups
            # (the current article's) scan the list in C, under 1 ms at 100,000 ids, where
            # mapping them all took 40 ms. Only many lookups pay for the map.
            self._scans += 1
            try:
                return self._ids.index(article_id)
            except ValueError:
                return None
        if self._rows is None:
            self._rows = row_numbers(self._ids)
        return self._rows.get(article_id)

    def summary_at(self, row: int) -> ArticleSummary | None:
        article_id = self.article_id(row)
        if article_id is None:
            return None
        summary = self._cached(article_id)
        if summary is None:
            self._fetch_page(row)
            summary = self._cache.get(article_id)
        return summary

    def _cached(self, article_id: int) -> ArticleSummary | None:
        """A row read before, now the last painted (an update reads those again)."""
        summary = self._cache.get(article_id)
        if summary is not None:
            self._cache.move_to_end(article_id)
        return summary

    def _fetch_page(self, row: int) -> None:
        start = row - row % PAGE_SIZE
        page = self._ids[start : start + PAGE_SIZE]
        self._keep(self._library.summaries(page))

    def _keep(self, summaries: dict[int, ArticleSummary]) -> None:
        self._cache.update(summaries)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    # -- rows read on a worker ----------------------------------------------------------------

    def read_rows_on(self, lane: TaskRunner) -> None:
        """Read the rows to paint on this lane from now on. A row not read yet paints as a
        placeholder until they arrive, a frame or two later: read on the UI thread while an
        import wrote, a page of rows waited for the interpreter lock at every row (a 65 ms
        stall at 100,000 articles). Rows asked for by anything but painting are still read
        at once."""
        self._row_lane = lane

    @property
    def reading_rows(self) -> bool:
        return bool(self._reading)

    def painted_summary(self, row: int) -> ArticleSummary | None:
        if self._row_lane is None:
            return self.summary_at(row)
        article_id = self.article_id(row)
        if article_id is None:
            return None
        summary = self._cached(article_id)
        if summary is None:
            self.read_rows(row - PAGE_SIZE, row + PAGE_SIZE)
        return summary

    def read_rows(self, first: int, last: int) -> None:
        """Start reading rows `first` to `last` not read yet, on the lane (see read_rows_on);
        the view asks for the rows around those it shows, so that scrolling finds them read."""
        if self._row_lane is None:
            return
        wanted = self._ids[max(0, first) : max(0, last + 1)]
        cache, reading = self._cache, self._reading
        missing = [i for i in wanted if i not in cache and i not in reading]
        if not missing:
            return
        reading.update(missing)
        arrangement, asked = self._arrangement, self._changes
        rows = (max(0, first), max(0, first) + len(wanted) - 1)
        library = self._library
        self._row_lane.start(
            lambda _stop: library.summaries(missing),
            finished=lambda found: self._rows_read(arrangement, asked, rows, missing, found),
            failed=lambda _error: self._reading.difference_update(missing),
        )

    def _rows_read(
        self,
        arrangement: int,
        asked: int,
        rows: tuple[int, int],
        ids: list[int],
        found: dict[int, ArticleSummary],
    ) -> None:
        if arrangement != self._arrangement:
            return  # reset or updated since: its rows are asked for again as they are painted
        self._reading.difference_update(ids)
        fresh = self._unchanged_since(asked, found)
        if fresh:  # the rows are where they were when asked for: nothing rearranged them
            self._keep(fresh)
            last_column = self.columnCount() - 1
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[1], last_column))

    def _unchanged_since(
        self, asked: int, found: dict[int, ArticleSummary]
    ) -> dict[int, ArticleSummary]:
        """The summaries of `found` whose rows did not change after change number `asked`
        (those are read again when painted)."""
        changed = self._changed_at
        return {i: s for i, s in found.items() if changed.get(i, 0) <= asked}

    def _rearranged(self) -> None:
        """The rows were reset or updated: reads under way no longer fill them."""
        self._arrangement += 1
        self._reading = set()
        self._changed_at = {}
