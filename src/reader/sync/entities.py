"""Synced entities as field dictionaries: read from the library's tables, written back.

An article's fields: its metadata, section, read state and position, bookmark, note, the
content object's hash, its assets ({file name: sha256 of the bytes}, only when it has any) and
one field per tag ("tag:<name>" → the name, or None once removed, so tags added on two devices
at once are both kept). A highlight's: its article's uid, colour, selectors, status, note,
times and tags likewise.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Protocol

from reader.core.article import content_hash
from reader.core.edits import EDITABLE, edited_names, stored_names
from reader.storage.database import utc_now
from reader.sync.records import content_object

Fields = dict[str, Any]


class Objects(Protocol):
    """Content-addressed objects of the sync folder, and the article assets on this disk."""

    def __call__(self, sha: str) -> tuple[str, str] | None:
        """An article body (text, HTML), or None while it has not arrived whole."""
        ...

    def assets(self, wanted: dict[str, str]) -> dict[str, bytes] | None:
        """The bytes of every asset named {file name: sha256}, or None while one is missing."""
        ...

    def digests(self, article_id: int) -> dict[str, str]:
        """The assets an article has on this disk, {file name: sha256}."""
        ...

    def place(self, article_id: int, files: dict[str, bytes]) -> None:
        """Make the article's asset folder hold exactly these files."""
        ...


ARTICLE_COLUMNS = (
    "title", "site", "author", "published", "url", "language", "encoding",
    "source_hash", "content_hash", "added",
)  # fmt: skip
HIGHLIGHT_COLUMNS = ("color", "exact", "prefix", "suffix", "status", "note", "created", "updated")
# Fields whose losing value is kept in the conflict history.
NOTE_FIELDS = frozenset({"note"})


def _tags(conn: sqlite3.Connection, table: str, key: str, local_id: int) -> Fields:
    rows = conn.execute(
        f"SELECT t.name FROM {table} x JOIN tags t ON t.id = x.tag_id WHERE x.{key} = ?",
        (local_id,),
    ).fetchall()
    return {f"tag:{str(r[0]).lower()}": str(r[0]) for r in rows}


