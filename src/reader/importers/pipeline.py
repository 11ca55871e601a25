"""Extraction in input order: a bounded window of files in flight, on all cores when it pays."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from reader.importers.pool import Outcome, WorkerPool, WorkersUnavailable, run_here

K = TypeVar("K")

# The first extractions of an import run in this process: an import of fewer files is over
# before worker processes (about a second to spawn and load the extractors) could help.
SMALL_IMPORT = 8
# Files read and waiting or being extracted, at most; and their bytes (a file is up to the
# size limit, its parse many times that), so memory stays bounded whatever the folder holds.
IN_FLIGHT_PER_PROCESS = 4
IN_FLIGHT_BYTES = 64 * 1024 * 1024
# How often the caller hears from a wait for a slow file (to stop, or commit what is done).
POLL_S = 0.1

Task = tuple[Callable[..., Any], tuple[Any, ...]]


@dataclass
class Job(Generic[K]):
    """One file: `key` comes back with its outcome; `task` is the extraction to run (a
    top-level function and its arguments, so a worker process can run it), or None when
    `ready` already says how the file ends."""

    key: K
    task: Task | None = None
    ready: Outcome[Any] | None = None
    size: int = 0


@dataclass
class _Entry(Generic[K]):
    job: Job[K]
    number: int
    in_pool: bool
    started: bool = False
    outcome: Outcome[Any] | None = field(default=None)


Step = tuple[K, Outcome[Any] | None] | None


def in_order(
    jobs: Iterable[Job[K]],
    processes: int,
    *,
    poll: float = POLL_S,
    pool: WorkerPool | None = None,
) -> Generator[Step[K], None, None]:
    """Run the jobs' extractions, yielding (key, outcome) in the jobs' order.

    Jobs are drawn from `jobs` only as room frees up in the window. With `processes` > 0 an
    import that turns out not to be small runs its extractions in that many worker
    processes; a crashed worker fails only its own job. Given a `pool` (kept by the caller,
    whose own threads must stay responsive), every extraction runs in its workers, small
    imports too; only when workers cannot start here do they run in this process. While the
    next outcome is not ready it yields None every `poll` seconds. Closing the generator
    kills the busy workers (a given pool keeps its idle ones).
    """
    window = _Window(iter(jobs), processes, pool)
    try:
        while True:
            window.fill()
            if not window.pending:
                return
            window.dispatch()
            head = window.pending[0]
            if head.job.task is None:
                head.outcome = head.job.ready
            elif not head.in_pool:
                head.outcome = run_here(*head.job.task)
            if head.outcome is not None or head.job.task is None:
                yield window.pop()
                continue
            window.collect(poll)
            if head.outcome is None:
                yield None
    finally:
        window.close()


class _Window(Generic[K]):
    """The jobs drawn from the source and not yet handed back, oldest first."""

    def __init__(self, source: Iterator[Job[K]], processes: int, pool: WorkerPool | None) -> None:
        self.source: Iterator[Job[K]] | None = source
        self.processes = max(1, processes) if pool is not None else processes
        # A pool handed in takes every extraction from the first; the caller keeps it.
        self.small = 0 if pool is not None else SMALL_IMPORT
        self.given = pool is not None
        self.limit = SMALL_IMPORT + IN_FLIGHT_PER_PROCESS * max(1, processes)
        self.pending: deque[_Entry[K]] = deque()
        self.numbered: dict[int, _Entry[K]] = {}
        self.count = 0
        self.extractions = 0
        self.bytes = 0
        self.pool: WorkerPool | None = pool

    def fill(self) -> None:
        while self.source is not None and len(self.pending) < self.limit:
            if self.pending and self.bytes >= IN_FLIGHT_BYTES:
                return
            job = next(self.source, None)
            if job is None:
                self.source = None
                return
            in_pool = False
            if job.task is not None:
                self.extractions += 1
                in_pool = self.processes > 0 and self.extractions >= self.small
            self.count += 1
            entry = _Entry(job, self.count, in_pool)
            self.pending.append(entry)
            self.numbered[entry.number] = entry
            self.bytes += job.size

    def dispatch(self) -> None:
        """Start waiting pool jobs, oldest first, on idle workers."""
        for entry in self.pending:
            if not entry.in_pool or entry.started:
                continue
            if self.pool is None:
                self.pool = WorkerPool(self.processes)
            if not self.pool.idle():
                return
            assert entry.job.task is not None
            fn, args = entry.job.task
            entry.outcome = self.pool.start(entry.number, fn, args)
            entry.started = True

    def collect(self, timeout: float) -> None:
        if self.pool is None:
            return
        for number, outcome in self.pool.finished(timeout):
            entry = self.numbered[number]
            if isinstance(outcome.error, WorkersUnavailable):
                self.in_process_only()
            else:
                entry.outcome = outcome

    def in_process_only(self) -> None:
        """No more worker processes: every job not done yet runs here, in order."""
        self.processes = 0
        for entry in self.pending:
            if entry.outcome is None:
                entry.in_pool = entry.started = False
        self.close()

    def pop(self) -> tuple[K, Outcome[Any] | None]:
        entry = self.pending.popleft()
        del self.numbered[entry.number]
        self.bytes -= entry.job.size
        entry.job.task = None  # the file's bytes can go now
        return entry.job.key, entry.outcome

    def close(self) -> None:
        if self.pool is not None:
            if self.given:
                self.pool.cancel()
            else:
                self.pool.close()
            self.pool = None
