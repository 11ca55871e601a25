"""The merged sync state: per field the value with the highest (Lamport, device) wins.

Merging is a per-field last-writer-wins register, so applying records is idempotent and
order-independent: every device that has applied the same records holds the same state.
A removal is the field 'deleted' holding the versions its author had seen; an edit it had not
seen keeps the entity (edit beats concurrent delete), the same on every device.

An edit that lost its fields to a newer one is still an edit the remover may not have seen,
so every entity also keeps, per device, the newest version of that device's edits of it
("~<device>", a max register merged like any field). A removal compares those too: a note
edited on a device whose clock lagged, after the remover had seen a newer note, keeps the
entity (its text lost to the newer one and sits in the conflict history).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from reader.sync.entities import NOTE_FIELDS, Fields
from reader.sync.records import Record

Version = tuple[int, str]
NO_VERSION: Version = (0, "")
EDITS = "~"  # prefix of the per-device newest-edit marks
# "base:note" travels with a note edit: the version of the text it replaced. A text replaced
# by an edit that had seen it is no conflict (nothing was lost); only a concurrent one is.
BASE = "base:"


@dataclass
class Entity:
    """One synced entity's merged fields and their versions."""

    uid: str
    kind: str
    local_id: int | None = None
    values: Fields = field(default_factory=dict)
    versions: dict[str, Version] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)

    def removal_overridden(self) -> bool:
        """Removed, but edited since in a way the remover had not seen."""
        seen = self.values.get("deleted")
        if seen is None:
            return False
        known = {f: (int(v[0]), str(v[1])) for f, v in seen.items()}
        # A removal made before the marks existed saw none: it is judged by fields alone.
        marked = any(f.startswith(EDITS) for f in known)
        return any(
            version > known.get(name, NO_VERSION)
            for name, version in self.versions.items()
            if name != "deleted" and (marked or not name.startswith(EDITS))
        )

    def alive(self) -> bool:
        return self.values.get("deleted") is None or self.removal_overridden()

    def target(self) -> Fields:
        return {
            k: v
            for k, v in self.values.items()
            if k != "deleted" and not k.startswith((EDITS, BASE))
        }

    def seen(self) -> dict[str, list[object]]:
        """What a removal made now has seen: every field's version."""
        return {k: [v[0], v[1]] for k, v in self.versions.items() if k != "deleted"}


# The palette (colour meanings) is one entity with no local row: it is known by its uid alone
# and has no row in sync_entities (whose kinds are those with local rows).
PALETTE = "palette"


def load(conn: sqlite3.Connection, uid: str) -> Entity | None:
    row = conn.execute("SELECT kind, local_id FROM sync_entities WHERE uid = ?", (uid,)).fetchone()
    if row is None and uid == PALETTE:
        row = (PALETTE, None)
    if row is None:
        return None
    entity = Entity(uid, str(row[0]), None if row[1] is None else int(row[1]))
    for name, value, lamport, device, author in conn.execute(
        "SELECT field, value, lamport, device, author FROM sync_fields WHERE uid = ?", (uid,)
    ):
        entity.values[name] = json.loads(value)
        entity.versions[name] = (int(lamport), str(device))
        entity.authors[name] = str(author)
    return entity


def create(conn: sqlite3.Connection, uid: str, kind: str, local_id: int | None) -> Entity:
    if kind == PALETTE:
        return Entity(uid, kind, local_id)
    conn.execute(
        "INSERT OR IGNORE INTO sync_entities (uid, kind, local_id) VALUES (?, ?, ?)",
        (uid, kind, local_id),
    )
    return Entity(uid, kind, local_id)


def uid_for(conn: sqlite3.Connection, kind: str, local_id: int) -> str | None:
    row = conn.execute(
        "SELECT uid FROM sync_entities WHERE kind = ? AND local_id = ?", (kind, local_id)
    ).fetchone()
    return None if row is None else str(row[0])


def set_local(
    conn: sqlite3.Connection, entity: Entity, local_id: int | None, pending: bool
) -> None:
    entity.local_id = local_id
    conn.execute(
        "UPDATE sync_entities SET local_id = ?, pending = ? WHERE uid = ?",
        (local_id, int(pending), entity.uid),
    )


