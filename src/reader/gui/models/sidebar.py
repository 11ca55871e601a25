"""The sidebar model: smart views, sections, sites and tags with their article counts, and
saved searches."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QMimeData, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reader.gui.models.articles import ARTICLE_IDS_MIME, Index, ids_from_mime
from reader.services.library import Library
from reader.storage.articles import ArticleFilter

KIND_ROLE = Qt.ItemDataRole.UserRole + 20
KEY_ROLE = Qt.ItemDataRole.UserRole + 21
COUNT_ROLE = Qt.ItemDataRole.UserRole + 22
QUERY_ROLE = Qt.ItemDataRole.UserRole + 23  # a saved search's query

HEADER, VIEW, SECTION, SITE, TAG, SEARCH = "header", "view", "section", "site", "tag", "search"


@dataclass(frozen=True)
class LibraryCounts:
    """Everything the sidebar counts, read in one go (on a worker: it scans the library)."""

    views: dict[str, int]
    sections: list[tuple[str, int]]
    sites: list[tuple[str, int]]
    tags: list[tuple[str, int]] = field(default_factory=list)
    searches: list[tuple[str, str]] = field(default_factory=list)  # name, query

    @classmethod
    def read(cls, library: Library) -> LibraryCounts:
        organizing = library.organizing
        searches = [(s.name, s.query) for s in organizing.saved_searches()]
        return cls(
            library.view_counts(), library.sections(), library.sites(), organizing.tags(), searches
        )


@dataclass(frozen=True)
class SmartView:
    """A built-in view: its count key in Library.view_counts() and the filter it applies."""

    key: str
    label: str  # untranslated source text
    filter_fields: Mapping[str, bool]


# A view is listed only when Library.view_counts() reports it: "annotated" appears by itself
# once the library counts annotations and ArticleFilter accepts `annotated`.
SMART_VIEWS = (
    SmartView("all", QCoreApplication.translate("Sidebar", "All Articles"), {}),
    SmartView("unread", QCoreApplication.translate("Sidebar", "Unread"), {"unread": True}),
    SmartView(
        "bookmarked", QCoreApplication.translate("Sidebar", "Bookmarked"), {"bookmarked": True}
    ),
    SmartView("annotated", QCoreApplication.translate("Sidebar", "Annotated"), {"annotated": True}),
    SmartView(
        "recent", QCoreApplication.translate("Sidebar", "Recently Read"), {"recently_read": True}
    ),
    SmartView("trash", QCoreApplication.translate("Sidebar", "Trash"), {"trashed": True}),
)


class SidebarModel(QStandardItemModel):
    """Five groups of rows; dropping articles on a section reports a move."""

    articles_dropped = Signal(list, str)  # article ids, section name
    rebuilt = Signal()  # the rows were replaced (not just their counts)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shape: tuple[tuple[str, ...], ...] = ()

    def show_views(self) -> None:
        """The smart views alone, their counts blank: at start, until the library is counted
        (on a worker), so that a view can be chosen before anything is read."""
        if not self._shape:
            self._rebuild([(v.key, v) for v in SMART_VIEWS], LibraryCounts({}, [], []))

    def populate(self, library_counts: LibraryCounts) -> None:
        """Show new counts; rows are rebuilt only when the set of rows changed."""
        counts, sections, sites = (
            library_counts.views,
            library_counts.sections,
            library_counts.sites,
        )
        views = [(v.key, v) for v in SMART_VIEWS if v.key in counts]
        tags, searches = library_counts.tags, library_counts.searches
        shape = (
            tuple(key for key, _v in views),
            tuple(name for name, _n in sections),
            tuple(name for name, _n in sites),
            tuple(name for name, _n in tags),
            tuple(f"{name}\n{query}" for name, query in searches),
        )
        if shape != self._shape:
            self._rebuild(views, library_counts)
            self._shape = shape
        self._set_counts(0, [counts[key] for key, _v in views])
        self._set_counts(1, [n for _name, n in sections])
        self._set_counts(2, [n for _name, n in sites])
        self._set_counts(3, [n for _name, n in tags])

    def _rebuild(
        self, views: Sequence[tuple[str, SmartView]], library_counts: LibraryCounts
    ) -> None:
        self.clear()
        groups = (
            (
                QCoreApplication.translate("Sidebar", "Library"),
                # i18n: marked where defined (SMART_VIEWS); looked up in the current language
                [(VIEW, key, QCoreApplication.translate("Sidebar", v.label)) for key, v in views],
            ),
            (
                QCoreApplication.translate("Sidebar", "Sections"),
                [(SECTION, n, n) for n, _c in library_counts.sections],
            ),
            (
                QCoreApplication.translate("Sidebar", "Sites"),
                [(SITE, n, n) for n, _c in library_counts.sites],
            ),
            (
                QCoreApplication.translate("Sidebar", "Tags"),
                [(TAG, n, n) for n, _c in library_counts.tags],
            ),
            (
                QCoreApplication.translate("Sidebar", "Saved Searches"),
                [(SEARCH, n, n) for n, _q in library_counts.searches],
            ),
        )
        queries = dict(library_counts.searches)
        for title, rows in groups:
            header = QStandardItem(title)
            header.setData(HEADER, KIND_ROLE)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for kind, key, text in rows:
                item = _row_item(kind, key, text)
                if kind == SEARCH:
                    item.setData(queries[key], QUERY_ROLE)
                    item.setData(f"{key}\n{queries[key]}", Qt.ItemDataRole.ToolTipRole)
                header.appendRow(item)
            self.appendRow(header)
        self.rebuilt.emit()

    def _set_counts(self, group: int, counts: Sequence[int]) -> None:
        header = self.item(group)
        if header is None:
            return
        for row, count in enumerate(counts):
            child = header.child(row)
            if child is not None and child.data(COUNT_ROLE) != count:
                child.setData(count, COUNT_ROLE)

    def filter_for(self, index: Index) -> ArticleFilter | None:
        """The list filter a row stands for (None for group headings)."""
        kind, key = index.data(KIND_ROLE), index.data(KEY_ROLE)
        if kind == VIEW:
            view = next(v for v in SMART_VIEWS if v.key == key)
            fields: dict[str, Any] = dict(view.filter_fields)
            return ArticleFilter(**fields)
        if kind == SECTION:
            return ArticleFilter(section=key)
        if kind == SITE:
            return ArticleFilter(site=key)
        if kind == TAG:
            return ArticleFilter(tag=key)
        return None  # a heading, or a saved search (run as a search, not a filter)

    def index_of(self, kind: str, key: str) -> QModelIndex:
        for group in range(self.rowCount()):
            header = self.index(group, 0)
            for row in range(self.rowCount(header)):
                child = self.index(row, 0, header)
                if child.data(KIND_ROLE) == kind and child.data(KEY_ROLE) == key:
                    return child
        return QModelIndex()

    # -- dropping articles on a section -----------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return parent.data(KIND_ROLE) == SECTION and data.hasFormat(ARTICLE_IDS_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = ids_from_mime(data)
        if ids:
            self.articles_dropped.emit(ids, str(parent.data(KEY_ROLE)))
        # False: the list must not delete its rows as it would after a real move.
        return False


def _row_item(kind: str, key: str, text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(kind, KIND_ROLE)
    item.setData(key, KEY_ROLE)
    item.setData(text, Qt.ItemDataRole.ToolTipRole)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if kind == SECTION:
        flags |= Qt.ItemFlag.ItemIsDropEnabled
    item.setFlags(flags | Qt.ItemFlag.ItemNeverHasChildren)
    return item


def count_text(value: Any) -> str:
    """A count in the user's language (102,000; 102.000 in German), as the status bar's."""
    return QLocale().toString(value) if isinstance(value, int) else ""
