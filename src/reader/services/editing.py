"""Changes to articles the reader makes by hand: read state, reading position, bookmark,
section, details, and removal for good."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from reader.core.article import ArticleSummary
from reader.core.edits import Snapshot, make_edit
from reader.errors import HasAnnotations, NotFound, NotYours, ReaderError
from reader.services.stores import Stores
from reader.storage import annotation_rows, edits


class Editing:
    """Each change is one transaction (its change-log rows by trigger), then the index
    catches up; the changes that must not start on a read-only library check first."""

    def __init__(
        self, stores: Stores, index: Callable[[], None], require_writable: Callable[[], None]
    ) -> None:
        self._db = stores.db
        self._articles = stores.articles
        self._annotation_store = stores.annotation_store
        self._assets = stores.assets
        self._index = index
        self._require_writable = require_writable

    def remove(self, article_id: int, with_annotations: bool) -> ArticleSummary:
        """Remove an article; one with annotations only when the caller says so explicitly."""
        self._require_writable()
        summary = self._articles.summary(article_id)
        count = self._annotation_store.annotation_count(article_id)
        if count and not with_annotations:
            raise HasAnnotations(
                f"article #{article_id} has {count} annotation(s); export them first, "
                "or confirm removing them too"
            )
        with self._db.transaction() as conn:
            others = annotation_rows.others_on(conn, [article_id]).get(article_id)
            if others:
                # Deleting the article deletes them, for every member once synced.
                raise NotYours(
                    f"article #{article_id} holds annotations by {', '.join(sorted(others))}: "
                    "others' annotations are read-only, so it cannot be removed for good "
                    "(move it to the Trash to put it out of sight)"
                )
            if not self._articles.delete(conn, article_id):
                raise NotFound(f"no article with id {article_id}")
        self._assets.remove(article_id)
        self._index()
        return summary

    def mark_read(self, ids: Iterable[int], read: bool) -> None:
        with self._db.transaction() as conn:
            self._articles.set_read(conn, ids, read)

    def set_reading_position(self, article_id: int, position: float) -> None:
        with self._db.transaction() as conn:
            self._articles.set_position(conn, article_id, position)

    def set_bookmarked(self, article_id: int, on: bool) -> None:
        self._articles.require(article_id)
        with self._db.transaction(durable=True) as conn:
            self._articles.set_bookmarked(conn, article_id, on)
        self._index()

    def rename_section(self, old: str, new: str) -> None:
        if not new.strip():
            raise ReaderError("a section needs a name")
        with self._db.transaction() as conn:
            self._articles.rename_section(conn, old, new)
        self._index()

    def move_to_section(self, ids: Iterable[int], section: str | None) -> None:
        ids = list(ids)
        with self._db.transaction() as conn:
            self._articles.move(conn, ids, section)
        self._index()

    def details(self, article_id: int) -> Snapshot:
        """The fields Edit Details shows, as stored, and which of them the user edited."""
        with self._db.reading() as conn:
            return edits.snapshot(conn, article_id)[0]

    def edit_details(self, article_id: int, values: Mapping[str, str | None]) -> Snapshot:
        """Correct an article's metadata by hand (an empty value clears a field; a title
        cannot be cleared). The edited fields become the user's: a re-import, a new version or
        another device's import keeps them. Returns the state before, for undo."""
        self._require_writable()
        change = make_edit(values)
        with self._db.transaction(durable=True) as conn:
            before = edits.edit(conn, self._articles, article_id, change)
        self._index()
        return before

    def restore_details(self, article_id: int, before: Snapshot) -> None:
        """Put back what `edit_details` returned: the values and which were the user's."""
        self._require_writable()
        with self._db.transaction(durable=True) as conn:
            edits.edit(conn, self._articles, article_id, before.as_edit(), before.edited)
        self._index()