def read_article(
    conn: sqlite3.Connection, article_id: int, objects: Objects | None = None
) -> tuple[str, Fields] | None:
    """(uid, fields) of an article as stored now, or None when it is gone; its assets are
    read through `objects` (none without)."""
    row = conn.execute(
        f"""SELECT a.uid, {", ".join("a." + c for c in ARTICLE_COLUMNS)}, s.name, a.read_at,
                   a.reading_position, b.article_id, b.position, n.text, c.text, c.html, a.edited
            FROM articles a LEFT JOIN sections s ON s.id = a.section_id
            LEFT JOIN bookmarks b ON b.article_id = a.id
            LEFT JOIN article_notes n ON n.article_id = a.id
            LEFT JOIN article_content c ON c.article_id = a.id
            WHERE a.id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    values = tuple(row)
    fields: Fields = dict(zip(ARTICLE_COLUMNS, values[1:11], strict=True))
    section, read_at, position, marked, mark_at, note, text, html, edited = values[11:]
    fields.update(
        section=section,
        read=read_at,
        position=float(position),
        bookmark=None if marked is None else [mark_at],
        note=note or "",
        content=content_object(text or "", html or "")[0],
    )
    assets = objects.digests(article_id) if objects is not None else {}
    if assets:
        fields["assets"] = assets
    fields.update(_tags(conn, "article_tags", "article_id", article_id))
    # A field the user edited travels twice: as itself, and as "edit:<field>" → [value]. An
    # import elsewhere sets only the first, so the edit wins whichever is newer; edits on two
    # devices settle like any field. [None] is an edit that cleared the field.
    for name in edited_names(edited):
        fields[f"edit:{name}"] = [fields[name]]
    return str(values[0]), fields


def read_highlight(conn: sqlite3.Connection, highlight_id: int) -> tuple[str, Fields] | None:
    row = conn.execute(
        f"""SELECT h.uid, a.uid, h.start_offset, h.end_offset,
                   {", ".join("h." + c for c in HIGHLIGHT_COLUMNS)}
            FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?""",
        (highlight_id,),
    ).fetchone()
    if row is None:
        return None
    values = tuple(row)
    fields: Fields = {"article": values[1], "start": values[2], "end": values[3]}
    fields.update(zip(HIGHLIGHT_COLUMNS, values[4:], strict=True))
    fields.update(_tags(conn, "highlight_tags", "highlight_id", highlight_id))
    return str(values[0]), fields


def tag_names(fields: Fields) -> list[str]:
    return sorted(str(v) for k, v in fields.items() if k.startswith("tag:") and v)


def _set_tags(
    conn: sqlite3.Connection, table: str, key: str, local_id: int, names: list[str]
) -> None:
    conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (local_id,))
    for name in names:
        conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
        conn.execute(
            f"INSERT OR IGNORE INTO {table} ({key}, tag_id) SELECT ?, id FROM tags WHERE name = ?",
            (local_id, name),
        )
    conn.execute(
        """DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)
           AND id NOT IN (SELECT tag_id FROM highlight_tags)"""
    )


def _section_id(conn: sqlite3.Connection, name: str | None) -> int | None:
    if not name:
        return None
    conn.execute("INSERT OR IGNORE INTO sections (name, created) VALUES (?, ?)", (name, utc_now()))
    return int(conn.execute("SELECT id FROM sections WHERE name = ?", (name,)).fetchone()[0])


def write_article(
    conn: sqlite3.Connection, uid: str, target: Fields, local_id: int | None, fetch: Objects
) -> int | None:
    """Make the tables hold `target`; returns the article's id, None while its content or
    one of its assets is missing."""
    current = read_article(conn, local_id, fetch) if local_id is not None else None
    wanted = dict(target.get("assets") or {})
    changed = current is None or wanted != current[1].get("assets", {})
    files = fetch.assets(wanted) if changed else None
    if changed and files is None:
        return None
    if current is None:
        body = fetch(str(target.get("content")))
        if body is None or any(target.get(c) is None for c in ("title", "content_hash")):
            return None
        local_id = _insert_article(conn, uid, target, body)
        current = read_article(conn, local_id)
        assert current is not None
    assert local_id is not None
    if files is not None:
        fetch.place(local_id, files)
    old = current[1]
    text = None
    if target.get("content") != old["content"]:
        body = fetch(str(target.get("content")))
        if body is None:
            return None
        conn.execute(
            "UPDATE article_content SET text = ?, html = ? WHERE article_id = ?",
            (*body, local_id),
        )
        text = body[0]
    kept = _settled(conn, local_id, target, text)
    marks = stored_names(key[5:] for key in old if key.startswith("edit:"))
    _update_article(conn, local_id, kept, {**old, "edited": marks})
    if kept.get("content_hash") != target.get("content_hash"):
        # The tables now differ from the merged state: a change-log row makes the next
        # capture send the hash out, even when no column changed here.
        conn.execute("UPDATE articles SET content_hash = content_hash WHERE id = ?", (local_id,))
    return local_id


def _settled(conn: sqlite3.Connection, local_id: int, target: Fields, text: str | None) -> Fields:
    """The target as this library stores it: the user's edits ("edit:<field>") over the
    imported values, and a content hash made again from the title and text it ends up with.
    Merged field by field, those may come from two devices (a title edited here, a new
    version's text from there), and a stale hash would read as damage."""
    kept = dict(target)
    edits = {
        key[5:]: value[0]
        for key, value in target.items()
        if key.startswith("edit:") and isinstance(value, list) and value
    }
    kept.update((name, value) for name, value in edits.items() if name in EDITABLE)
    kept["edited"] = stored_names(edits)
    if kept.get("title"):
        if text is None:
            row = conn.execute(
                "SELECT text FROM article_content WHERE article_id = ?", (local_id,)
            ).fetchone()
            text = str(row[0]) if row else ""
        kept["content_hash"] = content_hash(str(kept["title"]), text)
    return kept


def _insert_article(
    conn: sqlite3.Connection, uid: str, target: Fields, body: tuple[str, str]
) -> int:
    columns = ", ".join(ARTICLE_COLUMNS)
    cur = conn.execute(
        f"""INSERT INTO articles (uid, {columns}, section_id, updated)
            VALUES (?, {", ".join("?" * len(ARTICLE_COLUMNS))}, ?, ?)""",
        (uid, *(target.get(c) for c in ARTICLE_COLUMNS[:-1]), target.get("added") or utc_now(),
         _section_id(conn, target.get("section")), utc_now()),
    )  # fmt: skip
    article_id = int(cur.lastrowid or 0)
    conn.execute(
        "INSERT INTO article_content (article_id, text, html) VALUES (?, ?, ?)",
        (article_id, *body),
    )
    return article_id


def _update_article(conn: sqlite3.Connection, article_id: int, target: Fields, old: Fields) -> None:
    columns = (*ARTICLE_COLUMNS, "edited")
    changed = [c for c in columns if target.get(c) != old.get(c) and c in target]
    if changed or target.get("section") != old.get("section"):
        sets = ", ".join(f"{c} = ?" for c in changed)
        conn.execute(
            f"UPDATE articles SET {sets}{', ' if sets else ''}section_id = ? WHERE id = ?",
            (*(target[c] for c in changed), _section_id(conn, target.get("section")), article_id),
        )
    if (target.get("read"), target.get("position", 0.0)) != (old["read"], old["position"]):
        conn.execute(
            "UPDATE articles SET read_at = ?, reading_position = ? WHERE id = ?",
            (target.get("read"), target.get("position", 0.0), article_id),
        )
    if target.get("bookmark") != old["bookmark"]:
        conn.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))
        if target.get("bookmark") is not None:
            conn.execute(
                "INSERT INTO bookmarks (article_id, position, created) VALUES (?, ?, ?)",
                (article_id, target["bookmark"][0], utc_now()),
            )
    _write_note(conn, article_id, str(target.get("note") or ""), old["note"])
    if tag_names(target) != tag_names(old):
        _set_tags(conn, "article_tags", "article_id", article_id, tag_names(target))


