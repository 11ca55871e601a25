"""Follows the library's change log, so the window shows what any process changed.

A CLI import, the browser connector or a sync running beside the window writes the same
library; every such change is in the log. The feed asks the log what is new every few
seconds, on a worker (the UI thread never waits on the database), and reports one summary.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.changes import Changes
from reader.gui.tasks import StopFlag, TaskRunner
from reader.services.library import Library

POLL_MS = 1500


class ChangeFeed(QObject):
    """Emits `changed(Changes)` once per poll that found anything new."""

    changed = Signal(object)

    def __init__(
        self, library: Library, lane: TaskRunner, parent: QObject, *, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._seen: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._lane.start(lambda _stop: self._library.last_change(), finished=self._on_started)

    def stop(self) -> None:
        self._timer.stop()

    def _on_started(self, seq: int) -> None:
        self._seen = seq
        self._timer.start()

    def poll(self) -> None:
        if self._seen is None or self._lane.busy:
            return
        seen = self._seen
        self._lane.start(lambda stop: self._read(seen, stop), finished=self._on_read)

    def _read(self, seen: int, _stop: StopFlag) -> Changes:
        return self._library.changes_since(seen)

    def _on_read(self, changes: Changes) -> None:
        if not changes or self._seen is None or changes.last <= self._seen:
            return
        self._seen = changes.last
        self.changed.emit(changes)
