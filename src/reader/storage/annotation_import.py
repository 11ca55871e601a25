"""Annotations read from a file attached to the library's articles: matched by URL, content
hash or title; highlights already present left alone, notes appended, never replaced."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from reader.core.annotation import (
    AnchorStatus,
    ArticleAnnotations,
    ArticleKey,
    Highlight,
    Note,
    TextPositionSelector,
)
from reader.storage import annotation_rows as rows
from reader.storage.database import utc_now


@dataclass
class AnnotationImportReport:
    """What an import of annotations did."""

    articles: list[int] = field(default_factory=list)  # ids of the articles that matched
    added: int = 0
    already_present: int = 0
    orphaned: int = 0
    unmatched: list[ArticleKey] = field(default_factory=list)
    skipped: int = 0  # annotations the file held that could not be read or were over a limit
    linked_pages: list[str] = field(default_factory=list)  # pages named but not in the file

    @property
    def partial(self) -> bool:
        """Some of what the file holds or names was not imported."""
        return bool(self.skipped or self.linked_pages)

    def to_json(self) -> dict[str, object]:
        return {
            "skipped": self.skipped,
            "linked_pages": self.linked_pages,
            "articles": self.articles,
            "added": self.added,
            "already_present": self.already_present,
            "orphaned": self.orphaned,
            "unmatched": [vars(key) for key in self.unmatched],
        }


def match_article(conn: sqlite3.Connection, key: ArticleKey) -> int | None:
    """The article an exported annotation points at: by URL, content hash, then unique title."""
    if key.url:
        row = conn.execute("SELECT max(id) FROM articles WHERE url = ?", (key.url,)).fetchone()
        if row[0] is not None:
            return int(row[0])
    for column, value in (("content_hash", key.content_hash), ("title", key.title)):
        if value:
            sql = f"SELECT id FROM articles WHERE {column} = ? LIMIT 2"
            found = conn.execute(sql, (value,)).fetchall()
            if len(found) == 1:
                return int(found[0][0])
    return None


def import_group(
    conn: sqlite3.Connection,
    article_id: int,
    annotations: ArticleAnnotations,
    report: AnnotationImportReport,
) -> None:
    text = rows.article_text(conn, article_id)
    for highlight in annotations.highlights:
        exists = conn.execute("SELECT 1 FROM highlights WHERE uid = ?", (highlight.uid,))
        if exists.fetchone():
            report.already_present += 1
            continue
        status = _insert_imported(conn, article_id, highlight, text)
        report.added += 1
        report.orphaned += status is AnchorStatus.ORPHANED
    if annotations.note is not None:
        _merge_note(conn, article_id, annotations.note)
    rows.link_tags(conn, "article_tags", "article_id", article_id, annotations.tags)


def _insert_imported(
    conn: sqlite3.Connection, article_id: int, highlight: Highlight, text: str
) -> AnchorStatus:
    position = highlight.position
    if position.start < 0 or position.end <= position.start:
        # Never seen in our own exports; the CHECK constraints want some range all the same.
        position = TextPositionSelector(0, max(1, len(highlight.quote.exact)))
    highlight = replace(highlight, article_id=article_id, position=position)
    highlight_id = rows.insert_highlight(conn, highlight)
    if highlight.status is AnchorStatus.ORPHANED:
        return AnchorStatus.ORPHANED
    if text.startswith(highlight.quote.exact, position.start):
        return highlight.status  # the same text: keep the selectors exactly as exported
    return rows.anchor_into(conn, rows.get_highlight(conn, highlight_id), text)


def _merge_note(conn: sqlite3.Connection, article_id: int, note: Note) -> None:
    existing = rows.article_note(conn, article_id)
    if existing is None:
        conn.execute(
            "INSERT INTO article_notes (article_id, text, created, updated) VALUES (?, ?, ?, ?)",
            (article_id, note.text, note.created.isoformat(), note.updated.isoformat()),
        )
    elif note.text.strip() not in existing.text:
        conn.execute(
            "UPDATE article_notes SET text = ?, updated = ? WHERE article_id = ?",
            (f"{existing.text}\n\n{note.text}", utc_now(), article_id),
        )
