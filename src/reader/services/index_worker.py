"""The search index's catch-up in a worker process, for front ends whose own threads must stay
responsive (the window)."""

from __future__ import annotations

import logging
import multiprocessing
import threading
import weakref
from collections.abc import Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import SearchError
from reader.workers import background_worker

if TYPE_CHECKING:  # ctypes loads when the first worker starts, not with the window
    from multiprocessing.sharedctypes import Synchronized

log = logging.getLogger(__name__)

CRASHED = "the search index worker ended unexpectedly; the changes stay queued"
STOPPED = "the search index worker was stopped; the changes stay queued"

# What the worker is doing, in a value both processes share (see IndexWorker.close).
IDLE, WRITING, STOPPING = 0, 1, 2


class WorkerStopped(SearchError):
    """The catch-up was cut short because the worker was stopped (the window closed)."""


class IndexWorker:
    """One spawned process that applies the change log to the index (Indexer.flush).

    Whoosh's indexing is pure Python: on any thread of the window it holds the interpreter
    lock for most of a commit (hundreds of ms when segments merge), and the UI thread waits.
    In a process of its own it only shares the cores. The process opens the library and the
    index itself: the index's write lock orders it with any other writer, and the log's
    cursor (written by the worker after each index commit, as an in-process flush does)
    keeps a crash from losing a change. The window's searcher reopens on the new generation.

    Spawned, not forked (Qt threads), on first use, and kept for later catch-ups; it runs
    below this process's priority and ends when this process does, even killed outright
    (see background_worker). Closing never waits for it to start up or to read: only a
    batch it is writing is finished first (see close).
    """

    def __init__(self, database: Path, index_root: Path) -> None:
        self._database = database
        self._index_root = index_root
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._state: Synchronized[int] | None = None
        self._broken = False
        self._refusing = False  # stopped for good (see stop) until resumed
        self._queued: Future[int] | None = None
        self._pending: set[Future[int]] = set()
        # Catch-ups cut short by close: their failure is no crash, and nobody is told of it.
        self._stopped: weakref.WeakSet[Future[int]] = weakref.WeakSet()

    def catch_up(self) -> int:
        """Bring the index up to date with the log in the worker; how many articles it
        re-indexed. Raises what the worker's flush raised (ReaderError for the expected).

        Catch-ups run one after another in the one worker, so this one, started last, sees
        every change committed before it. A worker that died (killed, out of memory) is
        replaced and the catch-up tried again: applying the log twice is harmless. One
        stopped by close is not: WorkerStopped (the log keeps the changes)."""
        for attempt in (1, 2):
            future = self._submit()
            try:
                return future.result()
            except CancelledError as exc:  # close dropped it before the worker took it
                raise WorkerStopped(STOPPED) from exc
            except BrokenProcessPool as exc:
                if self._was_stopped(future):
                    raise WorkerStopped(STOPPED) from exc
                self._broken = True
                if attempt == 2:
                    raise SearchError(CRASHED) from exc
        raise AssertionError("unreachable")

    def catch_up_soon(self) -> None:
        """Start a catch-up and return at once (after a change: the writer goes on with its
        work meanwhile); a failure is logged, and the log keeps the changes for the next one.
        One not yet started already covers the newest changes: no second one is queued."""
        with self._lock:
            if self._queued is not None and not self._queued.running() and not self._queued.done():
                return
        try:
            queued = self._submit()
        except WorkerStopped:
            return  # the log keeps the change for the next start
        queued.add_done_callback(self._finished)
        with self._lock:
            self._queued = queued

    def _finished(self, done: Future[int]) -> None:
        if done.cancelled():
            return
        exc = done.exception()
        if isinstance(exc, (BrokenProcessPool, WorkerStopped)) and self._was_stopped(done):
            return  # closed meanwhile: the next start catches up from the log
        if isinstance(exc, BrokenProcessPool):
            self._broken = True
            exc = SearchError(CRASHED)
        if exc is not None:
            log.warning("search index not updated (will retry): %s", exc)

    def _was_stopped(self, future: Future[int]) -> bool:
        with self._lock:
            return future in self._stopped

    def _submit(self) -> Future[int]:
        with self._lock:
            if self._refusing:
                raise WorkerStopped(STOPPED)
            try:
                future = self._executor().submit(catch_up, self._database, self._index_root)
            except BrokenProcessPool:  # the worker died since the last catch-up
                self._broken = True
                future = self._executor().submit(catch_up, self._database, self._index_root)
            self._pending.add(future)
        future.add_done_callback(self._ended)
        return future

    def _ended(self, future: Future[int]) -> None:
        with self._lock:
            self._pending.discard(future)

    def _executor(self) -> ProcessPoolExecutor:
        if self._broken and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._broken = False
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._state = context.Value("i", IDLE)
            self._pool = ProcessPoolExecutor(
                1, mp_context=context, initializer=_started, initargs=(self._state,)
            )
        return self._pool

    @property
    def writing(self) -> bool:
        """Whether the worker is writing a batch now (one close would wait for)."""
        state = self._state
        return state is not None and state.value == WRITING

    def stop(self) -> None:
        """close, and start no worker again until resumed: the window is closing, and a
        catch-up asked for meanwhile (a search still under way) fails at once with
        WorkerStopped instead of starting a worker the closing would wait for."""
        with self._lock:
            self._refusing = True
        self.close()

    def resume(self) -> None:
        self._refusing = False

    def close(self) -> None:
        """Stop the worker (a later catch-up starts another). One writing a batch finishes
        it (its commits and the cursor after them) and stops there; one starting up, reading
        or idle is ended at once: it holds nothing a kill could damage (the index's lock is a
        file lock the system releases), and the log keeps every change it did not apply for
        the next catch-up."""
        with self._lock:
            pool, state = self._pool, self._state
            self._pool = self._state = None
            if pool is None or state is None:
                return
            self._stopped.update(self._pending)
        with state.get_lock():
            writing = state.value == WRITING
            state.value = STOPPING  # from now on the worker begins no batch
        if not writing:
            # Killed outright: a worker the system has stopped or not scheduled yet ends
            # at once all the same. (Python 3.14 has ProcessPoolExecutor.kill_workers.)
            for process in list(pool._processes.values()):
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)