def store(
    conn: sqlite3.Connection, entity: Entity, name: str, value: Any, version: Version, author: str
) -> None:
    entity.values[name] = value
    entity.versions[name] = version
    entity.authors[name] = author
    conn.execute(
        """INSERT INTO sync_fields (uid, field, value, lamport, device, author)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(uid, field) DO UPDATE SET value = excluded.value,
               lamport = excluded.lamport, device = excluded.device, author = excluded.author""",
        (entity.uid, name, json.dumps(value, ensure_ascii=False), *version, author),
    )


def merge(conn: sqlite3.Connection, entity: Entity, record: Record) -> bool:
    """Merge a record's fields into the entity; True when any field changed."""
    changed = False
    bases = {n: _version(entity.values.get(BASE + n)) for n in NOTE_FIELDS}  # before merging
    for name, value in record.fields.items():
        current = entity.versions.get(name)
        if current is None or record.version > current:
            seen = _version(record.fields.get(BASE + name))
            if current is not None and name in NOTE_FIELDS and seen != current:
                _keep_loser(conn, entity, name, entity.values[name], current,
                            entity.authors.get(name, ""), record.version, value)  # fmt: skip
            store(conn, entity, name, value, record.version, record.author)
            changed = True
        elif record.version < current and name in NOTE_FIELDS and bases[name] != record.version:
            _keep_loser(conn, entity, name, value, record.version, record.author, current,
                        entity.values[name])  # fmt: skip
    return mark_edit(conn, entity, record) or changed


def _version(value: Any) -> Version | None:
    """A [lamport, device] pair as a record carries it; None when absent or malformed."""
    if isinstance(value, list) and len(value) == 2:
        lamport, device = value
        if isinstance(lamport, int) and isinstance(device, str):
            return (lamport, device)
    return None


def mark_edit(conn: sqlite3.Connection, entity: Entity, record: Record) -> bool:
    """Remember the newest edit of the entity by the record's device (a removal is no edit);
    True when that is news."""
    mark = EDITS + record.device
    if set(record.fields) <= {"deleted"} or record.version <= entity.versions.get(mark, NO_VERSION):
        return False
    store(conn, entity, mark, None, record.version, record.author)
    return True


def _keep_loser(
    conn: sqlite3.Connection,
    entity: Entity,
    name: str,
    value: Any,
    version: Version,
    author: str,
    winner: Version,
    winner_value: Any,
) -> None:
    """A note text that lost to another device's is kept in the conflict history."""
    if not value or value == winner_value or version[1] == winner[1]:
        return  # nothing to keep, the same text, or the same device editing its own note
    record_conflict(conn, entity.uid, name, value, version, author, winner)


def record_conflict(
    conn: sqlite3.Connection,
    uid: str,
    name: str,
    value: Any,
    version: Version,
    author: str,
    winner: Version,
) -> None:
    conn.execute(
        """INSERT OR IGNORE INTO sync_conflicts (uid, field, value, lamport, device, author,
               winner_lamport, winner_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (uid, name, json.dumps(value, ensure_ascii=False), *version, author, *winner),
    )


def highlights_of(conn: sqlite3.Connection, article_uid: str) -> list[str]:
    rows = conn.execute(
        "SELECT uid FROM sync_fields WHERE field = 'article' AND value = ?",
        (json.dumps(article_uid),),
    ).fetchall()
    return [str(r[0]) for r in rows]


def keeper(conn: sqlite3.Connection, article: Entity) -> Entity | None:
    """A living highlight on a removed article: it keeps the article (the removal had not
    seen it)."""
    for uid in highlights_of(conn, article.uid):
        highlight = load(conn, uid)
        if highlight is not None and highlight.alive():
            return highlight
    return None


def article_alive(conn: sqlite3.Connection, article: Entity) -> bool:
    """An article lives while its own fields say so or a living highlight is on it."""
    return article.alive() or keeper(conn, article) is not None
