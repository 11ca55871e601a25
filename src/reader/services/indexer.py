"""Keeps the search index in step with the library by following the change log in batches."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.changes import ANNOTATION_ENTITIES, SEARCHABLE
from reader.core.search_notices import notice
from reader.errors import ReaderError, ReadOnlyLibrary, SearchError
from reader.storage import changes
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleStore
from reader.storage.database import Database, read_only_message

if TYPE_CHECKING:  # the search engine loads only when the index is first used
    from reader.search import (
        AnnotationDocument,
        SearchDocument,
        SearchIndex,
        SearchResult,
        Snippet,
    )
    from reader.services.index_worker import IndexWorker

log = logging.getLogger(__name__)

# How many change-log rows one index commit takes: bigger batches amortize Whoosh's segment
# writes, smaller ones bound the work lost to a crash.
FLUSH_BATCH = 500

RESTORED = "the library was restored from a backup"
# The index's name in change_cursors.
CONSUMER = "search-index"

DocumentExtras = Callable[[int], dict[str, object]]
BatchGuard = Callable[[], AbstractContextManager[None]]


def annotation_extras(store: AnnotationStore) -> DocumentExtras:
    """What an article's document holds of its annotations: notes, tags and colours."""

    def extras(article_id: int) -> dict[str, object]:
        found = store.for_article(article_id)
        colors = tuple(str(c) for c in found.colors)
        return {"notes": found.notes_text, "tags": tuple(found.all_tags), "colors": colors}

    return extras


