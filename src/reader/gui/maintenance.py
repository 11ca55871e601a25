"""Housekeeping off the UI thread: an early search-index check and the periodic backup."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from reader.gui.tasks import TaskRunner
from reader.library import Library

BACKUP_CHECK_MS = 15 * 60 * 1000
FIRST_BACKUP_CHECK_MS = 30 * 1000


class Maintenance(QObject):
    """Starts the chores once the window is up; each runs on a lane, never on the UI thread."""

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
        # The first search checks the index (and rebuilds it when it is unusable): do that now,
        # on the search lane, so that the first query typed is answered at once.
        self._search_lane.start(lambda _stop: self._library.search("", limit=1))
        QTimer.singleShot(FIRST_BACKUP_CHECK_MS, self, self._on_backups_timeout)
        self._backups.start()

    def stop(self) -> None:
        self._backups.stop()

    def _on_backups_timeout(self) -> None:
        if not self._edit_lane.busy:
            self._edit_lane.start(lambda _stop: self._library.backup_if_due())
