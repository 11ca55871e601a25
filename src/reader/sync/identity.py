"""Who is syncing: the library id, this installation's device id, the author, the clock.

A device id belongs to one database file. It is stored with that file's identity (its
resolved path, its inode and a random nonce also written to a file beside it); a library
moved, restored from a backup or copied elsewhere no longer matches and mints a new device
id, so two copies never publish under one id (which would fork its files), and a restored
copy receives its own later edits back from the folder instead of replaying old ones.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.storage import changes


def get(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM sync_meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


def put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO sync_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def library_id(conn: sqlite3.Connection) -> str:
    """The library this one syncs as: its own id, or the one it joined."""
    joined = get(conn, "library")
    if joined:
        return joined
    return changes.library_id(conn)


@dataclass(frozen=True)
class FileIdentity:
    """Where the database file is and which file it is."""

    path: str
    inode: int
    nonce: str

    def key(self) -> str:
        return f"{self.path}\0{self.inode}\0{self.nonce}"


def _nonce(nonce_file: Path) -> str:
    try:
        return nonce_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def file_identity(database: Path, nonce_file: Path) -> FileIdentity:
    return FileIdentity(str(database.resolve()), database.stat().st_ino, _nonce(nonce_file))


def device_id(conn: sqlite3.Connection, database: Path, nonce_file: Path) -> str:
    """This installation's device id, minting a new one for a new (or moved, copied,
    restored) database file. Call inside a write transaction."""
    current = file_identity(database, nonce_file)
    device = get(conn, "device")
    if device and current.nonce and get(conn, "file_identity") == current.key():
        return device
    device = secrets.token_hex(16)
    nonce = secrets.token_hex(16)
    _write_nonce(nonce_file, nonce)
    put(conn, "device", device)
    put(conn, "file_identity", FileIdentity(current.path, current.inode, nonce).key())
    # Records captured but not yet published by the previous identity go out under this one.
    conn.execute("UPDATE sync_outbox SET device = ? WHERE published = 0", (device,))
    return device


def _write_nonce(nonce_file: Path, nonce: str) -> None:
    temp = nonce_file.with_name(nonce_file.name + ".new")
    temp.write_text(nonce + "\n", encoding="ascii")
    temp.replace(nonce_file)


def tick(conn: sqlite3.Connection) -> int:
    """Advance the Lamport clock for a local change; returns the new value."""
    value = int(get(conn, "lamport", "0")) + 1
    put(conn, "lamport", str(value))
    return value


def observe(conn: sqlite3.Connection, lamport: int) -> None:
    """Move the clock past a version seen from another device."""
    if lamport > int(get(conn, "lamport", "0")):
        put(conn, "lamport", str(lamport))
