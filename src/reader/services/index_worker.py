"""The search index's catch-up in a worker process, for front ends whose own threads must stay
responsive (the window)."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.errors import SearchError
from reader.workers import exit_with_parent

CRASHED = "the search index worker ended unexpectedly; the changes stay queued"


class IndexWorker:
    """One spawned process that applies the change log to the index (Indexer.flush).

    Whoosh's indexing is pure Python: on any thread of the window it holds the interpreter
    lock for most of a commit (hundreds of ms when segments merge), and the UI thread waits.
    In a process of its own it only shares the cores. The process opens the library and the
    index itself: the index's write lock orders it with any other writer, and the log's
    cursor (written by the worker after each index commit, as an in-process flush does)
    keeps a crash from losing a change. The window's searcher reopens on the new generation.

    Spawned, not forked (Qt threads), on first use, and kept for later catch-ups; it ends
    when this process does, even killed outright (see exit_with_parent).
    """

    def __init__(self, database: Path, index_root: Path) -> None:
        self._database = database
        self._index_root = index_root
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def catch_up(self) -> int:
        """Bring the index up to date with the log in the worker; how many articles it
        re-indexed. Raises what the worker's flush raised (ReaderError for the expected)."""
        with self._lock:  # one catch-up at a time: a second one would find nothing to do
            try:
                return self._executor().submit(catch_up, self._database, self._index_root).result()
            except BrokenProcessPool as exc:
                self._close()  # a new worker next time
                raise SearchError(CRASHED) from exc

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=exit_with_parent)
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
