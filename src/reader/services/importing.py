"""Importing files into the library: read, extracted on all cores, stored in batches."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any

from reader.core.annotation import normalize_tags
from reader.core.article import Article
from reader.core.import_failures import ImportFailure, import_failure
from reader.core.versions import SourceMatch, Verdict, closest
from reader.errors import ImportFailed, ReaderError
from reader.importers import (
    MAX_FILE_BYTES,
    Collection,
    LocalImages,
    Skipped,
    display_path,
    import_contents,
    read_file,
    walk_paths,
)
from reader.importers.pipeline import Job, in_order
from reader.importers.pool import Outcome
from reader.services.batch_lane import BatchLane
from reader.storage import annotation_rows, edits, sources
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.database import Database
from reader.storage.sources import FileState, file_state

log = logging.getLogger(__name__)

# During a long import the search index catches up every this many files.
INDEX_EVERY = 200
# Imported files are committed together, one durable sync for up to this many files or
# files ready for this long: a sync per file kept imports waiting on the disk most of the time.
BATCH_FILES = 50
BATCH_S = 0.5


class ImportStatus(Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    UPDATED = "updated"
    FAILED = "failed"
    # Nothing stored: the file shares a source with article `match.article_id` and the texts
    # are neither clearly one story nor clearly two. The caller asks the user, then imports
    # again with `replace_id` or `as_new`.
    UNSURE = "unsure"
    # A file inside a chosen folder that is not imported (an image, a JSON file that is not a
    # feed…): nothing was read; `reason` says why.
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None
    failure: ImportFailure | None = None  # a FAILED result's reason by kind
    # The stored article sharing this file or URL that the text was compared with, if any.
    match: SourceMatch | None = None

    @property
    def ok(self) -> bool:
        return self.status is not ImportStatus.FAILED

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": self.status.value,
            "id": self.article_id,
            "title": self.title,
            "reason": self.reason,
            "same_source": self.match.to_json() if self.match else None,
        }


@dataclass
class _File:
    """One file of an import on its way to the library."""

    path: Path
    shown: str
    state: FileState | None
    known: int | None = None  # the article it already is (unchanged since its import)
    skipped: str | None = None  # why a file found in a folder is not imported


class _Storing:
    """The writer lane's work: a batch stored, then the search index caught up every
    INDEX_EVERY files."""

    def __init__(self, importing: Importing, options: ImportOptions) -> None:
        self.importing = importing
        self.options = options
        self.stored = 0

    def batch(self, batch: list[tuple[_File, Outcome[Any] | None]]) -> list[ImportResult]:
        results = self.importing._store_batch(batch, self.options)
        before, self.stored = self.stored, self.stored + len(batch)
        if self.stored // INDEX_EVERY > before // INDEX_EVERY:
            self.importing._index()
        return results


def _failed(file: _File, failure: ImportFailure) -> ImportResult:
    return failed(file.shown, failure)


def failed(path: str, failure: ImportFailure) -> ImportResult:
    """A FAILED result: its reason in English (the CLI's) and by kind (the window's)."""
    return ImportResult(path, ImportStatus.FAILED, reason=failure.text, failure=failure)


def extraction_processes() -> int:
    """Worker processes for a large import's extraction: one per core (this process mostly
    waits for them and writes)."""
    return os.cpu_count() or 1


@dataclass(frozen=True)
class ImportOptions:
    """How one file is imported (see Library.import_path)."""

    section: str | None = None
    replace_id: int | None = None
    as_new: bool = False
    ask_when_unsure: bool = False
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True)
class FoundFiles:
    """What one walk of the chosen files and folders found: the files an import of them
    visits, and those it passes over (Skipped)."""

    items: tuple[Path | Skipped, ...]

    @property
    def files(self) -> list[Path]:
        return [item for item in self.items if isinstance(item, Path)]


class Importing:
    """The import operations: files (read, extracted, stored in batches) and articles.

    Changes are counted through `changed` (for the backup counter); `index` brings the
    search index up to date during a long import.
    """

    def __init__(
        self,
        db: Database,
        articles: ArticleStore,
        annotation_store: AnnotationStore,
        assets: AssetStore,
        *,
        changed: Callable[[int], None],
        index: Callable[[], None],
    ) -> None:
        self.db = db
        self.articles = articles
        self.annotation_store = annotation_store
        self.assets = assets
        self._changed = changed
        self._index = index

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
        return self._import(jobs, options, should_stop, extraction_processes())

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
        jobs = [self._prepare(path, options, lambda _path: None)]
        results = list(self._import(jobs, options, lambda: False, processes=0))
        fresh = [r for r in results if r.status is not ImportStatus.DUPLICATE]
        return (fresh or results)[0]

    def _import(
        self,
        jobs: Iterable[Job[_File]],
        options: ImportOptions,
        should_stop: Callable[[], bool],
        processes: int,
    ) -> Iterator[ImportResult]:
        """Extract the files in order and store them in batches of BATCH_FILES files or
        BATCH_S seconds, whichever comes first; yield each batch's results once committed.

        Batches are stored by a writer lane while this thread keeps the extraction workers
        fed with the next files.
        """
        batch: list[tuple[_File, Outcome[Any] | None]] = []
        since = time.monotonic()
        store = _Storing(self, options)
        # closing: no worker outlives the import; the lane waits for the batch it stores.
        with closing(in_order(jobs, processes)) as steps, BatchLane(store.batch) as lane:
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
    ) -> Job[_File]:
        """Read one file for import, unless it is known unchanged: then nothing is read (by
        size and modification time) or nothing is extracted (by its bytes' hash)."""
        if isinstance(found, Skipped):
            return Job(_File(found.path, display_path(found.path), None, skipped=found.reason))
        path = found
        started(path)  # a front end may say what it is working on
        file = _File(path, display_path(path), file_state(path))
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

    def _store_batch(
        self, batch: list[tuple[_File, Outcome[Any] | None]], options: ImportOptions
    ) -> list[ImportResult]:
        """Store a batch in one durable transaction, each file under a savepoint of its own
        so that one file's failure undoes only that file; its assets are published after."""
        if not batch:
            return []
        staged: list[tuple[int, Path | None]] = []
        try:
            with self.db.transaction(durable=True) as conn:
                results = [
                    result
                    for file, outcome in batch
                    for result in self._store_one(conn, file, outcome, options, staged)
                ]
        except BaseException:
            for _article_id, folder in staged:
                self.assets.discard(folder)
            raise
        for article_id, folder in staged:
            self.assets.publish(article_id, folder)
        self._changed(len(staged))
        return results

    def _store_one(
        self,
        conn: sqlite3.Connection,
        file: _File,
        outcome: Outcome[Any] | None,
        options: ImportOptions,
        staged: list[tuple[int, Path | None]],
    ) -> list[ImportResult]:
        """One file's part of a batch: all of its articles or none. Its own failures, in
        whichever process they happened, become a FAILED result; the library's raise (and
        undo the batch)."""
        conn.execute("SAVEPOINT import_file")
        mark = len(staged)
        try:
            results = self._store_file(conn, file, outcome, options, staged)
        except ImportFailed as exc:
            results = [_failed(file, exc.failure)]
        except RecursionError:
            results = [_failed(file, import_failure("too_deeply_nested"))]
        except MemoryError:
            results = [_failed(file, import_failure("too_large_to_import"))]
        except (ReaderError, sqlite3.Error):
            raise  # the library cannot be written, or no such article: not this file's fault
        except Exception as exc:
            # A bug met by one file must not cost the user the rest of the import.
            log.exception("importing %s failed", file.shown)
            results = [_failed(file, import_failure("unexpected", name=type(exc).__name__))]
        if any(result.status is ImportStatus.FAILED for result in results):
            conn.execute("ROLLBACK TO import_file")
            for _article_id, folder in staged[mark:]:
                self.assets.discard(folder)
            del staged[mark:]
        conn.execute("RELEASE import_file")
        return results

    def _store_file(
        self,
        conn: sqlite3.Connection,
        file: _File,
        outcome: Outcome[Any] | None,
        options: ImportOptions,
        staged: list[tuple[int, Path | None]],
    ) -> list[ImportResult]:
        if file.skipped is not None:
            return [ImportResult(file.shown, ImportStatus.SKIPPED, reason=file.skipped)]
        if outcome is None:  # known unchanged
            assert file.known is not None
            if file.state is not None and file.state.source_hash:
                # Same bytes, new name or time: know it by those next time.
                sources.remember(conn, file.state, file.known)
            title = self.articles.title_in(conn, file.known)
            return [ImportResult(file.shown, ImportStatus.DUPLICATE, file.known, title)]
        imported = outcome.get()
        if isinstance(imported, Collection):
            if options.replace_id is not None:
                raise ImportFailed("several_to_replace_one")
            # Each article of a collection is its own source (its URL), not the file; a
            # question about one entry could only be answered by importing the file again.
            articles = list(imported.articles)
            options = replace(options, ask_when_unsure=False)
        else:
            articles = [imported]  # source_path set where it was extracted
        results = []
        for article in articles:
            result, folder = self._add_in(conn, article, options, file.shown, file.state)
            if result.article_id is not None and result.status is not ImportStatus.DUPLICATE:
                staged.append((result.article_id, folder))
            results.append(result)
        return results

    def add(
        self, article: Article, options: ImportOptions, path: str, source: FileState | None
    ) -> ImportResult:
        """Store one article in a transaction of its own: new, a duplicate, or a new version.

        A new version (`replace_id`, or the same source file or URL with substantially the
        same text: see reader.core.versions) keeps the article's id, bookmarks and annotations;
        its highlights are re-anchored in the same transaction. A different text from the same
        source is a new article, and so is an unsure one unless `ask_when_unsure` (then nothing
        is stored and the result says UNSURE). `as_new` skips the comparison.
        """
        with self.db.transaction(durable=True) as conn:
            result, staged = self._add_in(conn, article, options, path, source)
        if result.article_id is not None and result.status is not ImportStatus.DUPLICATE:
            self.assets.publish(result.article_id, staged)
            self._changed(1)
        return result

    def _add_in(
        self,
        conn: sqlite3.Connection,
        article: Article,
        options: ImportOptions,
        path: str,
        source: FileState | None,
    ) -> tuple[ImportResult, Path | None]:
        """Store one article inside a transaction: new, a duplicate, or a new version of a
        known one; its assets are staged, to publish once the transaction commits."""
        section = options.section or article.section
        replace_id = options.replace_id
        existing = self.articles.find_content_in(conn, article.content_hash)
        if existing is not None:
            # The same text in the Trash comes back, with its notes: the reader wants it again.
            self.articles.set_trashed(conn, [existing], False)
            title = self.articles.title_in(conn, existing)
            if source is not None and source.source_hash:
                sources.remember(conn, source, existing)
            return ImportResult(path, ImportStatus.DUPLICATE, existing, title), None
        unsure_ok = replace_id is not None or options.as_new
        match = None if unsure_ok else self._version_of(conn, article)
        if options.ask_when_unsure and match and match.verdict is Verdict.UNSURE:
            return ImportResult(path, ImportStatus.UNSURE, None, article.title, match=match), None
        same = match.article_id if match and match.verdict is Verdict.SAME else replace_id
        if same is not None:
            # What the user corrected by hand stays as the user left it.
            article, section = edits.keep_edited(conn, same, article, section)
            self.articles.replace_content(conn, same, article, section)
            self.annotation_store.reanchor_article(conn, same, article.text)
            article_id, status = same, ImportStatus.UPDATED
        else:
            article_id, status = self.articles.insert(conn, article, section), ImportStatus.IMPORTED
        if source is not None and source.source_hash:
            sources.remember(conn, source, article_id)
        if article.tags:  # added to the article's own tags, never replacing them
            annotation_rows.link_tags(
                conn, "article_tags", "article_id", article_id, normalize_tags(list(article.tags))
            )
        staged = self.assets.stage(article_id, article.assets, article.remote_images)
        return ImportResult(path, status, article_id, article.title, match=match), staged

    def _version_of(self, conn: sqlite3.Connection, article: Article) -> SourceMatch | None:
        """The stored article from the same file or URL whose text the new one keeps most of."""
        stored = self.articles.same_source_in(conn, article.source_path, article.url)
        return closest(article.text, stored)


def skipped_kinds(
    results: Iterable[ImportResult], say: Callable[[str], str] = lambda text: text
) -> list[tuple[str, int]]:
    """The files an import skipped, counted by kind, most first: [(".png", 10), (".json (not
    a feed)", 2)] — what a summary says it left out, and why. `say` words the reasons and
    "(no suffix)" (the window passes its translation)."""
    counts: dict[str, int] = {}
    for result in results:
        if result.status is ImportStatus.SKIPPED:
            suffix = Path(result.path).suffix.lower() or say("(no suffix)")
            reason = result.reason
            kind = (
                suffix if reason == "unsupported file type" else f"{suffix} ({say(reason or '')})"
            )
            counts[kind] = counts.get(kind, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
