"""Other devices' records into this library: merge into the state, then write the tables.

One file is applied in one transaction. The entities it touched (with the articles of touched
highlights and the highlights of touched articles, whose liveness depends on each other) are
then written into the library's tables: living articles first, then highlights, then the
articles that are gone. An entity whose article or content has not arrived yet waits,
marked pending, and is tried again after every file.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from reader.sync import identity, state
from reader.sync.entities import Objects, write_article, write_highlight
from reader.sync.palette import write_palette
from reader.sync.records import Record
from reader.sync.state import Entity

log = logging.getLogger(__name__)


def apply_records(conn: sqlite3.Connection, records: list[Record], fetch: Objects) -> int:
    """Merge records and bring the tables up to date; returns how many changed the state."""
    touched: set[str] = set()
    changed = 0
    for record in records:
        identity.observe(conn, record.lamport)
        entity = state.load(conn, record.uid) or state.create(conn, record.uid, record.kind, None)
        if entity.kind != record.kind:
            log.warning("sync record for %s names the wrong kind; ignored", record.uid)
            continue
        if state.merge(conn, entity, record):
            changed += 1
            touched.add(record.uid)
    materialize(conn, touched | pending(conn), fetch)
    return changed


def pending(conn: sqlite3.Connection) -> set[str]:
    """Entities waiting for their article or its content to arrive."""
    return {str(r[0]) for r in conn.execute("SELECT uid FROM sync_entities WHERE pending = 1")}


def _expand(conn: sqlite3.Connection, uids: set[str]) -> tuple[list[Entity], list[Entity]]:
    """The articles and highlights to write: the touched ones and those they depend on."""
    entities = {uid: e for uid in uids if (e := state.load(conn, uid)) is not None}
    for entity in list(entities.values()):
        related = (
            state.highlights_of(conn, entity.uid)
            if entity.kind == "article"
            else [str(entity.values.get("article"))]
        )
        for uid in related:
            if uid not in entities and (other := state.load(conn, uid)) is not None:
                entities[uid] = other
    articles = sorted((e for e in entities.values() if e.kind == "article"), key=lambda e: e.uid)
    highlights = sorted(
        (e for e in entities.values() if e.kind == "highlight"), key=lambda e: e.uid
    )
    return articles, highlights


def materialize(conn: sqlite3.Connection, uids: set[str], fetch: Objects) -> None:
    if state.PALETTE in uids and (palette := state.load(conn, state.PALETTE)) is not None:
        write_palette(conn, palette.target())
    articles, highlights = _expand(conn, uids - {state.PALETTE})
    living = {a.uid: state.article_alive(conn, a) for a in articles}
    for article in articles:
        if living[article.uid]:
            _write_article(conn, article, fetch)
    for highlight in highlights:
        _write_highlight(conn, highlight)
    for article in articles:
        if not living[article.uid]:
            _remove(conn, article, "articles")


def _say_if_kept(conn: sqlite3.Connection, entity: Entity) -> None:
    """An edit beat a removal it had not seen: kept, and recorded so the user is told."""
    if entity.values.get("deleted") is None:
        return
    if entity.removal_overridden():
        winner = max(v for k, v in entity.versions.items() if k != "deleted")
    elif entity.kind == "article" and (kept_by := state.keeper(conn, entity)) is not None:
        winner = max(kept_by.versions.values())
    else:
        return
    version = entity.versions["deleted"]
    state.record_conflict(
        conn, entity.uid, "deleted", entity.values["deleted"], version,
        entity.authors.get("deleted", ""), winner,
    )  # fmt: skip
    log.info("%s %s was removed on another device but edited since; kept", entity.kind, entity.uid)


def _write_article(conn: sqlite3.Connection, article: Entity, fetch: Objects) -> None:
    _say_if_kept(conn, article)
    local_id = _guarded(
        conn, article, lambda: write_article(conn, article.uid, article.target(),
                                             article.local_id, fetch)
    )  # fmt: skip
    if local_id is None:
        state.set_local(conn, article, article.local_id, pending=True)
        return
    state.set_local(conn, article, local_id, pending=False)


def _write_highlight(conn: sqlite3.Connection, highlight: Entity) -> None:
    if not highlight.alive():
        _remove(conn, highlight, "highlights")
        return
    _say_if_kept(conn, highlight)
    article = state.load(conn, str(highlight.values.get("article")))
    complete = all(k in highlight.values for k in ("color", "exact", "start", "end"))
    if article is None or article.local_id is None or not complete or _is_pending(conn, article):
        state.set_local(conn, highlight, highlight.local_id, pending=True)
        return
    article_id = article.local_id
    local_id = _guarded(
        conn, highlight, lambda: write_highlight(conn, highlight.uid, highlight.target(),
                                                 highlight.local_id, article_id)
    )  # fmt: skip
    state.set_local(conn, highlight, local_id or highlight.local_id, pending=local_id is None)


def _guarded(
    conn: sqlite3.Connection, entity: Entity, write: Callable[[], int | None]
) -> int | None:
    """Write one entity, or leave it waiting when its values do not fit this library: a
    colour this version does not know, a malformed record, the same text held by another
    article under another uid (two devices each made a new version of one text). One such
    entity never fails the rest of its file; it is tried again at every sync."""
    conn.execute("SAVEPOINT sync_entity")
    try:
        return write()
    except (sqlite3.IntegrityError, ValueError, TypeError, KeyError, IndexError) as exc:
        conn.execute("ROLLBACK TO sync_entity")
        log.warning("%s %s from sync cannot be written yet: %s", entity.kind, entity.uid, exc)
        return None
    finally:
        conn.execute("RELEASE sync_entity")


def _is_pending(conn: sqlite3.Connection, entity: Entity) -> bool:
    row = conn.execute("SELECT pending FROM sync_entities WHERE uid = ?", (entity.uid,)).fetchone()
    return bool(row and row[0])


def _remove(conn: sqlite3.Connection, entity: Entity, table: str) -> None:
    if entity.local_id is not None:
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (entity.local_id,))
    state.set_local(conn, entity, entity.local_id, pending=False)
