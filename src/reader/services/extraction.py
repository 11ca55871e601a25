"""Where imports and captures extract: in this process, or (for the window) always in worker
processes, kept warm between imports."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from reader.importers.pool import WorkerPool, cores

T = TypeVar("T")

# After an import the window keeps this many workers, for this long: a file dropped on the
# window a minute later is extracted at once instead of after a worker's start (about a
# second), and an idle window does not hold the workers' memory for ever.
KEPT_WORKERS = 1
KEEP_S = 300.0
# How often a wait for one extraction looks up (a worker's death shows at once regardless).
POLL_S = 0.1


class Extraction:
    """Runs extractions for the import and capture services.

    By default (the command line) an import extracts its first files in this process and a
    capture extracts here too: nothing waits for a worker to start. A front end whose own
    threads must stay responsive calls `in_workers`: from then on every extraction runs in
    a worker process. Extraction is CPU work in Python and C (parsers, regular expressions,
    module loading on first use) that holds the interpreter lock for up to hundreds of
    milliseconds at a time; on any thread of the window the UI thread would wait for it.

    The workers of an import are kept for the next one (KEPT_WORKERS for KEEP_S); one
    import's pool is never shared with another running at the same time: each takes the
    kept pool or a new one, and the last to finish keeps its pool.
    """

    def __init__(self) -> None:
        self._isolated = False
        self._lock = threading.Lock()
        self._kept: WorkerPool | None = None
        self._timer: threading.Timer | None = None

    def in_workers(self) -> None:
        self._isolated = True

    @contextmanager
    def workers(self) -> Iterator[WorkerPool | None]:
        """The pool an import hands its extractions to, or None when they may run here (the
        import then starts its own workers once it is large: see pipeline.in_order)."""
        if not self._isolated:
            yield None
            return
        pool = self._take()
        try:
            yield pool
        finally:
            pool.cancel()  # a task still running was abandoned (a cancelled import)
            self._keep(pool)

    def run(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        """One extraction (a top-level function and its arguments): its value, or what it
        raised; in a worker when isolated, else here."""
        if not self._isolated:
            return fn(*args)
        with self.workers() as pool:
            assert pool is not None
            return pool.run(fn, args, POLL_S).get()

    def close(self) -> None:
        """Stop the kept workers now (the library is closing); a running import's stop when
        it ends."""
        with self._lock:
            kept, self._kept = self._kept, None
            self._isolated = False
            self._cancel_timer()
        if kept is not None:
            kept.close()

    def _take(self) -> WorkerPool:
        with self._lock:
            kept, self._kept = self._kept, None
            self._cancel_timer()
        return kept if kept is not None else WorkerPool(cores(), idle=True)

    def _keep(self, pool: WorkerPool) -> None:
        pool.keep(KEPT_WORKERS)
        with self._lock:
            if pool.unavailable:
                # Workers cannot start here (logged once by the pool): from now on extract in
                # this process rather than fail a start before every import and capture.
                self._isolated = False
            keep = self._isolated and self._kept is None and pool.workers() > 0
            if keep:
                self._kept = pool
                self._timer = threading.Timer(KEEP_S, self._expire, args=(pool,))
                self._timer.daemon = True
                self._timer.start()
        if not keep:
            pool.close()

    def _expire(self, pool: WorkerPool) -> None:
        with self._lock:
            if self._kept is not pool:
                return  # taken meanwhile
            self._kept = self._timer = None
        pool.close()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
