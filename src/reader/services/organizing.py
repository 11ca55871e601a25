"""Organising operations of the Library: tags, sections as a whole, saved searches, and the
smart views' counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from reader.core.organizing import SavedSearch, clean_name
from reader.errors import NotFound, ReaderError
from reader.storage.articles import ArticleStore
from reader.storage.database import Database
from reader.storage.saved_searches import SavedSearchStore


class Organizing:
    """Each change is one transaction (its change-log rows by trigger), then the index
    catches up; section changes return the ids they moved so a front end can undo them."""

    def __init__(self, db: Database, articles: ArticleStore, index: Callable[[], None]) -> None:
        self.db = db
        self.articles = articles
        self.searches = SavedSearchStore(db)
        self._index = index

    # -- smart views -------------------------------------------------------------------------

    def view_counts(self) -> dict[str, int]:
        """Article counts of the smart views."""
        return self.articles.view_counts()

    # -- tags --------------------------------------------------------------------------------

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles carrying it (on themselves or a highlight)."""
        return self.articles.tags()

    # -- sections ----------------------------------------------------------------------------

    def delete_section(self, name: str) -> list[int]:
        """Remove a section; its articles become unsectioned. Returns their ids."""
        with self.db.transaction() as conn:
            ids = self._section_ids(conn, name)
            self.articles.move(conn, ids, None)
        self._index()
        return ids

    def merge_section(self, name: str, into: str) -> list[int]:
        """Move every article of a section into another (created if need be), which
        removes the first. Returns the ids moved."""
        into = clean_name(into)
        if not into:
            raise ReaderError("a section needs a name")
        if into == name:
            raise ReaderError(f"section {name!r} cannot be merged into itself")
        with self.db.transaction() as conn:
            ids = self._section_ids(conn, name)
            self.articles.move(conn, ids, into)
        self._index()
        return ids

    def _section_ids(self, conn: sqlite3.Connection, name: str) -> list[int]:
        ids = self.articles.ids_in_section(conn, name)
        if not ids:
            raise NotFound(f"no section named {name!r}")
        return ids

    def put_in_section(self, ids: Iterable[int], name: str | None) -> None:
        """Undo of the two above: the articles go back (the section comes back with them)."""
        with self.db.transaction() as conn:
            self.articles.move(conn, list(ids), name)
        self._index()

    # -- saved searches ----------------------------------------------------------------------

    def saved_searches(self) -> list[SavedSearch]:
        return self.searches.all()

    def saved_search(self, name: str) -> SavedSearch:
        return self.searches.get(name)

    def save_search(self, name: str, query: str) -> SavedSearch:
        name, query = clean_name(name), query.strip()
        if not name:
            raise ReaderError("a saved search needs a name")
        if not query:
            raise ReaderError("there is no query to save")
        return self.searches.add(name, query)

    def rename_search(self, old: str, new: str) -> SavedSearch:
        new = clean_name(new)
        if not new:
            raise ReaderError("a saved search needs a name")
        return self.searches.rename(old, new)

    def delete_search(self, name: str) -> SavedSearch:
        return self.searches.delete(name)
