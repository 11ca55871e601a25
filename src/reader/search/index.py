"""SearchIndex: the one object the library talks to; owns the Whoosh index and its lifecycle."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh.collectors import TopCollector
from whoosh.index import LockError

from reader.core.search_notices import notice
from reader.errors import SearchError
from reader.paths import move_aside
from reader.search import layout, tables, writes
from reader.search.annotations import articles_only, resolve
from reader.search.bulk import BulkSegmentWriter, default_procs
from reader.search.compiler import compile_query
from reader.search.documents import (
    AnnotationDocument,
    SearchDocument,
    SearchHit,
    SearchResult,
    Snippet,
)
from reader.search.health import article_count, canary
from reader.search.live import LiveIndex, open_build
from reader.search.query import parse_query
from reader.search.rebuild import BATCH_DOCS, Rebuild, publish, tidy
from reader.search.schema import annotation_key
from reader.search.snippets import make_snippets
from reader.search.weighting import Simplified

log = logging.getLogger(__name__)

BUSY = "The search index is busy (another Reader is writing to it); try again in a moment."
DAMAGED = "The search index is damaged; it will be rebuilt from the library."
# From this many documents, an update goes through the bulk writer (a large import).
BULK_UPDATE_DOCS = 200
# Postings an ordinary commit sorts in memory at once, in MB (Whoosh's default is 128); more
# are sorted in runs on disk and merged. One sort holds the interpreter throughout: merging
# an import's segments held it for hundreds of ms, and the window's UI thread waited.
POOL_LIMIT_MB = 4

REBUILDING = notice("rebuilding")

# Whoosh raises whatever its file parsing trips over (struct, pickle, EOF, KeyError...)
# when files are damaged, so damage can only be recognised as "any exception".
_ANY = Exception


class SearchIndex:
    """Full-text index of the library: a cache that can always be rebuilt from it.

    Thread-safe: writes go through one lane (a lock; across processes, Whoosh's write lock
    with `writer_timeout`), searches share one long-lived searcher, refreshed after commits.
    """

    def __init__(
        self,
        index_root: Path,
        *,
        writer_timeout: float = 10.0,
        rebuild_procs: int | None = None,
        batch_size: int = BATCH_DOCS,  # per process (see rebuild.BATCH_DOCS)
    ) -> None:
        self._root = Path(index_root)
        tables.keep_in(self._root)
        self._timeout = writer_timeout
        self._procs = rebuild_procs or default_procs()
        self._batch_size = batch_size
        # Writes in this process, one at a time (other processes wait on Whoosh's lock).
        self._write_lock = threading.RLock()
        # The opened index and the searcher, which is not thread-safe.
        self._state_lock = threading.RLock()
        self._live = LiveIndex(self._root)

    # Health ---------------------------------------------------------------------------------

    def check(self, expected_count: int) -> str | None:
        """Why the index cannot be used as it is (None when it is healthy). Cheap."""
        with self._state_lock:
            return self._check(expected_count)

    def _check(self, expected_count: int) -> str | None:
        try:
            searcher = self._live.searcher()  # the one the queries then use
            if searcher is None:
                return "it was missing"
            count = article_count(searcher)
            if count != expected_count:
                return f"it had {count} articles, the library has {expected_count}"
            canary(searcher)
        except SearchError as exc:
            return str(exc)
        except _ANY:  # see _ANY
            log.warning("search index check failed", exc_info=True)
            self._live.forget()
            return "it was damaged"
        return None

    def ensure_healthy(
        self,
        expected_count: int,
        documents: Callable[[], Iterable[SearchDocument]],
        origin: dict[str, object] | None = None,
    ) -> str | None:
        """Check the index; rebuild it if it is missing, damaged, stale or outdated.

        Returns a message for the user when it was rebuilt, None when it was healthy.
        """
        if self._root_in_the_way():
            self._set_root_aside()
            reason: str | None = "its folder had been replaced by a file"
        else:
            reason = self.check(expected_count)
        if reason is None:
            tidy(self._root)
            return None
        log.info("rebuilding the search index: %s", reason)
        for _ in self.rebuild(documents(), expected_count, origin=origin):
            pass
        return f"Search index rebuilt ({reason})."

    def live_origin(self) -> tuple[str, dict[str, object]] | None:
        """The live build's identity and what it was built from; None without a live index."""
        live = layout.current_dir(self._root)
        if live is None or not live.is_dir():
            return None
        return layout.identity(live), layout.read_origin(live)

    # Searching ------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        sort: str = "rank",
        text_of: Callable[[int], tuple[str, str] | None] | None = None,
    ) -> SearchResult:
        """Run a query in our syntax. Hits carry no snippet unless `text_of(id) -> (title,
        body)` is given (then every hit gets one, and hits it does not know are dropped);
        front ends ask `snippets` for the rows they show instead."""
        parsed = parse_query(query)
        compiled = compile_query(parsed)
        notices = tuple(compiled.notices)
        message = "; ".join(said.text for said in notices) or None
        if compiled.query is None:
            return SearchResult([], 0, message, parsed.highlights, notices)
        found = self._run(compiled.query, max(1, limit), sort == "date")
        if found is None:
            return SearchResult([], 0, REBUILDING.text, parsed.highlights, (REBUILDING,))
        ranked, total = found
        hits = [SearchHit(doc_id, score) for doc_id, score in ranked]
        if text_of is not None:
            made = self.snippets([hit.id for hit in hits], parsed.highlights, text_of)
            total -= len(hits) - len(made)  # gone from the library, not yet from the index
            hits = [
                SearchHit(hit.id, hit.score, made[hit.id].text, made[hit.id].spans)
                for hit in hits
                if hit.id in made
            ]
        return SearchResult(hits, max(total, len(hits)), message, parsed.highlights, notices)

    @staticmethod
    def snippets(
        ids: Iterable[int],
        terms: Sequence[str],
        text_of: Callable[[int], tuple[str, str] | None],
    ) -> dict[int, Snippet]:
        """Snippets of these articles marking `terms` (SearchResult.terms), by id; articles
        `text_of` does not know are left out."""
        return make_snippets(ids, terms, text_of)

    def _run(self, q: Any, limit: int, by_date: bool) -> tuple[list[tuple[int, float]], int] | None:
        with self._state_lock:
            for attempt in (1, 2):
                try:
                    searcher = self._live.searcher()
                    if searcher is None:
                        return None
                    q = Simplified(articles_only(resolve(q, searcher, self._live.annotated)))
                    if by_date:
                        results = searcher.search(
                            q, limit=limit, sortedby="published", reverse=True
                        )
                        total = len(results)
                    else:
                        # No block skipping and no matcher pruning: every match is scored once,
                        # so the total comes free (Whoosh would otherwise run the query again
                        # to count, and its pruning made the count of a plain collector wrong).
                        collector = TopCollector(limit=limit, usequality=False, replace=0)
                        searcher.search_with_collector(q, collector)
                        results = collector.results()
                        total = collector.count()
                    ranked = [
                        (int(hit["id"]), 0.0 if by_date else float(hit.score)) for hit in results
                    ]
                    return ranked, total
                except _ANY:  # see _ANY; a file replaced by another process is retried once
                    log.warning("search failed (attempt %d)", attempt, exc_info=True)
                    self._live.forget()
        raise SearchError(DAMAGED)

    def doc_count(self) -> int:
        with self._state_lock:
            try:
                searcher = self._live.searcher()
                return article_count(searcher) if searcher is not None else 0
            except _ANY:  # see _ANY
                return 0

    # Writing --------------------------------------------------------------------------------

    def update(self, documents: Iterable[SearchDocument]) -> None:
        """Add or replace documents with their annotations, all in one commit (also in a
        rebuild under way)."""
        docs = list({doc.id: doc for doc in documents}.values())  # the last copy of an id wins
        if docs:
            bulk = len(docs) >= BULK_UPDATE_DOCS
            self._write(writes.replace_bulk(docs) if bulk else writes.replace(docs), bulk=bulk)

    def update_annotations(self, documents: Iterable[AnnotationDocument]) -> None:
        """Replace only the annotations of articles already indexed (their text is not read
        or re-indexed), in one commit."""
        docs = list({doc.id: doc for doc in documents}.values())
        if docs:
            self._write(writes.replace_annotations(docs))

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents (and their annotations) by id, in one commit."""
        keys = [key for i in ids for key in (str(i), annotation_key(i))]
        if keys:
            self._write(writes.delete(keys))

    def _write(self, change: Callable[[Any], object], *, bulk: bool = False) -> None:
        # The build first: if a rebuild finishes meanwhile, the change is then in what it
        # publishes, and the live index is written after (see _write_live).
        with self._write_lock:
            try:
                build = open_build(self._root)
                if build is not None:
                    with self._writer(build, bulk=bulk) as writer:
                        change(writer)
                self._write_live(change, bulk)
            except SearchError:
                raise
            except _ANY as exc:  # see _ANY
                log.warning("search index write failed", exc_info=True)
                with self._state_lock:
                    self._live.forget()
                raise SearchError(DAMAGED) from exc

    def _write_live(self, change: Callable[[Any], object], bulk: bool) -> None:
        """Apply `change` to the live index, following a swap by another process."""
        for _ in range(3):
            with self._state_lock:
                live = self._live.open_or_none()
                folder = self._live.folder
            if live is None:
                return  # nothing usable: the rebuild ensure_healthy makes includes the change
            with self._writer(live, bulk=bulk) as writer:
                if layout.current_dir(self._root) == folder:
                    change(writer)
                    break
                writer.cancel()  # swapped while we waited for the lock: write the new one
        with self._state_lock:
            self._live.changed()

    @contextmanager
    def _writer(self, ix: Any, *, bulk: bool = False) -> Iterator[Any]:
        writer = self._acquire(ix, bulk=bulk)
        if not bulk:
            writer.mergetype = writes.merge_small_segments  # a change may set its own
        try:
            yield writer
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        if not writer.is_closed:
            writer.commit()

    def _acquire(self, ix: Any, *, bulk: bool = False) -> Any:
        """A writer on `ix`, waiting up to the timeout (twice) for another writer to finish."""
        for attempt in (1, 2):
            try:
                if bulk:
                    return BulkSegmentWriter(ix, timeout=self._timeout, delay=0.05)
                return ix.writer(timeout=self._timeout, delay=0.05, limitmb=POOL_LIMIT_MB)
            except LockError:
                log.info("search index locked (attempt %d)", attempt)
                time.sleep(0.1)
        raise SearchError(BUSY)

    # Rebuilding -----------------------------------------------------------------------------

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        total: int,
        should_stop: Callable[[], bool] = lambda: False,
        *,
        origin: dict[str, object] | None = None,
    ) -> Iterator[tuple[int, int]]:
        """Build a new index from `documents`, yielding (done, total) after each batch.

        When `should_stop()` turns true it stops after the current batch; the next rebuild
        resumes from there. The new index replaces the live one only when complete; `origin`
        (what it was built from) is kept beside it, see `live_origin`.
        """
        if self._root_in_the_way():
            self._set_root_aside()
        rebuild = Rebuild(self._root, self._acquire, self._procs, self._batch_size)
        try:
            with rebuild.locked(self._timeout):
                finished = yield from rebuild.run(documents, total, should_stop, self._write_lock)
                if finished:
                    stamp = {**(origin or {}), "built": time.time_ns()}
                    layout.write_origin(rebuild.folder, stamp)
                    with self._write_lock, self._state_lock:
                        self._live.forget()
                        publish(self._root, rebuild.folder, self._timeout)
        except SearchError:
            raise
        except _ANY as exc:  # see _ANY; also a crashed worker process, a full disk
            log.exception("rebuilding the search index failed")
            raise SearchError(f"Rebuilding the search index failed ({exc}).") from exc

    def _root_in_the_way(self) -> bool:
        """Something other than a folder (a file, a FIFO) where the index folder belongs."""
        return os.path.lexists(self._root) and not self._root.is_dir()

    def _set_root_aside(self) -> None:
        """Treated like a damaged index: kept under a new name (never deleted), then rebuilt."""
        with self._write_lock, self._state_lock:
            self._live.forget()
            try:
                aside = move_aside(self._root, "not-an-index")
            except OSError as exc:
                raise SearchError(
                    f"the search index folder {self._root} is not a folder and cannot be "
                    f"moved away: {exc.strerror or exc}"
                ) from exc
        log.warning("the search index folder was not a folder; set aside as %s", aside)

    def close(self) -> None:
        with self._state_lock:
            self._live.forget()
