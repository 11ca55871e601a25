"""Search as you type: each query runs off the UI thread; answers to stale queries are dropped."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from reader.core.notices import Notice
from reader.gui.models.search_results import SearchOutcome
from reader.gui.notices import english_text, notices_text
from reader.gui.tasks import StopFlag, Task, TaskRunner
from reader.services.library import Library

RESULT_LIMIT = 100


def search_job(library: Library, query: str, stop: StopFlag) -> SearchOutcome | None:
    # Superseded while waiting for the lane: skip the work entirely.
    if stop():
        return None
    result = library.search(query, limit=RESULT_LIMIT)
    if stop():
        return None
    summaries = library.summaries([hit.id for hit in result.hits])
    # Snippets are made when the view first paints a row (SNIPPET_ROLE), not for all hits.
    snippets = functools.partial(library.snippets, terms=result.terms)
    return SearchOutcome(query, result, summaries, snippets)


def _told(message: str | None, notices: Sequence[Notice]) -> str | None:
    """What the search says about the query, translated when it is only its notices."""
    if message and message == english_text(notices):
        return notices_text(notices)
    return message  # notices that do not add up to it: say what the services said


class LibrarySearch(QObject):
    """Numbers every query and reports only the answer to the latest one."""

    search_finished = Signal(object)  # SearchOutcome
    search_failed = Signal(str)
    search_cleared = Signal()

    def __init__(self, library: Library, lane: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._sequence = 0
        self._pending: Task | None = None
        self.query = ""

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def run(self, query: str) -> None:
        self._sequence += 1
        sequence = self._sequence
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self.query = query.strip()
        if not self.query:
            self.search_cleared.emit()
            return
        text = self.query
        self._pending = self._lane.start(
            lambda stop: search_job(self._library, text, stop),
            finished=functools.partial(self._on_task_finished, sequence),
            failed=functools.partial(self._on_task_failed, sequence),
        )

    def describe(self, outcome: SearchOutcome) -> tuple[str, str]:
        """The status-bar line for an answer, and what an empty result list says."""
        result, query = outcome.result, outcome.query
        if result.total == 0:
            status = self.tr("No results for “{query}”").format(query=query)
        elif result.total == 1:
            status = self.tr("1 result for “{query}”").format(query=query)
        else:
            status = self.tr("{n} results for “{query}”").format(n=result.total, query=query)
        empty = self.tr("No articles match “{query}”.").format(query=query)
        told = _told(result.message, result.notices)
        return told or status, told or empty

    def _on_task_finished(self, sequence: int, outcome: SearchOutcome | None) -> None:
        if sequence != self._sequence or outcome is None:
            return
        self._pending = None
        self.search_finished.emit(outcome)

    def _on_task_failed(self, sequence: int, message: str) -> None:
        if sequence != self._sequence:
            return
        self._pending = None
        self.search_failed.emit(message)
