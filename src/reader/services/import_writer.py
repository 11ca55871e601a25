"""Storing extracted articles: a batch of files per durable transaction, each file under a
savepoint of its own, and one article at a time (new, a duplicate, or a new version)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.annotation import normalize_tags
from reader.core.article import Article
from reader.core.import_failures import import_failure
from reader.core.notices import Notice
from reader.core.versions import SourceMatch, Verdict, closest
from reader.errors import ImportFailed, ReaderError
from reader.importers import Collection
from reader.importers.pool import Outcome
from reader.services.import_results import ImportOptions, ImportResult, ImportStatus, failed
from reader.services.stores import Stores
from reader.storage import annotation_rows, edits, sources
from reader.storage.sources import FileState

log = logging.getLogger(__name__)


@dataclass
class ImportFile:
    """One file of an import on its way to the library."""

    path: Path
    shown: str
    state: FileState | None
    known: int | None = None  # the article it already is (unchanged since its import)
    skipped: str | None = None  # why a file found in a folder is not imported


def _failed(file: ImportFile, failure: Notice) -> ImportResult:
    return failed(file.shown, failure)


class ImportWriter:
    """The writing side of an import: what the extraction made, stored in the library.

    Changes are counted through `changed` (for the backup counter).
    """

    def __init__(self, stores: Stores, *, changed: Callable[[int], None]) -> None:
        self.db = stores.db
        self.articles = stores.articles
        self.annotation_store = stores.annotation_store
        self.assets = stores.assets
        self._changed = changed

    def store_batch(
        self, batch: list[tuple[ImportFile, Outcome[Any] | None]], options: ImportOptions
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
        file: ImportFile,
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
        file: ImportFile,
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
