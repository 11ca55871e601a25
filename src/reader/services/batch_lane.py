"""A writer lane: batches stored one after another in a thread of their own, in order.

An import hands each batch of extracted files to the lane and goes straight back to feeding
the extraction workers: while a batch is written and synced, the workers already extract
the next one, instead of waiting for the commit with nothing to do.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Batches handed over and not yet being stored, at most: the caller waits beyond that, so
# extraction never runs far ahead of the disk.
WAITING = 1


class BatchLane(Generic[T, R]):
    """Runs `store` on each batch put(), in order, in one thread; the results come back
    through done() and finish(), each batch's only once `store` returned it.

    A batch whose `store` raises ends the lane: later batches are not stored, and the
    exception is raised to the caller by the next done() or finish(). Leaving the lane
    early (an exception, or the caller closing its import) stores no batch still waiting
    and waits for the one being stored.
    """

    def __init__(self, store: Callable[[T], list[R]]) -> None:
        self._store = store
        self._todo: queue.Queue[T | None] = queue.Queue(maxsize=WAITING)
        self._done: queue.Queue[list[R] | BaseException] = queue.Queue()
        self._pending = 0
        self._abandoned = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reader-writer-lane", daemon=True)
        self._thread.start()

    def __enter__(self) -> BatchLane[T, R]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is not None or self._pending:
            self._abandoned.set()
        self._todo.put(None)
        self._thread.join()

    def put(self, batch: T) -> None:
        """Hand a batch over; waits while WAITING batches wait already."""
        self._pending += 1
        self._todo.put(batch)

    def done(self) -> Iterator[R]:
        """The results of the batches stored so far, without waiting."""
        while True:
            try:
                outcome = self._done.get_nowait()
            except queue.Empty:
                return
            yield from self._results(outcome)

    def finish(self) -> Iterator[R]:
        """The results of every batch handed over, waiting for them."""
        while self._pending:
            yield from self._results(self._done.get())

    def _results(self, outcome: list[R] | BaseException) -> list[R]:
        self._pending -= 1
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def _run(self) -> None:
        failed = False
        while (batch := self._todo.get()) is not None:
            if failed or self._abandoned.is_set():
                self._done.put([])
                continue
            try:
                self._done.put(self._store(batch))
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                failed = True
                self._done.put(exc)
