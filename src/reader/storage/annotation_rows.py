"""Rows of the annotation tables: reads and writes inside the caller's transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime

from reader.core.anchoring import reanchor
from reader.core.annotation import (
    AnchorStatus,
    Color,
    Highlight,
    Note,
    TextPositionSelector,
    TextQuoteSelector,
    normalize_tags,
    selectors,
)
from reader.errors import NotFound

_SEP = "\x1f"  # joins tag names in one column; never part of a tag
HIGHLIGHT_COLUMNS = f"""
    h.id, h.uid, h.article_id, h.color, h.exact, h.prefix, h.suffix, h.start_offset,
    h.end_offset, h.status, h.note, h.created, h.updated,
    (SELECT group_concat(t.name, '{_SEP}') FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
     WHERE ht.highlight_id = h.id) AS tags,
    {{author}} AS author
"""
# Who made an annotation: the author sync recorded for its field (creation time for a
# highlight, the text for a note), else this library's own author (made here, not yet synced);
# None while sync has never been set up.
ME = "(SELECT value FROM sync_meta WHERE key = 'author')"
HIGHLIGHT_AUTHOR = (
    f"coalesce((SELECT f.author FROM sync_fields f WHERE f.uid = h.uid AND f.field = 'created'"
    f" AND f.author != ''), {ME})"
)
NOTE_AUTHOR = (
    "coalesce((SELECT f.author FROM sync_fields f JOIN articles a ON f.uid = a.uid "
    f"WHERE a.id = article_notes.article_id AND f.field = 'note' AND f.author != ''), {ME})"
)
HIGHLIGHT_COLUMNS = HIGHLIGHT_COLUMNS.format(author=HIGHLIGHT_AUTHOR)
# Orphans have no place in the text: they follow the anchored ones.
TEXT_ORDER = "h.status = 'orphaned', h.start_offset, h.id"


def article_text(conn: sqlite3.Connection, article_id: int) -> str:
    row = conn.execute(
        "SELECT text FROM article_content WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return str(row[0])


def get_highlight(conn: sqlite3.Connection, highlight_id: int) -> Highlight:
    row = conn.execute(
        f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id = ?", (highlight_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no highlight with id {highlight_id}")
    return from_row(row)


def from_row(row: sqlite3.Row) -> Highlight:
    return Highlight(
        id=int(row["id"]),
        uid=row["uid"],
        article_id=int(row["article_id"]),
        color=Color(row["color"]),
        quote=TextQuoteSelector(row["exact"], row["prefix"], row["suffix"]),
        position=TextPositionSelector(int(row["start_offset"]), int(row["end_offset"])),
        note=row["note"],
        tags=normalize_tags(row["tags"].split(_SEP)) if row["tags"] else (),
        created=datetime.fromisoformat(row["created"]),
        updated=datetime.fromisoformat(row["updated"]),
        status=AnchorStatus(row["status"]),
        author=row["author"],
    )


def article_note(conn: sqlite3.Connection, article_id: int) -> Note | None:
    row = conn.execute(
        f"SELECT text, created, updated, {NOTE_AUTHOR} FROM article_notes WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    created, updated = datetime.fromisoformat(row[1]), datetime.fromisoformat(row[2])
    return Note(article_id, row[0], created, updated, row[3])


def article_tags(conn: sqlite3.Connection, article_id: int) -> tuple[str, ...]:
    rows = conn.execute(
        "SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?",
        (article_id,),
    ).fetchall()
    return normalize_tags([r[0] for r in rows])


def link_tags(
    conn: sqlite3.Connection, table: str, key: str, owner: int, names: Iterable[str]
) -> None:
    for name in names:
        conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
        conn.execute(
            f"INSERT OR IGNORE INTO {table} ({key}, tag_id) SELECT ?, id FROM tags WHERE name = ?",
            (owner, name),
        )


def set_highlight_tags(conn: sqlite3.Connection, highlight_id: int, names: Iterable[str]) -> None:
    conn.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", (highlight_id,))
    link_tags(conn, "highlight_tags", "highlight_id", highlight_id, names)
    prune_tags(conn)


def prune_tags(conn: sqlite3.Connection) -> None:
    conn.execute(
        """DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)
           AND id NOT IN (SELECT tag_id FROM highlight_tags)"""
    )


def write_anchor(
    conn: sqlite3.Connection,
    highlight_id: int,
    quote: TextQuoteSelector,
    position: TextPositionSelector,
    status: AnchorStatus,
) -> None:
    conn.execute(
        """UPDATE highlights SET exact = ?, prefix = ?, suffix = ?, start_offset = ?,
               end_offset = ?, status = ? WHERE id = ?""",
        (
            quote.exact,
            quote.prefix,
            quote.suffix,
            position.start,
            position.end,
            status.value,
            highlight_id,
        ),
    )


def anchor_into(conn: sqlite3.Connection, highlight: Highlight, text: str) -> AnchorStatus:
    """Re-anchor one stored highlight in `text` and save the outcome."""
    result = reanchor(highlight.quote, highlight.position, text)
    if result.start is None or result.end is None:
        conn.execute("UPDATE highlights SET status = 'orphaned' WHERE id = ?", (highlight.id,))
        return AnchorStatus.ORPHANED
    status = result.status
    # A quote rewritten by an earlier fuzzy match is still unconfirmed, however exactly it matches.
    if highlight.status is AnchorStatus.FUZZY:
        status = AnchorStatus.FUZZY
    write_anchor(conn, highlight.id, *selectors(text, result.start, result.end), status)
    return status


def insert_highlight(conn: sqlite3.Connection, h: Highlight) -> int:
    """Store a highlight as it is (selectors, status, times); returns its new id."""
    cur = conn.execute(
        """INSERT INTO highlights (uid, article_id, color, exact, prefix, suffix, start_offset,
               end_offset, status, note, created, updated)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (h.uid, h.article_id, h.color.value, h.quote.exact, h.quote.prefix, h.quote.suffix,
         h.start, h.end, h.status.value, h.note, h.created.isoformat(), h.updated.isoformat()),
    )  # fmt: skip
    highlight_id = int(cur.lastrowid or 0)
    link_tags(conn, "highlight_tags", "highlight_id", highlight_id, h.tags)
    return highlight_id


def annotated(conn: sqlite3.Connection, article_ids: Iterable[int]) -> set[int]:
    """Of these articles, those holding highlights or a note (anyone's)."""
    return {article_id for article_id, _author in _authors_on(conn, article_ids)}


def others_on(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, set[str]]:
    """Of these articles, those holding highlights or a note by another member of a shared
    library (read-only here), with those members' names."""
    me = conn.execute(f"SELECT {ME}").fetchone()[0] or ""
    found: dict[int, set[str]] = {}
    for article_id, author in _authors_on(conn, article_ids):
        if author and author != me:
            found.setdefault(article_id, set()).add(author)
    return found


def _authors_on(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> Iterator[tuple[int, str | None]]:
    """(article, author) for each author of highlights or a note on these articles; the
    author is None while sync has never been set up."""
    ids = list(article_ids)
    for first in range(0, len(ids), 400):
        part = ids[first : first + 400]
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            f"SELECT h.article_id, {HIGHLIGHT_AUTHOR} FROM highlights h "
            f"WHERE h.article_id IN ({marks}) UNION SELECT article_id, {NOTE_AUTHOR} "
            f"FROM article_notes WHERE article_id IN ({marks})",
            [*part, *part],
        )
        for article_id, author in rows:
            yield int(article_id), None if author is None else str(author)
