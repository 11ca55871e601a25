"""The change log's SQL: reading what changed since a position, and each consumer's cursor.

Also who the changes belong to: the library's id and the author the user goes by.

The rows themselves are written by triggers (migration 0004) in the transaction of the change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from reader.core.changes import Changes


def library_id(conn: sqlite3.Connection) -> str:
    """The library's own id, minted with the change log ("" in a library from before it):
    what a log position, a cursor or a per-library setting belongs to."""
    row = conn.execute("SELECT value FROM library_meta WHERE key = 'id'").fetchone()
    return str(row[0]) if row else ""


def restored_mark(conn: sqlite3.Connection) -> str:
    """Set anew each time the library is restored from a backup ("" before any): what was
    built from the library before then (a search index) no longer matches it."""
    row = conn.execute("SELECT value FROM library_meta WHERE key = 'restored'").fetchone()
    return str(row[0]) if row else ""


def mark_restored(conn: sqlite3.Connection, mark: str) -> None:
    conn.execute("INSERT OR REPLACE INTO library_meta (key, value) VALUES ('restored', ?)", (mark,))


def author_name(conn: sqlite3.Connection) -> str | None:
    """The name the user goes by in a shared library (set up with sync), or None when it was
    never set or is blank: what exports sign and what sync records changes under."""
    row = conn.execute("SELECT value FROM sync_meta WHERE key = 'author'").fetchone()
    return str(row[0]) if row and str(row[0]).strip() else None


def last_seq(conn: sqlite3.Connection) -> int:
    """The newest position in the log (0 for an empty log)."""
    row = conn.execute("SELECT max(seq) FROM changes").fetchone()
    return int(row[0] or 0)


def between(conn: sqlite3.Connection, after: int, upto: int | None = None) -> Changes:
    """A summary of the rows with after < seq <= upto (to the end when upto is None)."""
    sql = "SELECT seq, entity, article_id, op FROM changes WHERE seq > ?"
    params: list[int] = [after]
    if upto is not None:
        sql += " AND seq <= ?"
        params.append(upto)
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        return Changes()
    return Changes(
        first=min(int(r[0]) for r in rows),
        last=max(int(r[0]) for r in rows),
        entities=frozenset(str(r[1]) for r in rows),
        article_ids=frozenset(int(r[2]) for r in rows if r[2] is not None),
        added=_articles(rows, "insert"),
        removed=_articles(rows, "delete"),
    )


def _articles(rows: list[sqlite3.Row], op: str) -> frozenset[int]:
    return frozenset(int(r[2]) for r in rows if r[1] == "article" and r[3] == op)


def articles_after(
    conn: sqlite3.Connection, after: int, entities: Collection[str], limit: int
) -> list[tuple[int, int]]:
    """(seq, article_id) of the next `limit` rows of these entities after a position."""
    marks = ",".join("?" * len(entities))
    rows = conn.execute(
        f"""SELECT seq, article_id FROM changes
            WHERE seq > ? AND article_id IS NOT NULL AND entity IN ({marks})
            ORDER BY seq LIMIT ?""",
        [after, *entities, limit],
    ).fetchall()
    return [(int(r[0]), int(r[1])) for r in rows]


def entities_after(
    conn: sqlite3.Connection, after: int, entities: Collection[str], limit: int
) -> list[tuple[int, int, str]]:
    """(seq, article_id, entity) of the next `limit` rows of these entities after a position."""
    marks = ",".join("?" * len(entities))
    rows = conn.execute(
        f"""SELECT seq, article_id, entity FROM changes
            WHERE seq > ? AND article_id IS NOT NULL AND entity IN ({marks})
            ORDER BY seq LIMIT ?""",
        [after, *entities, limit],
    ).fetchall()
    return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]


def cursor(conn: sqlite3.Connection, consumer: str) -> tuple[int, str | None]:
    """How far `consumer` has applied the log, and the token it was recorded for."""
    row = conn.execute(
        "SELECT seq, token FROM change_cursors WHERE consumer = ?", (consumer,)
    ).fetchone()
    if row is None:
        return 0, None
    return int(row[0]), row[1]


def advance(conn: sqlite3.Connection, consumer: str, seq: int, token: str | None) -> None:
    """Move a cursor forward to `seq` (never back: two processes may apply the same rows)."""
    conn.execute(
        """INSERT INTO change_cursors (consumer, seq, token) VALUES (?, ?, ?)
           ON CONFLICT(consumer) DO UPDATE SET
               seq = CASE WHEN token IS excluded.token THEN max(seq, excluded.seq)
                          ELSE excluded.seq END,
               token = excluded.token""",
        (consumer, seq, token),
    )