def _write_note(conn: sqlite3.Connection, article_id: int, text: str, old: str) -> None:
    if text == old:
        return
    if not text:
        conn.execute("DELETE FROM article_notes WHERE article_id = ?", (article_id,))
        return
    conn.execute(
        """INSERT INTO article_notes (article_id, text, created, updated) VALUES (?, ?, ?, ?)
           ON CONFLICT(article_id) DO UPDATE SET text = excluded.text,
               updated = excluded.updated""",
        (article_id, text, utc_now(), utc_now()),
    )


def write_highlight(
    conn: sqlite3.Connection, uid: str, target: Fields, local_id: int | None, article_id: int
) -> int:
    """Make the tables hold the highlight `target` on the local article `article_id`."""
    current = read_highlight(conn, local_id) if local_id is not None else None
    values = (
        article_id, target["color"], target["exact"], target.get("prefix", ""),
        target.get("suffix", ""), target["start"], target["end"], target.get("status", "anchored"),
        target.get("note", ""), target.get("created") or utc_now(),
        target.get("updated") or utc_now(),
    )  # fmt: skip
    if current is None:
        cur = conn.execute(
            """INSERT INTO highlights (article_id, color, exact, prefix, suffix, start_offset,
                   end_offset, status, note, created, updated, uid)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (*values, uid),
        )
        local_id = int(cur.lastrowid or 0)
    elif {k: v for k, v in current[1].items() if not k.startswith("tag:")} != {
        **{k: v for k, v in target.items() if not k.startswith("tag:")}
    } or current[1].get("article") != target.get("article"):
        conn.execute(
            """UPDATE highlights SET article_id = ?, color = ?, exact = ?, prefix = ?,
                   suffix = ?, start_offset = ?, end_offset = ?, status = ?, note = ?,
                   created = ?, updated = ? WHERE id = ?""",
            (*values, local_id),
        )
    assert local_id is not None
    if current is None or tag_names(current[1]) != tag_names(target):
        _set_tags(conn, "highlight_tags", "highlight_id", local_id, tag_names(target))
    return local_id
