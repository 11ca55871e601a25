"""What the library's sync tables say: the status of its sync, and the conflicts kept."""

from __future__ import annotations

import json
import sqlite3

from reader.storage import changes
from reader.sync import identity
from reader.sync.reports import Conflict, SyncStatus


def status(conn: sqlite3.Connection) -> SyncStatus:
    """Whether sync is set up, where to, what waits to be published, and every device seen."""
    captured = int(identity.get(conn, "captured_seq", "0"))
    configured = bool(identity.get(conn, "folder"))
    pending = (
        0
        if not configured
        else int(conn.execute("SELECT count(*) FROM sync_outbox WHERE published = 0").fetchone()[0])
        + int(
            conn.execute(
                "SELECT count(DISTINCT entity || entity_id) FROM changes WHERE seq > ?",
                (captured,),
            ).fetchone()[0]
        )
    )
    devices = {
        str(d): int(s)
        for d, s in conn.execute("SELECT device, max(last_seq) FROM sync_files GROUP BY 1")
    }
    return SyncStatus(
        configured=configured,
        folder=identity.get(conn, "folder") or None,
        library=identity.library_id(conn),
        device=identity.get(conn, "device"),
        author=changes.author_name(conn) or "",
        last_sync=identity.get(conn, "last_sync") or None,
        pending=pending,
        conflicts=int(conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]),
        waiting_files=int(identity.get(conn, "waiting_files", "0")),
        devices=devices,
    )


def conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    """Every value that lost to another device's, newest first."""
    rows = conn.execute(
        "SELECT uid, field, value, device, author, recorded FROM sync_conflicts ORDER BY id DESC"
    ).fetchall()
    return [
        Conflict(str(r[0]), str(r[1]), json.loads(r[2]), str(r[3]), str(r[4]), str(r[5]))
        for r in rows
    ]
