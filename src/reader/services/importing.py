"""Importing files into the library: read, extracted on all cores, stored in batches."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.article import Article
from reader.importers import (
    LocalImages,
    Skipped,
    display_path,
    import_contents,
    read_file,
    walk_paths,
)
from reader.importers.pipeline import Job, in_order
from reader.importers.pool import Outcome, WorkerPool
from reader.services.batch_lane import BatchLane
from reader.services.extraction import Extraction

# What an import answers, and what the GUI and CLI are handed, from where they always were.
from reader.services.import_results import FoundFiles as FoundFiles
from reader.services.import_results import ImportOptions as ImportOptions
from reader.services.import_results import ImportResult as ImportResult
from reader.services.import_results import ImportStatus as ImportStatus
from reader.services.import_results import failed as failed
from reader.services.import_results import skipped_kinds as skipped_kinds
from reader.services.import_writer import ImportFile, ImportWriter
from reader.services.stores import Stores
from reader.storage import sources
from reader.storage.sources import FileState, file_state

# During a long import the search index catches up every this many files.
INDEX_EVERY = 200
# Imported files are committed together, one durable sync for up to this many files or
# files ready for this long: a sync per file kept imports waiting on the disk most of the time.
BATCH_FILES = 50
BATCH_S = 0.5


class _Storing:
    """The writer lane's work: a batch stored, then the search index caught up every
    INDEX_EVERY files."""

    def __init__(self, importing: Importing, options: ImportOptions) -> None:
        self.importing = importing
        self.options = options
        self.stored = 0

    def batch(self, batch: list[tuple[ImportFile, Outcome[Any] | None]]) -> list[ImportResult]:
        results = self.importing.writer.store_batch(batch, self.options)
        before, self.stored = self.stored, self.stored + len(batch)
        if self.stored // INDEX_EVERY > before // INDEX_EVERY:
            self.importing._index()
        return results


def extraction_processes() -> int:
    """Worker processes for a large import's extraction: one per core (this process mostly
    waits for them and writes)."""
    return os.cpu_count() or 1


class Importing:
    """The import operations: files (read, extracted, stored in batches) and articles.

    Changes are counted through `changed` (for the backup counter); `index` brings the
    search index up to date during a long import and at its end.
    """

    def __init__(
        self,
        stores: Stores,
        *,
        changed: Callable[[int], None],
        index: Callable[[], None],
        extraction: Extraction | None = None,
    ) -> None:
        self.db = stores.db
        self.writer = ImportWriter(stores, changed=changed)
        self._index = index
        # Where files are extracted: see Extraction (captures extract through it too).
        self.extraction = extraction or Extraction()

    def files(
        self,
        paths: Iterable[Path] | FoundFiles,
        options: ImportOptions,
        should_stop: Callable[[], bool],
        started: Callable[[Path], None],
    ) -> Iterator[ImportResult]:
        """Import files and folders, or what `find` found in them (not walked again),
        yielding a result per file, in order.

        Files are extracted on all cores and stored in batches, one durable transaction
        each; a file's result is yielded only once its batch has committed, so whatever was
        reported imported stays imported, after a crash too. A file that fails, for
        whatever reason (its worker process crashing included), fails alone. When
        `should_stop()` turns true the import ends soon after, keeping what was stored.
        """
        found = paths.items if isinstance(paths, FoundFiles) else self.walk(paths)
        jobs = (self._prepare(item, options, started) for item in found)
        try:
            with self.extraction.workers() as pool:
                processes = extraction_processes()
                yield from self._import(jobs, options, should_stop, processes, pool)
        finally:
            self._index()  # what was stored is found, however the import ended

    def find(self, paths: Iterable[Path]) -> FoundFiles:
        """One walk of the chosen paths, kept: its total for a progress bar, then the import
        of the same files (a folder walked twice reads each .xml and .json file's head twice,
        and may change in between)."""
        return FoundFiles(tuple(self.walk(paths)))

    def walk(self, paths: Iterable[Path]) -> Iterator[Path | Skipped]:
        """What an import of these paths visits: files to import, and the skipped ones. A
        folder holding the library itself (a data folder inside Documents, say) is walked
        without it: the database, backups and assets are not articles."""
        return walk_paths(paths, exclude=[self.db.path.parent])

    def file(self, path: Path, options: ImportOptions) -> ImportResult:
        """Import one file, in this process (see Library.import_path); a file of several
        articles answers with the first that is not a duplicate."""
        self._require_target(options)
        jobs = [self._prepare(path, options, lambda _path: None)]
        with self.extraction.workers() as pool:
            results = list(self._import(jobs, options, lambda: False, 0, pool))
        fresh = [r for r in results if r.status is not ImportStatus.DUPLICATE]
        return (fresh or results)[0]

    def _import(
        self,
        jobs: Iterable[Job[ImportFile]],
        options: ImportOptions,
        should_stop: Callable[[], bool],
        processes: int,
        pool: WorkerPool | None = None,
    ) -> Iterator[ImportResult]:
        """Extract the files in order and store them in batches of BATCH_FILES files or
        BATCH_S seconds, whichever comes first; yield each batch's results once committed.

        Batches are stored by a writer lane while this thread keeps the extraction workers
        fed with the next files. Given a `pool`, every extraction runs in its workers.
        """
        batch: list[tuple[ImportFile, Outcome[Any] | None]] = []
        since = time.monotonic()
        store = _Storing(self, options)
        # closing: no worker outlives the import; the lane waits for the batch it stores.
        with closing(in_order(jobs, processes, pool=pool)) as steps, BatchLane(store.batch) as lane:
            for step in steps:
                if should_stop():
                    break
                if step is not None:
                    since = since if batch else time.monotonic()
                    batch.append(step)
                if batch and (len(batch) >= BATCH_FILES or time.monotonic() - since >= BATCH_S):
                    lane.put(batch)
                    batch = []
                yield from lane.done()
            if batch:
                lane.put(batch)
            yield from lane.finish()

    def _prepare(
        self, found: Path | Skipped, options: ImportOptions, started: Callable[[Path], None]
    ) -> Job[ImportFile]:
        """Read one file for import, unless it is known unchanged: then nothing is read (by
        size and modification time) or nothing is extracted (by its bytes' hash)."""
        if isinstance(found, Skipped):
            return Job(ImportFile(found.path, display_path(found.path), None, skipped=found.reason))
        path = found
        started(path)  # a front end may say what it is working on
        file = ImportFile(path, display_path(path), file_state(path))
        fresh = options.replace_id is None and not options.as_new
        try:
            if file.state is not None and fresh:
                file.known = self._unchanged(file.state)
                if file.known is not None:
                    return Job(file)
            data = read_file(path, options.max_bytes)
            # The images a saved page or note names beside it are read where it is extracted.
            local = LocalImages.beside(path)
            if file.state is not None:
                file.state = replace(file.state, source_hash=hashlib.sha256(data).hexdigest())
                file.known = self._unchanged(file.state) if fresh else None
                if file.known is not None:
                    return Job(file)
        except Exception as exc:  # noqa: BLE001 - judged with the file's other failures
            return Job(file, ready=Outcome(error=exc))
        # Names are kept in their displayable form: lone surrogates cannot enter SQLite.
        source = display_path(path.resolve())
        task = (import_contents, (data, display_path(path.name), local, source))
        return Job(file, task, size=len(data))

    def _unchanged(self, state: FileState) -> int | None:
        """The article made from this file as it is now: known by its size and modification
        time, or by its bytes' hash."""
        with self.db.reading() as conn:
            if state.source_hash:
                return sources.article_for_bytes(conn, state.source_hash)
            return sources.article_for_state(conn, state)

    def add(
        self, article: Article, options: ImportOptions, path: str, source: FileState | None
    ) -> ImportResult:
        """Store one article in a transaction of its own (see ImportWriter.add)."""
        self._require_target(options)
        return self.writer.add(article, options, path, source)

    def _require_target(self, options: ImportOptions) -> None:
        """An article to replace must exist: NotFound, before any file is read."""
        if options.replace_id is not None:
            self.writer.articles.require(options.replace_id)
