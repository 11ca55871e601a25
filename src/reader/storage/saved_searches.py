"""Saved searches: named queries kept in the library (logged by the triggers of schema 9)."""

from __future__ import annotations

import sqlite3

from reader.core.organizing import SavedSearch
from reader.errors import NotFound, ReaderError
from reader.storage.database import Database


class SavedSearchStore:
    """Reads and writes the saved_searches table; names are unique, ignoring case."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[SavedSearch]:
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [SavedSearch(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def get(self, name: str) -> SavedSearch:
        with self.db.reading() as conn:
            return _get(conn, name)

    def add(self, name: str, query: str) -> SavedSearch:
        with self.db.transaction() as conn:
            _refuse_taken(conn, name)
            conn.execute("INSERT INTO saved_searches (name, query) VALUES (?, ?)", (name, query))
            return _get(conn, name)

    def rename(self, old: str, new: str) -> SavedSearch:
        with self.db.transaction() as conn:
            found = _get(conn, old)
            if new.casefold() != old.casefold():
                _refuse_taken(conn, new)
            conn.execute("UPDATE saved_searches SET name = ? WHERE id = ?", (new, found.id))
            return _get(conn, new)

    def delete(self, name: str) -> SavedSearch:
        with self.db.transaction() as conn:
            found = _get(conn, name)
            conn.execute("DELETE FROM saved_searches WHERE id = ?", (found.id,))
            return found


def _get(conn: sqlite3.Connection, name: str) -> SavedSearch:
    row = conn.execute(
        "SELECT id, name, query FROM saved_searches WHERE name = ?", (name,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no saved search named {name!r}")
    return SavedSearch(int(row[0]), str(row[1]), str(row[2]))


def _refuse_taken(conn: sqlite3.Connection, name: str) -> None:
    if conn.execute("SELECT 1 FROM saved_searches WHERE name = ?", (name,)).fetchone():
        raise ReaderError(f"a saved search named {name!r} exists already")