_state: Synchronized[int] | None = None  # the worker's side of IndexWorker's state


def _started(state: Synchronized[int]) -> None:
    global _state
    _state = state
    background_worker()


@contextmanager
def _writing() -> Iterator[None]:
    """Around each batch the worker writes (index commits, then the cursor): close waits for
    it to end rather than kill it, and no batch begins once close asked the worker to stop."""
    if _state is None:  # run in-process (tests)
        yield
        return
    with _state.get_lock():
        if _state.value == STOPPING:
            raise WorkerStopped(STOPPED)
        _state.value = WRITING
    try:
        yield
    finally:
        with _state.get_lock():
            stop = _state.value == STOPPING
            if not stop:
                _state.value = IDLE
    if stop:
        raise WorkerStopped(STOPPED)


def catch_up(database: Path, index_root: Path) -> int:
    """Worker side: open the library's database and index, apply the log, close them.

    The database is opened without the library lock: the process that started this worker
    holds it for as long as the worker lives.
    """
    from reader.services.indexer import Indexer, annotation_extras
    from reader.storage.annotations import AnnotationStore
    from reader.storage.articles import ArticleStore
    from reader.storage.database import Database

    db = Database(database)
    try:
        articles = ArticleStore(db)
        extras = annotation_extras(AnnotationStore(db))
        indexer = Indexer(db, articles, index_root, extras, batch_guard=_writing)
        try:
            return indexer.flush()
        finally:
            indexer.close()
    finally:
        db.close()