class Indexer:
    """Owns the SearchIndex of one library; opens it only when search is first needed."""

    def __init__(
        self,
        db: Database,
        articles: ArticleStore,
        index_root: Path,
        extras: DocumentExtras | None = None,
        *,
        read_only: bool = False,
        batch_guard: BatchGuard = nullcontext,
    ) -> None:
        self.db = db
        # Read-only: the index is used as it is when healthy, never written or rebuilt.
        self.read_only = read_only
        self.articles = articles
        self.index_root = index_root
        self._extras = extras or (lambda _id: {})
        self._index: SearchIndex | None = None
        self._checked = False
        self.message: str | None = None
        self._worker: IndexWorker | None = None
        # Around the writes of each batch flush applies (see IndexWorker.close).
        self._batch_guard = batch_guard

    def catch_up_in_worker(self) -> None:
        """From now on the log is applied to the index by a worker process (see IndexWorker):
        for the window, whose UI thread would otherwise wait on Whoosh's pure-Python indexing
        for the interpreter lock. Searching and rebuilding stay in this process."""
        if self._worker is not None:
            self._worker.resume()
        elif not self.read_only:
            from reader.services.index_worker import IndexWorker

            self._worker = IndexWorker(self.db.path, self.index_root)

    def stop_worker(self) -> None:
        """Stop the worker process (the window is closing) without waiting for it to start
        up or to catch up: catch-ups asked for until catch_up_in_worker is called again fail
        at once, and the log keeps their changes for the next start (see IndexWorker.stop)."""
        if self._worker is not None:
            self._worker.stop()

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            from reader.search import SearchIndex

            self._index = SearchIndex(self.index_root)
        return self._index

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()  # still used afterwards: a new worker starts when needed
        if self._index is not None:
            self._index.close()
            self._index = None

    # -- documents ---------------------------------------------------------------------------

    def document(self, article_id: int) -> SearchDocument | None:
        from reader.search import SearchDocument

        try:
            stored = self.articles.get(article_id)
        except ReaderError:
            return None
        s = stored.summary
        if s.trashed is not None:  # the Trash is never searched: its article leaves the index
            return None
        extras = self._extras(article_id)
        return SearchDocument(
            id=s.id,
            title=s.title,
            body=stored.text,
            section=s.section,
            site=s.site,
            author=s.author,
            language=s.language,
            published=s.published,
            bookmarked=s.bookmarked,
            **extras,  # type: ignore[arg-type]
        )

    def annotation_document(self, article_id: int) -> AnnotationDocument | None:
        """What the reader added to an article, read without its text; None when it is gone."""
        from reader.search import AnnotationDocument

        summary = self.articles.summaries([article_id]).get(article_id)
        if summary is None or summary.trashed is not None:
            return None
        extras = self._extras(article_id)
        return AnnotationDocument(
            id=article_id,
            bookmarked=summary.bookmarked,
            **extras,  # type: ignore[arg-type]
        )

    def all_documents(self) -> Iterator[SearchDocument]:
        for article_id in self.articles.ids(sort="added", descending=False):
            doc = self.document(article_id)
            if doc is not None:
                yield doc

    # -- keeping in step ---------------------------------------------------------------------

    def ensure_healthy(self) -> str | None:
        """Check the index once per process: catch it up with the change log when it is
        behind, rebuild it when it is unusable or another library's. Returns a message when
        it had to be rebuilt."""
        if self._checked or self.read_only:
            return None
        self._checked = True
        library, _seq = self._origin()
        if self._restored_since_built():
            message: str | None = self._rebuild_now(RESTORED)
        elif not self._adopt_live(library):
            message = self._rebuild_now("it was not built from this library")
        else:
            self._flush_or_log()  # behind the log after a crash: catch up, no rebuild
            library, seq = self._origin()
            with self._disk_errors():
                message = self.index.ensure_healthy(
                    self.articles.count(),
                    self.all_documents,
                    origin=self._origin_fields(library, seq),
                )
            if message:
                self._follow_live(seq)
        self.message = message
        return message

    def _origin(self) -> tuple[str, int]:
        """What a build made now starts from: this library at the log's current end."""
        with self.db.reading() as conn:
            return changes.library_id(conn), changes.last_seq(conn)

    def _origin_fields(self, library: str, seq: int) -> dict[str, object]:
        """What a build records it was made from (see `live_origin`)."""
        with self.db.reading() as conn:
            return {"library": library, "seq": seq, "restored": changes.restored_mark(conn)}

    def _restored_since_built(self) -> bool:
        """Whether the library was restored from a backup after the live index was built: it
        holds what the library had before (a note added since the backup), and the log the
        backup holds does not say what to take out."""
        live = self.index.live_origin()
        if live is None or not live[1]:
            return False
        with self.db.reading() as conn:
            return live[1].get("restored", "") != changes.restored_mark(conn)

    def _adopt_live(self, library: str) -> bool:
        """Make sure the cursor belongs to the live index; False when it is another library's.

        The cursor names the build it was recorded for. A different build of this library
        (rebuilt by another process, or a copy put back) is followed from the log position it
        was built at: every change since then is applied again, which is harmless.
        """
        live = self.index.live_origin()
        if live is None:
            return True
        identity, origin = live
        with self.db.reading() as conn:
            _seq, token = changes.cursor(conn, CONSUMER)
        if token == identity:
            return True
        if origin.get("library") == library:
            seq = origin.get("seq")
            self._set_cursor(seq if isinstance(seq, int) else 0, identity)
            return True
        if not origin and token is None:
            # Built before the change log existed: what it missed was carried into the log.
            self._set_cursor(0, identity)
            return True
        return False

    def _follow_live(self, seq: int) -> None:
        live = self.index.live_origin()
        self._set_cursor(seq, live[0] if live else None)

    def _set_cursor(self, seq: int, token: str | None) -> None:
        with self.db.transaction() as conn:
            changes.advance(conn, CONSUMER, seq, token)

    def _rebuild_now(self, reason: str) -> str:
        log.info("rebuilding the search index: %s", reason)
        for _ in self.rebuild():
            pass
        return f"Search index rebuilt ({reason})."

    def problem(self) -> str | None:
        """Why the index needs a rebuild, or None; an index merely behind the change log is
        caught up first (that needs no rebuild, however many changes it missed)."""
        if self.read_only:  # nothing can be written: the index is used as it is, or not at all
            return self.index.check(self.articles.count())
        library, _seq = self._origin()
        if self._restored_since_built():
            return RESTORED
        if not self._adopt_live(library):
            return "it was not built from this library"
        self._flush_or_log()
        return self.index.check(self.articles.count())

    def lag(self) -> int:
        """How many change-log rows the index has not applied yet (0 when in step)."""
        with self.db.reading() as conn:
            seq, _token = changes.cursor(conn, CONSUMER)
            row = conn.execute(
                f"""SELECT count(*) FROM changes WHERE seq > ? AND article_id IS NOT NULL
                    AND entity IN ({",".join("?" * len(SEARCHABLE))})""",
                [seq, *SEARCHABLE],
            ).fetchone()
        return int(row[0])

    @contextmanager
    def _disk_errors(self) -> Iterator[None]:
        """A full or read-only disk under the index is an expected failure, told in one line."""
        try:
            yield
        except OSError as exc:
            log.warning("search index in %s not written", self.index_root, exc_info=True)
            reason = exc.strerror or str(exc)
            raise SearchError(
                f"cannot write the search index in {self.index_root}: {reason}"
            ) from exc

    def pending(self) -> int:
        return self.lag()

    def flush(self) -> int:
        """Apply the log's new rows to the index; returns how many articles were re-indexed.

        An article whose new rows all concern annotations (a note, a tag, a bookmark) gets
        only its small annotation document replaced: its text is not read again.
        """
        if self.read_only:
            return 0
        if self._worker is not None and self._behind():
            return self._worker.catch_up()
        done = 0
        while True:
            with self.db.reading() as conn:
                seq, token = changes.cursor(conn, CONSUMER)
                rows = changes.entities_after(conn, seq, SEARCHABLE, FLUSH_BATCH)
                end = changes.last_seq(conn)
            if not rows:
                if end > seq:  # only rows the index does not need: step over them
                    self._set_cursor_keeping(end, token)
                return done
            whole = {article_id for _s, article_id, e in rows if e not in ANNOTATION_ENTITIES}
            ids = list(dict.fromkeys(article_id for _seq, article_id, _e in rows))
            batch = self._documents(
                [i for i in ids if i in whole], [i for i in ids if i not in whole]
            )
            with self._batch_guard():
                with self._disk_errors():
                    self._apply(*batch)
                self._set_cursor_keeping(rows[-1][0], token)
            done += len(ids)

    def _behind(self) -> bool:
        """Whether the log holds a row the index still needs (else there is nothing to hand
        the worker: a window that changes nothing never starts one)."""
        with self.db.reading() as conn:
            seq, _token = changes.cursor(conn, CONSUMER)
            return bool(changes.entities_after(conn, seq, SEARCHABLE, 1))

    def _documents(
        self, whole: list[int], annotated: list[int]
    ) -> tuple[list[SearchDocument], list[AnnotationDocument], list[int]]:
        """What re-indexing articles in `whole`, only the annotations of those in `annotated`,
        writes: their documents, their annotation documents, and the ids of those now gone."""
        docs = [d for d in map(self.document, whole) if d is not None]
        notes = [d for d in map(self.annotation_document, annotated) if d is not None]
        found = {d.id for d in docs} | {d.id for d in notes}
        return docs, notes, [i for i in (*whole, *annotated) if i not in found]

    def _apply(
        self, docs: list[SearchDocument], notes: list[AnnotationDocument], gone: list[int]
    ) -> None:
        if gone:
            self.index.delete(gone)
        if docs:
            self.index.update(docs)
        if notes:
            self.index.update_annotations(notes)

    def _set_cursor_keeping(self, seq: int, token: str | None) -> None:
        if token is None:
            live = self.index.live_origin()
            token = live[0] if live else None
        self._set_cursor(seq, token)

    def flush_quietly(self) -> None:
        """flush() after a change, but a failing index only logs: the log keeps the work for
        later. With a worker (catch_up_in_worker) it starts the catch-up and returns: a
        search waits for it (see flush), the change's writer does not."""
        if self._worker is not None and not self.read_only:
            if self._behind():
                self._worker.catch_up_soon()
            return
        self._flush_or_log()

    def _flush_or_log(self) -> None:
        from reader.services.index_worker import WorkerStopped

        try:
            self.flush()
        except WorkerStopped as exc:  # the window is closing: nothing went wrong
            log.info("search index not updated: %s", exc)
        except ReaderError as exc:
            log.warning("search index not updated (will retry): %s", exc)

    def rebuild(self, should_stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[int, int]]:
        """Rebuild the whole index from the library, yielding (done, total)."""
        if self.read_only:
            raise ReadOnlyLibrary(read_only_message(self.db.path))
        library, seq = self._origin()
        total = self.articles.count()
        origin = self._origin_fields(library, seq)
        with self._disk_errors():
            yield from self.index.rebuild(self.all_documents(), total, should_stop, origin=origin)
        if not should_stop():
            self._follow_live(seq)
            self._checked = True

    def _require_usable(self) -> None:
        """Read-only: the index is used as it is, checked once, or search is unavailable."""
        if not self._checked:
            self.message = self.index.check(self.articles.count())
            self._checked = True
        if self.message is not None:
            raise SearchError(
                "search is unavailable: the library is read-only and its search index "
                f"cannot be rebuilt ({self.message})"
            )

    def search(self, query: str, *, limit: int = 20, sort: str = "rank") -> SearchResult:
        """Search; the first search after the index had to be rebuilt says so in its message."""
        if self.read_only:
            self._require_usable()
        rebuilt = self.ensure_healthy()
        self.flush()
        result = self.index.search(query, limit=limit, sort=sort)
        if rebuilt:
            told = " ".join(m for m in (rebuilt, result.message) if m)
            notices = (notice("index_rebuilt", detail=rebuilt), *result.notices)
            result = dataclasses.replace(result, message=told, notices=notices)
        return result

    def snippets(self, ids: Sequence[int], terms: Sequence[str]) -> dict[int, Snippet]:
        """Snippets for the hits a front end shows, marking `terms` (SearchResult.terms)."""
        return self.index.snippets(ids, terms, self.articles.text_of)
