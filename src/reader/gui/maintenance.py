"""Housekeeping off the UI thread: an early search-index check and the periodic backup."""

from __future__ import annotations

from collections.abc import Callable, Generator

from PySide6.QtCore import QObject, QTimer, Signal

from reader.gui.tasks import TaskRunner
from reader.services.library import Library

BACKUP_CHECK_MS = 15 * 60 * 1000
FIRST_BACKUP_CHECK_MS = 30 * 1000


class Maintenance(QObject):
    """Starts the chores once the window is up; each runs on a lane, never on the UI thread."""

    status_changed = Signal(str)  # a line for the status bar (index rebuild progress)

    def __init__(
        self, library: Library, search_lane: TaskRunner, edit_lane: TaskRunner, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._search_lane = search_lane
        self._edit_lane = edit_lane
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self._on_backups_timeout)

    def start(self) -> None:
        # Check the index now, on the search lane, so that the first query typed is answered at
        # once; when it must be rebuilt, the status bar shows how far the rebuild has got.
        self._search_lane.start(
            self._check_index,
            progressed=self._on_index_progressed,
            finished=self._on_index_finished,
            failed=self.status_changed.emit,
        )
        QTimer.singleShot(FIRST_BACKUP_CHECK_MS, self, self._on_backups_timeout)
        self._backups.start()

    def _check_index(
        self, stop: Callable[[], bool]
    ) -> Generator[tuple[int, int], None, str] | None:
        first = not self._library.paths.index_root.exists()
        problem = self._library.search_index_problem()
        if problem is None:
            self._library.search("", limit=1)  # opens the searcher while nobody waits
            return None
        return self._rebuild(stop, "" if first else problem)

    def _rebuild(
        self, stop: Callable[[], bool], problem: str
    ) -> Generator[tuple[int, int], None, str]:
        yield from self._library.rebuild_search_index(stop)
        return problem

    def _on_index_progressed(self, step: tuple[int, int]) -> None:
        done, total = step
        self.status_changed.emit(
            self.tr("Rebuilding the search index: {done} of {total} articles").format(
                done=done, total=total
            )
        )

    def _on_index_finished(self, problem: object) -> None:
        if problem == "":  # a new library's first index: nothing went wrong
            self.status_changed.emit(self.tr("Search index built."))
        elif problem:
            self.status_changed.emit(
                self.tr("Search index rebuilt ({reason}).").format(reason=problem)
            )

    def stop(self) -> None:
        self._backups.stop()

    def _on_backups_timeout(self) -> None:
        if not self._edit_lane.busy:
            self._edit_lane.start(lambda _stop: self._library.backup_if_due())
