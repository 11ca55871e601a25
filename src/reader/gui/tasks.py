"""Background jobs: plain (generator) functions run on a QThreadPool, reported as Qt signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from reader.errors import ReaderError

log = logging.getLogger(__name__)

StopFlag = Callable[[], bool]
# A job receives a stop flag and returns a value, or a generator whose items are progress
# reports and whose return value is the result.
Job = Callable[[StopFlag], Any]
Slot = Callable[[Any], None]


class Task(QObject):
    """One job on a worker thread. Its signals are delivered on the thread that created it."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()  # after any of finished, failed or cancelled

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it may still finish the step in hand."""
        self._stop.set()

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        """Runs on a pool thread: touches no widget, only emits signals."""
        try:
            outcome = self._job(self._stop.is_set)
            if isinstance(outcome, Iterator):
                outcome = self._drain(outcome)
        except ReaderError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            log.exception("background task failed")
            self.failed.emit(f"internal error: {exc!r}")
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(outcome)
        self.ended.emit()

    def _drain(self, steps: Iterator[Any]) -> Any:
        while True:
            try:
                step = next(steps)
            except StopIteration as stop:
                return stop.value
            self.progressed.emit(step)
            if self._stop.is_set():
                close = getattr(steps, "close", None)
                if close is not None:
                    close()
                return None


class TaskRunner(QObject):
    """A lane of worker threads (one thread makes a serial lane, e.g. for writes)."""

    task_ended = Signal()  # after each task's own handlers: the window reads the change log

    def __init__(self, threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        # Keep the threads: the search engine keeps one searcher per thread, worth reusing.
        self._pool.setExpiryTimeout(-1)
        self._tasks: set[Task] = set()

    def start(
        self,
        job: Job,
        *,
        progressed: Slot | None = None,
        finished: Slot | None = None,
        failed: Slot | None = None,
        cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run a job; the handlers are connected before it starts, so no report is missed."""
        # Parented to the runner so that Qt, not a worker thread's last Python reference,
        # decides when the task object is destroyed.
        task = Task(job, self)
        for signal, handler in (
            (task.progressed, progressed),
            (task.finished, finished),
            (task.failed, failed),
            (task.cancelled, cancelled),
        ):
            if handler is not None:
                signal.connect(handler)
        self._tasks.add(task)
        # A bound method of the runner, not a partial: Qt then knows the receiver and drops
        # the queued end when the runner is gone (a lane dropped right after its task ran
        # was called from the queue after its C++ object was deleted, and crashed).
        task.ended.connect(self._on_task_ended)
        self._pool.start(task.run)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def shut_down(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything and wait for the threads; True when they all stopped in time."""
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    def _on_task_ended(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            self._tasks.discard(task)
            task.deleteLater()
        self.task_ended.emit()
