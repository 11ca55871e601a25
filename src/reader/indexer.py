"""Keeps the search index in step with the library: a queue in SQLite, flushed in batches."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError, ReadOnlyLibrary, SearchError
from reader.storage.articles import ArticleStore
from reader.storage.database import Database, read_only_message

if TYPE_CHECKING:  # the search engine loads only when the index is first used
    from reader.search import SearchDocument, SearchIndex, SearchResult

log = logging.getLogger(__name__)

# How many queued articles one index commit takes: bigger batches amortize Whoosh's segment
# writes, smaller ones bound the work lost to a crash.
FLUSH_BATCH = 500

DocumentExtras = Callable[[int], dict[str, object]]


def enqueue(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Record, inside the caller's transaction, that these articles need re-indexing."""
    conn.executemany("INSERT INTO search_queue (article_id) VALUES (?)", [(i,) for i in ids])


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

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            from reader.search import SearchIndex

            self._index = SearchIndex(self.index_root)
        return self._index

    def close(self) -> None:
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

    def all_documents(self) -> Iterator[SearchDocument]:
        for article_id in self.articles.ids(sort="added", descending=False):
            doc = self.document(article_id)
            if doc is not None:
                yield doc

    # -- keeping in step ---------------------------------------------------------------------

    def ensure_healthy(self) -> str | None:
        """Check the index once per process; rebuild it from the library when it is unusable."""
        if self._checked or self.read_only:
            return None
        self._checked = True
        with self.db.reading() as conn:
            # A rebuild covers everything queued so far.
            last = conn.execute("SELECT max(seq) FROM search_queue").fetchone()[0]
        with self._disk_errors():
            message = self.index.ensure_healthy(self.articles.count(), self.all_documents)
        if message:
            self._forget_queue(last)
        self.message = message
        return message

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
        with self.db.reading() as conn:
            return int(conn.execute("SELECT count(*) FROM search_queue").fetchone()[0])

    def flush(self) -> int:
        """Apply queued changes to the index; returns how many articles were re-indexed."""
        if self.read_only:
            return 0
        done = 0
        while True:
            with self.db.reading() as conn:
                rows = conn.execute(
                    "SELECT seq, article_id FROM search_queue ORDER BY seq LIMIT ?",
                    (FLUSH_BATCH,),
                ).fetchall()
            if not rows:
                return done
            ids = list(dict.fromkeys(int(r[1]) for r in rows))
            docs = [d for d in map(self.document, ids) if d is not None]
            gone = [i for i in ids if i not in {d.id for d in docs}]
            with self._disk_errors():
                if gone:
                    self.index.delete(gone)
                if docs:
                    self.index.update(docs)
            self._forget_queue(int(rows[-1][0]))
            done += len(ids)

    def flush_quietly(self) -> None:
        """flush(), but a failing index only logs: the queue keeps the work for later."""
        try:
            self.flush()
        except ReaderError as exc:
            log.warning("search index not updated (will retry): %s", exc)

    def _forget_queue(self, up_to_seq: int | None) -> None:
        if up_to_seq is None:
            return
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM search_queue WHERE seq <= ?", (up_to_seq,))

    def rebuild(self, should_stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[int, int]]:
        """Rebuild the whole index from the library, yielding (done, total)."""
        if self.read_only:
            raise ReadOnlyLibrary(read_only_message(self.db.path))
        with self.db.reading() as conn:
            last = conn.execute("SELECT max(seq) FROM search_queue").fetchone()[0]
        total = self.articles.count()
        with self._disk_errors():
            yield from self.index.rebuild(self.all_documents(), total, should_stop)
        if not should_stop():
            self._forget_queue(last)
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
        result = self.index.search(query, limit=limit, sort=sort, text_of=self.articles.text_of)
        if rebuilt:
            told = " ".join(m for m in (rebuilt, result.message) if m)
            result = dataclasses.replace(result, message=told)
        return result
