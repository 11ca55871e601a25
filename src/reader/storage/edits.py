"""Hand-corrected metadata in SQLite: the edit itself, and keeping it through new versions."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from reader.core.article import Article, content_hash
from reader.core.edits import EDITABLE, MetadataEdit, Snapshot, edited_names, stored_names
from reader.errors import NotFound, ReaderError
from reader.storage.articles import ArticleStore
from reader.storage.database import utc_now

_CURRENT = """SELECT a.title, a.author, a.published, a.site, s.name, a.url, a.edited, c.text
              FROM articles a LEFT JOIN sections s ON s.id = a.section_id
              JOIN article_content c ON c.article_id = a.id WHERE a.id = ?"""


def snapshot(conn: sqlite3.Connection, article_id: int) -> tuple[Snapshot, str]:
    """The editable fields as stored now (as text), which of them the user edited, and the
    article's body text (its content hash covers the title)."""
    row = conn.execute(_CURRENT, (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    values = dict(zip(EDITABLE, (row[i] for i in range(6)), strict=True))
    return Snapshot(values, edited_names(row[6])), str(row[7])


def edit(
    conn: sqlite3.Connection,
    articles: ArticleStore,
    article_id: int,
    change: MetadataEdit,
    edited: frozenset[str] | None = None,
) -> Snapshot:
    """Write the new values and mark them the user's in one UPDATE (one change-log row);
    `edited` sets the marks outright (an undo), else the edit's fields join the marks.
    Returns the state before, for undo."""
    before, text = snapshot(conn, article_id)
    sets: list[str] = []
    params: list[object] = []
    for name, value in change.values.items():
        if name == "section":
            sets.append("section_id = ?")
            params.append(articles.section_id(conn, value if isinstance(value, str) else None))
        else:
            sets.append(f"{name} = ?")
            params.append(value.isoformat() if isinstance(value, date) else value)
    if "title" in change.values:
        new_hash = content_hash(str(change.values["title"]), text)
        other = articles.find_content_in(conn, new_hash)
        if other is not None and other != article_id:
            raise ReaderError(f"article #{other} already has this title and the same text")
        sets.append("content_hash = ?")
        params.append(new_hash)
    marks = before.edited | change.fields if edited is None else edited
    sets += ["edited = ?", "updated = ?"]
    params += [stored_names(marks), utc_now(), article_id]
    conn.execute(f"UPDATE articles SET {', '.join(sets)} WHERE id = ?", params)
    if "section" in change.values:
        articles.drop_empty_sections(conn)
    return before


def keep_edited(
    conn: sqlite3.Connection, article_id: int, article: Article, section: str | None
) -> tuple[Article, str | None]:
    """A new version of an article and its section, with the fields the user edited as the
    user left them."""
    row = conn.execute(
        "SELECT a.edited, a.title, a.author, a.published, a.site, s.name, a.url FROM articles a"
        " LEFT JOIN sections s ON s.id = a.section_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    marks = edited_names(row[0]) if row else frozenset()
    if not marks:
        return article, section
    stored = dict(zip(EDITABLE, tuple(row)[1:], strict=True))
    kept: dict[str, object] = {n: stored[n] for n in marks}
    if kept.get("published"):
        kept["published"] = date.fromisoformat(str(kept["published"]))
    if "section" in kept:
        section = stored["section"]
    return replace(article, **kept), section  # type: ignore[arg-type]
