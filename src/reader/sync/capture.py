"""Local changes become sync records: the change log since the last capture, diffed per field.

Capture compares each changed entity as stored now with the merged state, so a value that
only arrived from another device (its rows are in the change log too) is never sent back out
as a local change: only fields that differ get a new version.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.storage import changes
from reader.sync import identity, state
from reader.sync.entities import NOTE_FIELDS, Fields, Objects, read_article, read_highlight
from reader.sync.palette import read_palette
from reader.sync.records import Record
from reader.sync.state import PALETTE, Entity

ARTICLE_ENTITIES = ("article", "content", "reading", "bookmark", "note", "article_tag")
HIGHLIGHT_ENTITIES = ("highlight", "highlight_tag")


@dataclass(frozen=True)
class Author:
    device: str
    name: str


def _changed(conn: sqlite3.Connection, after: int, entities: tuple[str, ...]) -> list[int]:
    marks = ",".join("?" * len(entities))
    rows = conn.execute(
        f"SELECT DISTINCT entity_id FROM changes WHERE seq > ? AND entity IN ({marks})",
        (after, *entities),
    ).fetchall()
    return sorted(int(r[0]) for r in rows)


def capture(
    conn: sqlite3.Connection, who: Author, *, everything: bool = False,
    objects: Objects | None = None,
) -> int:  # fmt: skip
    """Record every local change since the last capture (all rows when `everything`) in the
    outbox; returns how many records. Call inside a write transaction. Article assets are
    read through `objects` (none without)."""
    after = int(identity.get(conn, "captured_seq", "0"))
    if everything:
        articles = [int(r[0]) for r in conn.execute("SELECT id FROM articles")]
        highlights = [int(r[0]) for r in conn.execute("SELECT id FROM highlights")]
    else:
        articles = _changed(conn, after, ARTICLE_ENTITIES)
        highlights = _changed(conn, after, HIGHLIGHT_ENTITIES)
    palette = [0] if everything or _changed(conn, after, ("color",)) else []
    clock: list[int] = []  # one Lamport tick for the whole capture, taken only when needed
    count = 0
    for kind, ids in (("article", articles), ("highlight", highlights), (PALETTE, palette)):
        for local_id in ids:
            count += _capture_one(conn, who, kind, local_id, clock, objects)
    identity.put(conn, "captured_seq", str(changes.last_seq(conn)))
    return count


def _read(
    conn: sqlite3.Connection, kind: str, local_id: int, objects: Objects | None
) -> tuple[str, Fields] | None:
    if kind == PALETTE:
        return PALETTE, read_palette(conn)
    if kind == "article":
        return read_article(conn, local_id, objects)
    return read_highlight(conn, local_id)


def _capture_one(
    conn: sqlite3.Connection, who: Author, kind: str, local_id: int, clock: list[int],
    objects: Objects | None,
) -> int:  # fmt: skip
    now = _read(conn, kind, local_id, objects)
    uid = now[0] if now is not None else state.uid_for(conn, kind, local_id)
    if uid is None:
        return 0  # made and removed between two captures: never existed for sync
    entity = state.load(conn, uid) or state.create(conn, uid, kind, local_id)
    if entity.local_id != local_id and now is not None:
        state.set_local(conn, entity, local_id, pending=False)
    fields = None if now is None else now[1]
    if kind == PALETTE and fields is not None:
        # A meaning never set here is no change: it must not clear another device's.
        fields = {k: v for k, v in fields.items() if v is not None or k in entity.versions}
    diff = _diff(entity, fields)
    if not diff:
        return 0
    for name in NOTE_FIELDS & diff.keys():
        if name in entity.versions:  # the text this edit replaced, seen here
            diff[state.BASE + name] = list(entity.versions[name])
    if not clock:
        clock.append(identity.tick(conn))
    version = (clock[0], who.device)
    for name, value in diff.items():
        state.store(conn, entity, name, value, version, who.name)
    record = {
        "kind": kind,
        "uid": uid,
        "lamport": clock[0],
        "author": who.name,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "fields": diff,
    }
    state.mark_edit(conn, entity, Record(0, kind, uid, *version, who.name, "", diff))
    conn.execute(
        "INSERT INTO sync_outbox (device, record) VALUES (?, ?)",
        (who.device, json.dumps(record, ensure_ascii=False)),
    )
    return 1


def _diff(entity: Entity, now: Fields | None) -> Fields:
    """The fields a local change set: what differs between the tables and the merged state."""
    if now is None:
        if entity.local_id is None or not entity.alive():
            return {}
        return {"deleted": entity.seen()}
    diff = {k: v for k, v in now.items() if k not in entity.versions or entity.values[k] != v}
    for name, value in entity.values.items():
        # A tag removed, or an edit undone: the field is gone from the tables.
        if name.startswith(("tag:", "edit:")) and value is not None and name not in now:
            diff[name] = None
        if name == "assets" and value and name not in now:
            diff[name] = {}  # the article's assets are gone (a new version has none)
    if not entity.alive():
        diff["deleted"] = None  # imported again after a removal
    return diff
