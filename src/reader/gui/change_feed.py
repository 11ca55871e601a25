"""Follows the library's change log: the one source of what the window's views show.

Every change is in the log: this window's own operations, and a CLI import, the browser
connector or a sync running beside it. The feed asks the log what is new when one of the
window's operations has finished (`catch_up`) and every few seconds for the others, on a
worker (the UI thread never waits on the database), and reports one summary per read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.changes import Changes
from reader.gui.tasks import StopFlag, TaskRunner
from reader.services.library import Library

POLL_MS = 1500

# Which of this window's operations made a change, for the views to weigh it (Anki's
# OpChanges handler): none means another process, or an operation that did not say.
COMMAND = "command"  # an explicit command (menu, drop, dialog, undo): lists are queried again
NOTES = "notes"  # the notes panel's own edit: the panel shows it already
READING = "reading"  # opening an article marks it read: its row stays where it is


@dataclass(frozen=True)
class Update:
    """One read of the change log: what changed, and which of the window's operations did it."""

    changes: Changes
    origins: frozenset[str] = frozenset()


class ChangeFeed(QObject):
    """Emits `changed(Changes)` and `updated(Update)` once per read that found anything new."""

    changed = Signal(object)
    updated = Signal(object)

    def __init__(
        self,
        library: Library,
        lane: TaskRunner,
        parent: QObject,
        *,
        poll_ms: int | None = None,
        edits: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._edits = edits
        self._seen: int | None = None
        self._reading = False  # one read at a time: a burst of operations makes few reads
        self._wanted = False
        self._origins: set[str] = set()
        self._stopped = False
        self._timer = QTimer(self)
        # POLL_MS read here, not bound as a default: a test of changes made elsewhere sets a
        # shorter poll for the windows it makes.
        self._timer.setInterval(POLL_MS if poll_ms is None else poll_ms)
        self._timer.timeout.connect(self.poll)

    @property
    def busy(self) -> bool:
        """A read is running or asked for: what the log holds is not shown yet."""
        return self._reading or self._wanted

    def start(self) -> None:
        self._lane.start(lambda _stop: self._library.last_change(), finished=self._on_started)

    def stop(self) -> None:
        """No more reads or reports: the window is closing (the library closes after it)."""
        self._timer.stop()
        self._stopped = True

    def poll(self) -> None:
        self.catch_up()

    def catch_up(self, origin: str | None = None) -> None:
        """Read what is new now: called when an operation of this window has finished."""
        self._wanted = True
        if origin is not None:
            self._origins.add(origin)
        self._read_next()

    def _on_started(self, seq: int) -> None:
        self._seen = seq
        self._timer.start()
        self._read_next()

    def _read_next(self) -> None:
        if self._seen is None or self._reading or not self._wanted or self._stopped:
            return
        if not self._origins and self._edits is not None and self._edits.busy:
            # An edit is under way: its changes are read once it says it is done, with its
            # origin (its lane's end asks again), not picked up half-announced by a poll.
            return
        self._wanted, self._reading = False, True
        seen, origins = self._seen, frozenset(self._origins)
        self._origins.clear()
        self._lane.start(
            lambda stop: self._read(seen, stop),
            finished=lambda changes: self._on_read(changes, origins),
            failed=lambda _message: self._on_failed(origins),
            cancelled=lambda: self._on_failed(origins),
        )

    def _on_failed(self, origins: frozenset[str]) -> None:
        # Kept for the next poll's read (a busy database, or the window closing).
        self._reading = False
        self._origins |= origins

    def _read(self, seen: int, _stop: StopFlag) -> Changes:
        return self._library.changes_since(seen)

    def _on_read(self, changes: Changes, origins: frozenset[str]) -> None:
        self._reading = False
        if self._stopped:
            return
        if self._origins:
            # An operation of this window ended while this read ran: its changes may be in
            # it. Read again from the same place, so they all carry that operation's origin.
            self._origins |= origins
            self._wanted = True
        elif changes and self._seen is not None and changes.last > self._seen:
            self._seen = changes.last
            self.changed.emit(changes)
            self.updated.emit(Update(changes, origins))
        self._read_next()
