"""Sync in the window: after local changes (debounced) and every few minutes, on its own lane.

The window never waits for a sync: runs go to a one-thread lane, and their outcome comes back
as signals. A status-bar label shows idle (with the last sync), syncing, or the error.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from reader.core.changes import Changes
from reader.gui.tasks import StopFlag, TaskRunner
from reader.services.library import Library
from reader.sync import SyncStatus
from reader.sync.service import Conflict, SyncReport

AFTER_CHANGES_MS = 10_000  # a burst of edits is one sync, ten seconds after the last
EVERY_MS = 5 * 60_000  # other devices' changes arrive at least this often


class SyncController(QObject):
    """Starts sync runs and reports their state; does nothing until sync is set up."""

    state_changed = Signal(str, str)  # "idle" | "syncing" | "error" | "off", and a message
    status_read = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncReport

    def __init__(
        self,
        library: Library,
        parent: QObject | None = None,
        *,
        after_changes_ms: int = AFTER_CHANGES_MS,
        every_ms: int = EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self.lane = TaskRunner(1, self)
        self.state = "off"
        self.configured = False
        self._running = False  # a run or a setup is on the lane (its task may not have ended)
        self._again = False  # a run was asked for while one was going
        self._synced_through = 0  # the change log's last seq when the last run ended
        self._soon = _timer(self, after_changes_ms, self.sync_now, single=True)
        self._periodic = _timer(self, every_ms, self.sync_now, single=False)

    def start(self) -> None:
        """Read whether sync is set up; timers run only if it is."""
        if not self._library.read_only:
            self.read_status()

    def stop(self) -> None:
        self._soon.stop()
        self._periodic.stop()
        self.lane.shut_down()

    def read_status(self) -> None:
        self.lane.start(lambda _stop: self._library.sync.status(), finished=self._on_status)

    def on_local_changes(self, changes: Changes) -> None:
        """The change feed saw changes; a sync follows once they stop coming."""
        # What a run applied from other devices is in the log too: not a reason to sync again.
        if self.configured and changes and changes.last > self._synced_through:
            self._soon.start()

    def sync_now(self) -> None:
        if self._running:
            self._again = True
            return
        self._soon.stop()
        self._running = True
        self._set_state("syncing", self.tr("Syncing…"))
        self.lane.start(self._run, finished=self._on_synced, failed=self._on_failed)

    def setup(self, location: str, author: str, user: str, password: str) -> None:
        """Set sync up from the Preferences, then sync at once."""

        def job(_stop: StopFlag) -> SyncStatus:
            return self._library.sync.setup(
                location, author or None, user=user or None, password=password or None
            )

        self._running = True
        self._set_state("syncing", self.tr("Setting up sync…"))
        self.lane.start(job, finished=self._on_set_up, failed=self._on_failed)

    def conflicts(self) -> list[Conflict]:
        """Read on a worker: the values that lost (for the Conflicts dialog)."""
        return self._library.sync.conflicts()

    def _run(self, _stop: StopFlag) -> tuple[SyncReport, SyncStatus, int]:
        report = self._library.sync_now()
        return report, self._library.sync.status(), self._library.last_change()

    def _on_set_up(self, status: SyncStatus) -> None:
        self._running = False
        self._on_status(status)
        self.sync_now()

    def _on_status(self, status: SyncStatus) -> None:
        self.configured = status.configured
        if status.configured and not self._periodic.isActive():
            self._periodic.start()
        if self.state in ("off", "syncing"):
            self._show_idle(status)
        self.status_read.emit(status)

    def _on_synced(self, outcome: tuple[SyncReport, SyncStatus, int]) -> None:
        report, status, self._synced_through = outcome
        self._running = False
        self._on_status(status)
        self._show_idle(status)
        self.synced.emit(report)
        self._run_again()

    def _on_failed(self, message: str) -> None:
        self._running = False
        self._set_state("error", message)
        self._run_again()

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    def _show_idle(self, status: SyncStatus) -> None:
        if not status.configured:
            self._set_state("off", self.tr("Sync is not set up"))
            return
        when = _local_time(status.last_sync) or self.tr("never")
        self._set_state("idle", self.tr("Last sync {when}").format(when=when))

    def _set_state(self, state: str, message: str) -> None:
        self.state = state
        self.state_changed.emit(state, message)


class SyncIndicator(QLabel):
    """The status bar's word on sync: idle, syncing, or the error (full text as tooltip)."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVisible(False)
        controller.state_changed.connect(self._on_controller_state_changed)

    def _on_controller_state_changed(self, state: str, message: str) -> None:
        labels = {
            "idle": self.tr("Sync: idle"),
            "syncing": self.tr("Sync: syncing…"),
            "error": self.tr("Sync: error"),
        }
        self.setVisible(state in labels)
        self.setText(labels.get(state, ""))
        self.setToolTip(message)
        self.setProperty("syncState", state)


def _timer(parent: QObject, interval_ms: int, slot: object, *, single: bool) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(single)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def _local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
