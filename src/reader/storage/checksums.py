"""Article content hashes: finding articles whose stored text has changed, and repairing them."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.article import content_hash
from reader.storage.sqlite_files import open_read_only

# Read as bytes: flipped bits may leave invalid UTF-8, which must count as damage, not crash.
_ROWS = """SELECT a.id, CAST(a.title AS BLOB), CAST(a.content_hash AS BLOB),
                  CAST(c.text AS BLOB), CAST(c.html AS BLOB)
           FROM articles a LEFT JOIN article_content c ON c.article_id = a.id"""


@dataclass(frozen=True)
class StoredContent:
    """One article's title, text and HTML as stored, with the hash they were saved under."""

    article_id: int
    title: str | None
    text: str | None
    html: str | None
    saved_hash: str | None

    @property
    def actual_hash(self) -> str | None:
        if self.title is None or self.text is None:
            return None
        return content_hash(self.title, self.text)

    @property
    def intact(self) -> bool:
        return self.actual_hash is not None and self.actual_hash == self.saved_hash


def stored_contents(
    conn: sqlite3.Connection, ids: Iterable[int] | None = None
) -> Iterator[StoredContent]:
    """Every article's stored content (or only `ids`'), in id order."""
    if ids is None:
        rows: Iterable[Any] = conn.execute(_ROWS + " ORDER BY a.id")
    else:
        query = _ROWS + " WHERE a.id = ?"
        rows = (row for i in ids for row in conn.execute(query, (i,)).fetchall())
    for article_id, title, saved, text, html in rows:
        yield StoredContent(
            int(article_id), _decode(title), _decode(text), _decode(html), _decode(saved)
        )


# Only what the hash covers, as stored: no HTML, nothing decoded.
_HASHED = """SELECT a.id, CAST(a.title AS BLOB), CAST(a.content_hash AS BLOB), CAST(c.text AS BLOB)
             FROM articles a LEFT JOIN article_content c ON c.article_id = a.id
             ORDER BY a.id"""


def damaged_articles(conn: sqlite3.Connection) -> list[int]:
    """Ids of the articles whose title or text no longer match their content hash."""
    return check_contents(conn)[1]


def check_contents(conn: sqlite3.Connection) -> tuple[int, list[int]]:
    """How many articles were checked, and the ids of the damaged ones.

    Streamed in id order, hashing the stored bytes as they are: an article is saved with its
    title and text already normalized, so its bytes hash to the saved value unless they
    changed, with no decoding and no normalizing. Only an article whose bytes do not match
    (damaged, or saved by an older Reader without normalizing) gets the full check.
    """
    checked, damaged = 0, []
    for article_id, title, saved, text in conn.execute(_HASHED):
        checked += 1
        if _raw_hash(title, text) != saved:
            [content] = stored_contents(conn, [int(article_id)])
            if not content.intact:
                damaged.append(content.article_id)
    return checked, damaged


def _raw_hash(title: object, text: object) -> bytes | None:
    if not isinstance(title, bytes) or not isinstance(text, bytes):
        return None
    digest = hashlib.sha256(title)
    digest.update(b"\x00")
    digest.update(text)
    return digest.hexdigest().encode("ascii")


def _decode(value: object) -> str | None:
    if not isinstance(value, bytes):
        return None
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class ArticleCheck:
    """What `reader check` found: damaged articles, and the backup each was repaired from."""

    checked: int
    damaged: tuple[int, ...]
    repaired: dict[int, Path]

    @property
    def unrepaired(self) -> list[int]:
        return [i for i in self.damaged if i not in self.repaired]

    def to_json(self) -> dict[str, object]:
        return {
            "checked": self.checked,
            "damaged": list(self.damaged),
            "repaired": {str(i): str(p) for i, p in self.repaired.items()},
            "unrepaired": self.unrepaired,
        }


def repair_from_backups(
    conn: sqlite3.Connection, damaged: Sequence[StoredContent], backups: Sequence[Path]
) -> dict[int, Path]:
    """Rewrite each damaged article from the newest of `backups` (newest first) that holds the
    same version intact; returns where each came from.

    The same version: a copy whose hash is the one the article was saved under (or, when only
    that stored hash is damaged, the hash of the text as it is). Only the title, text, HTML and
    hash are written: annotations and everything else about the article stay as they are.
    """
    wanted = {c.article_id: {h for h in (c.saved_hash, c.actual_hash) if h} for c in damaged}
    repaired: dict[int, Path] = {}
    for path in backups:
        if not wanted:
            break
        for copy in _intact_copies(path, list(wanted)):
            if copy.saved_hash in wanted[copy.article_id]:
                _rewrite(conn, copy)
                repaired[copy.article_id] = path
                del wanted[copy.article_id]
    return repaired


def _intact_copies(path: Path, ids: list[int]) -> list[StoredContent]:
    try:
        conn = open_read_only(path)
        try:
            return [c for c in stored_contents(conn, ids) if c.intact]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []  # an unreadable backup has nothing to give; the next may


def _rewrite(conn: sqlite3.Connection, copy: StoredContent) -> None:
    conn.execute(
        "UPDATE articles SET title = ?, content_hash = ? WHERE id = ?",
        (copy.title, copy.saved_hash, copy.article_id),
    )
    conn.execute(
        """INSERT INTO article_content (article_id, text, html) VALUES (?, ?, ?)
           ON CONFLICT (article_id) DO UPDATE SET text = excluded.text, html = excluded.html""",
        (copy.article_id, copy.text, copy.html or ""),
    )
