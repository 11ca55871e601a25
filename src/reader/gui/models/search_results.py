"""The search-results model: the hits of one query, with their snippets and metadata."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from reader.core.article import ArticleSummary
from reader.gui.models.articles import COLUMN_SORTS, ArticleColumns, Index

if TYPE_CHECKING:  # the search engine loads on the first search, not with the window
    from reader.search import SearchHit, SearchResult, Snippet

# Snippets of some hits, by id; given the ids of the rows being painted.
SnippetSource = Callable[[Sequence[int]], dict[int, "Snippet"]]


SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 10
TERMS_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True)
class SearchOutcome:
    """A finished search: the query, the engine's answer, the rows to show for it and where
    to get a row's snippet when it is first shown."""

    query: str
    result: SearchResult
    summaries: dict[int, ArticleSummary] = field(default_factory=dict)
    snippets: SnippetSource | None = None

    def rows(self) -> list[tuple[SearchHit, ArticleSummary]]:
        """Hits in rank order whose article still exists."""
        return [(h, self.summaries[h.id]) for h in self.result.hits if h.id in self.summaries]


class SearchResultsModel(ArticleColumns):
    """Rows of (hit, summary); the title column also carries the snippet for the delegate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[SearchHit, ArticleSummary]] = []
        self._terms: tuple[str, ...] = ()
        self._source: SnippetSource | None = None
        # Snippets made so far, by article id: only rows that were painted (or opened) ask.
        self._snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]] = {}

    def set_outcome(self, outcome: SearchOutcome | None) -> None:
        self.beginResetModel()
        self._rows = outcome.rows() if outcome else []
        self._terms = tuple(outcome.result.terms) if outcome else ()
        self._source = outcome.snippets if outcome else None
        self._snippets = {}
        self.endResetModel()

    def snippet_at(self, row: int) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The row's snippet and its marked spans, made the first time it is asked for."""
        hit = self.hit_at(row)
        if hit is None:
            return "", ()
        if hit.id not in self._snippets:
            if hit.snippet or self._source is None:
                self._snippets[hit.id] = hit.snippet, tuple(hit.snippet_spans)
            else:
                made = self._source([hit.id]).get(hit.id)
                self._snippets[hit.id] = (made.text, made.spans) if made else ("", ())
        return self._snippets[hit.id]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def article_id(self, row: int) -> int | None:
        return self._rows[row][0].id if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        for row, (hit, _summary) in enumerate(self._rows):
            if hit.id == article_id:
                return row
        return None

    def summary_at(self, row: int) -> ArticleSummary | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def hit_at(self, row: int) -> SearchHit | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def terms_for(self, row: int) -> tuple[str, ...]:
        """Words to mark in the pane: the query's terms and what this hit's snippet matched."""
        if self.hit_at(row) is None:
            return self._terms
        snippet, spans = self.snippet_at(row)
        matched = (snippet[start:end] for start, end in spans)
        return tuple(dict.fromkeys((*self._terms, *matched)))

    def role_data(self, index: Index, role: int) -> Any:
        if 0 <= index.row() < len(self._rows):
            if role == SNIPPET_ROLE:
                return self.snippet_at(index.row())
            if role == TERMS_ROLE:
                return self.terms_for(index.row())
        return super().role_data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Hits are few (one page), so sorting them happens here rather than in the index."""
        if not 0 <= column < len(COLUMN_SORTS):
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._rows.sort(
            key=lambda row: _sort_text(row[1], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._move_persistent_indexes(old)
        self.layoutChanged.emit()

    def _move_persistent_indexes(self, old: Sequence[tuple[SearchHit, ArticleSummary]]) -> None:
        rows = {hit.id: row for row, (hit, _s) in enumerate(self._rows)}
        before = self.persistentIndexList()
        after = [
            self.index(rows[old[ix.row()][0].id], ix.column()) if ix.row() < len(old) else ix
            for ix in before
        ]
        self.changePersistentIndexList(before, after)


def _sort_text(summary: ArticleSummary, column: int) -> str:
    if column == 0:
        return summary.title.casefold()
    if column == 1:
        return (summary.site or "").casefold()
    if column == 2:
        return (summary.section or "").casefold()
    return (summary.published or summary.added.date()).isoformat()
