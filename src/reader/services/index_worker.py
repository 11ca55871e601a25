"""The search index's catch-up in a worker process, for front ends whose own threads must stay
responsive (the window)."""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.errors import SearchError
from reader.workers import background_worker

log = logging.getLogger(__name__)

CRASHED = "the search index worker ended unexpectedly; the changes stay queued"


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
    (see background_worker).
    """

    def __init__(self, database: Path, index_root: Path) -> None:
        self._database = database
        self._index_root = index_root
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._queued: Future[int] | None = None

    def catch_up(self) -> int:
        """Bring the index up to date with the log in the worker; how many articles it
        re-indexed. Raises what the worker's flush raised (ReaderError for the expected).

        Catch-ups run one after another in the one worker, so this one, started last, sees
        every change committed before it. A worker that died (killed, out of memory) is
        replaced and the catch-up tried again: applying the log twice is harmless."""
        for attempt in (1, 2):
            try:
                return self._submit().result()
            except BrokenProcessPool as exc:
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
        queued = self._submit()
        queued.add_done_callback(self._finished)
        with self._lock:
            self._queued = queued

    def _finished(self, done: Future[int]) -> None:
        if done.cancelled():
            return
        exc = done.exception()
        if isinstance(exc, BrokenProcessPool):
            self._broken = True
            exc = SearchError(CRASHED)
        if exc is not None:
            log.warning("search index not updated (will retry): %s", exc)

    def _submit(self) -> Future[int]:
        with self._lock:
            try:
                return self._executor().submit(catch_up, self._database, self._index_root)
            except BrokenProcessPool:  # the worker died since the last catch-up
                self._broken = True
                return self._executor().submit(catch_up, self._database, self._index_root)

    def _executor(self) -> ProcessPoolExecutor:
        if self._broken and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._broken = False
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=background_worker)
        return self._pool

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


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
        indexer = Indexer(db, articles, index_root, annotation_extras(AnnotationStore(db)))
        try:
            return indexer.flush()
        finally:
            indexer.close()
    finally:
        db.close()
