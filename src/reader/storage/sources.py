"""The files imports have read (path, size, modification time, bytes' hash → article)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileState:
    """What identifies one version of a file without reading it, plus its bytes' hash."""

    path: str
    size: int
    mtime_ns: int
    source_hash: str = ""


def article_for_state(conn: sqlite3.Connection, state: FileState) -> int | None:
    """The article a file became when it had exactly this size and modification time."""
    row = conn.execute(
        "SELECT article_id FROM import_sources WHERE path = ? AND size = ? AND mtime_ns = ?",
        (state.path, state.size, state.mtime_ns),
    ).fetchone()
    return int(row[0]) if row else None


def article_for_bytes(conn: sqlite3.Connection, source_hash: str) -> int | None:
    """An article already made from these exact bytes, under any file name."""
    row = conn.execute(
        "SELECT article_id FROM import_sources WHERE source_hash = ? LIMIT 1", (source_hash,)
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT id FROM articles WHERE source_hash = ? LIMIT 1", (source_hash,)
        ).fetchone()
    return int(row[0]) if row else None


def remember(conn: sqlite3.Connection, state: FileState, article_id: int) -> None:
    conn.execute(
        """INSERT INTO import_sources (path, size, mtime_ns, source_hash, article_id)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,
               source_hash = excluded.source_hash, article_id = excluded.article_id""",
        (state.path, state.size, state.mtime_ns, state.source_hash, article_id),
    )


def file_state(path: Path) -> FileState | None:
    """The file's resolved path, size and modification time; None when it cannot be statted
    (the import then reports why)."""
    try:
        resolved = path.resolve()
        info = resolved.stat()
    except (OSError, RuntimeError, ValueError):  # a symlink loop; a NUL in the name
        return None
    # A name that is not valid UTF-8 keeps its bytes as escapes: SQLite text must be UTF-8.
    key = os.fsencode(resolved).decode("utf-8", "backslashreplace")
    return FileState(key, info.st_size, info.st_mtime_ns)
