"""A full rebuild into a new generation: batched, interruptible and resumable."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import try_for

from reader.errors import SearchError
from reader.search import layout
from reader.search.bulk import ParallelBuilder
from reader.search.documents import SearchDocument
from reader.search.schema import INDEX_FORMAT, annotation_key, make_schema

log = logging.getLogger(__name__)

# A batch is one commit: the unit of progress and of resuming. Each process writing it holds
# its share's postings in memory (~20 bytes per character of text at the peak) and writes
# one segment, so these limits are per process; a batch closes at whichever comes first.
BATCH_DOCS = 2500
BATCH_CHARS = 12_000_000

REBUILD_BUSY = "Another Reader is rebuilding the search index; try again when it has finished."

Acquire = Callable[..., Any]


class Rebuild:
    """One rebuild. Progress is the build index itself: every batch is a commit, so the
    documents already in it are exactly the finished batches, and a resumed rebuild skips
    them."""

    def __init__(self, root: Path, acquire: Acquire, procs: int, batch_size: int) -> None:
        self.root = root
        self.folder = root
        self._acquire = acquire
        self._procs = procs
        # Whole shares per process: segments of the same size whatever the process count,
        # since their number, not their size, is what slows searching down.
        self._batch_docs = max(1, batch_size) * procs
        self._batch_chars = BATCH_CHARS * procs
        self._generation = -1
        self._shared = False

    @contextmanager
    def locked(self, timeout: float) -> Iterator[None]:
        """Hold the root's rebuild lock: one rebuilding process at a time."""
        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileStorage(str(self.root)).lock("REBUILD")
        if not try_for(lock.acquire, timeout=timeout, delay=0.1):
            raise SearchError(REBUILD_BUSY)
        try:
            yield
        finally:
            lock.release()

    def run(
        self,
        documents: Iterable[SearchDocument],
        total: int,
        should_stop: Callable[[], bool],
        write_lock: threading.RLock,
    ) -> Generator[tuple[int, int], None, bool]:
        """Index every document not yet in the build; True when the build is complete."""
        ix, done = self._open()
        seen: set[int] = set()
        batch: list[SearchDocument] = []
        size = processed = 0
        reported = False
        with ParallelBuilder(str(self.folder), self._procs) as builder:
            for doc in documents:
                if doc.id in seen:
                    continue
                seen.add(doc.id)
                if doc.id in done:
                    processed += 1
                    continue
                batch.append(doc)
                size += len(doc.body) + len(doc.title) + len(doc.notes)
                if len(batch) >= self._batch_docs or size >= self._batch_chars:
                    if should_stop():
                        return False
                    self._add(ix, builder, batch, write_lock)
                    processed += len(batch)
                    batch, size = [], 0
                    reported = True
                    yield processed, total
            if batch:
                if should_stop():
                    return False
                self._add(ix, builder, batch, write_lock)
                processed += len(batch)
        self._drop(ix, done - seen, write_lock)
        layout.write_meta(self.folder, INDEX_FORMAT, complete=True)
        if batch or not reported:
            yield processed, total
        return True

    def _open(self) -> tuple[Any, set[int]]:
        """The build index to continue (or a new one) and the ids already in it."""
        folder = layout.resumable_build_dir(self.root, INDEX_FORMAT)
        if folder is not None:
            try:
                ix = FileStorage(str(folder), supports_mmap=False).open_index()
                with ix.reader() as reader:
                    keys = (fields["id"] for _, fields in reader.iter_docs())
                    done = {int(key) for key in keys if key.isdigit()}  # not annotations
                self.folder = folder
                self._generation = ix.latest_generation()
                log.info("resuming the search index rebuild in %s (%d done)", folder, len(done))
                return ix, done
            except Exception:  # noqa: BLE001 - whoosh fails in many ways on damaged files
                log.warning("unfinished rebuild in %s is damaged; starting over", folder)
                shutil.rmtree(folder, ignore_errors=True)
        self.folder = layout.new_build_dir(self.root)
        layout.write_meta(self.folder, INDEX_FORMAT, complete=False)
        ix = FileStorage(str(self.folder), supports_mmap=False).create_index(make_schema())
        self._generation = ix.latest_generation()
        return ix, set()

    def _add(
        self,
        ix: Any,
        builder: ParallelBuilder,
        batch: list[SearchDocument],
        write_lock: threading.RLock,
    ) -> None:
        with write_lock:
            writer = self._acquire(ix, bulk=True)
            try:
                if writer.generation - 1 != self._generation:
                    # Someone else committed here: a change mirrored from the live index,
                    # maybe by another process. From now on, documents already present are
                    # skipped, since their copy is the newer one.
                    self._shared = True
                if self._shared:
                    batch = _not_yet_in(writer.searcher(), batch)
                builder.add_batch(writer, batch)
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                raise
            self._generation = writer.generation

    def _drop(self, ix: Any, stale: set[int], write_lock: threading.RLock) -> None:
        """Remove documents a resumed build had that the library no longer has."""
        if not stale:
            return
        with write_lock:
            writer = self._acquire(ix)
            try:
                for doc_id in stale:
                    writer.delete_by_term("id", str(doc_id))
                    writer.delete_by_term("id", annotation_key(doc_id))
            except BaseException:
                writer.cancel()
                raise
            writer.commit()


def publish(root: Path, folder: Path, timeout: float) -> None:
    """Swap in a finished build while no process is writing the old live index."""
    old = layout.current_dir(root)
    lock = None
    if old is not None and old.is_dir():
        lock = FileStorage(str(old)).lock("MAIN_WRITELOCK")
        if not try_for(lock.acquire, timeout=timeout, delay=0.05):
            log.warning("publishing the rebuilt index while %s is being written", old.name)
            lock = None
    try:
        live = layout.publish(root, folder)
    finally:
        if lock is not None:
            lock.release()
    layout.remove_old(root, live, INDEX_FORMAT)
    log.info("search index rebuilt into %s", live.name)


def tidy(root: Path) -> None:
    """Remove generations left by a crash, unless another process is rebuilding."""
    lock = FileStorage(str(root)).lock("REBUILD")
    if lock.acquire(blocking=False):
        try:
            layout.remove_old(root, layout.current_dir(root), INDEX_FORMAT)
        finally:
            lock.release()


def _not_yet_in(searcher: Any, batch: list[SearchDocument]) -> list[SearchDocument]:
    """The documents of `batch` the build lacks; an annotation document a mirrored change
    wrote already is newer than the batch's copy, so that copy is left out."""
    kept: list[SearchDocument] = []
    for doc in batch:
        if searcher.document_number(id=str(doc.id)) is not None:
            continue
        if searcher.document_number(id=annotation_key(doc.id)) is not None:
            doc = dataclasses.replace(doc, notes="", tags=(), colors=(), bookmarked=False)
        kept.append(doc)
    return kept
