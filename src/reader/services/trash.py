"""The Trash: removed articles wait here, notes and highlights included, until emptied."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from reader.core.article import ArticleSummary
from reader.errors import HasAnnotations
from reader.storage import annotation_rows
from reader.storage.articles import ArticleFilter, ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.database import Database

# Articles trashed longer ago than this are deleted for good when the app starts.
TRASH_KEPT = timedelta(days=30)


class Trash:
    """Moves articles in and out of the Trash, and empties it.

    Trashing only stamps the article: every view, count and the search index (through the
    change log) leave it out, and restoring brings it back exactly as it was.
    """

    def __init__(
        self,
        db: Database,
        articles: ArticleStore,
        assets: AssetStore,
        index: Callable[[], None],
        require_writable: Callable[[], None],
    ) -> None:
        self._db = db
        self._articles = articles
        self._assets = assets
        self._index = index
        self._require_writable = require_writable

    def held(self) -> list[ArticleSummary]:
        """What the Trash holds, most recently trashed first."""
        return self._articles.query(ArticleFilter(trashed=True), sort="trashed")

    def put(self, ids: Iterable[int]) -> list[int]:
        """Trash articles (notes and highlights stay with them); returns those that were not
        in the Trash already."""
        self._require_writable()
        chosen = list(ids)
        for article_id in chosen:
            self._articles.require(article_id)
        with self._db.transaction(durable=True) as conn:
            changed = self._articles.set_trashed(conn, chosen, True)
        self._index()
        return changed

    def restore(self, ids: Iterable[int]) -> list[int]:
        """Bring trashed articles back; returns those that were in the Trash."""
        self._require_writable()
        chosen = list(ids)
        with self._db.transaction(durable=True) as conn:
            changed = self._articles.set_trashed(conn, chosen, False)
        self._index()
        return changed

    def empty(
        self,
        older_than: timedelta | None = None,
        now: datetime | None = None,
        *,
        with_annotations: bool = True,
    ) -> list[int]:
        """Delete trashed articles for good (all, or those trashed before `older_than` ago);
        without `with_annotations`, none is deleted while any of them holds notes or
        highlights (as `Editing.remove` refuses one)."""
        self._require_writable()
        cutoff = None
        if older_than is not None:
            moment = (now or datetime.now(UTC)) - older_than
            cutoff = moment.isoformat(timespec="seconds")
        with self._db.transaction(durable=True) as conn:
            gone = self._articles.trashed_before(conn, cutoff)
            # Others' annotations (a shared library) are read-only: their articles stay in
            # the Trash rather than take those annotations away from every member.
            held = set() if with_annotations else annotation_rows.annotated(conn, gone)
            if held:
                raise HasAnnotations(
                    f"{len(held)} article(s) in the Trash hold notes or highlights; export "
                    "them first, or confirm with --with-annotations"
                )
            kept = annotation_rows.others_on(conn, gone)
            gone = [article_id for article_id in gone if article_id not in kept]
            for article_id in gone:
                self._articles.delete(conn, article_id)
        for article_id in gone:
            self._assets.remove(article_id)
        if gone:
            self._index()
        return gone

    def empty_expired(self) -> list[int]:
        """At start: articles trashed longer than TRASH_KEPT ago go for good (unless the
        library is read-only, when nothing happens)."""
        return [] if self._db.read_only else self.empty(TRASH_KEPT)
