"""Highlights, article notes, tags and colour meanings in SQLite; each change one durable commit."""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from reader.core.annotation import (
    AnchorStatus,
    ArticleAnnotations,
    Color,
    Highlight,
    ImportedAnnotations,
    Note,
    normalize_tags,
    selectors,
    trim_span,
)
from reader.storage import annotation_rows as rows
from reader.storage.annotation_import import AnnotationImportReport as AnnotationImportReport
from reader.storage.annotation_import import import_group, match_article
from reader.storage.database import Database, utc_now

_TAGGED = """EXISTS (SELECT 1 FROM {link} x JOIN tags t ON t.id = x.tag_id
                     WHERE x.{key} = {value} AND t.name = ?)"""


@dataclass(frozen=True)
class HighlightFilter:
    """Which highlights a list shows; None means no restriction on that field.

    `tag` matches a tag on the highlight or on its article; `text` looks in quotes and notes.
    """

    article_id: int | None = None
    color: Color | None = None
    tag: str | None = None
    section: str | None = None
    text: str | None = None
    orphaned: bool = False
    author: str | None = None

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.article_id is not None:
            clauses.append("h.article_id = ?")
            params.append(self.article_id)
        if self.color is not None:
            clauses.append("h.color = ?")
            params.append(Color.parse(self.color).value)
        if self.tag:
            highlight = _TAGGED.format(link="highlight_tags", key="highlight_id", value="h.id")
            article = _TAGGED.format(link="article_tags", key="article_id", value="h.article_id")
            clauses.append(f"({highlight} OR {article})")
            params += [self.tag.strip(), self.tag.strip()]
        if self.section:
            clauses.append(
                "h.article_id IN (SELECT a.id FROM articles a JOIN sections s "
                "ON s.id = a.section_id WHERE s.name = ? COLLATE NOCASE)"
            )
            params.append(self.section)
        if self.text:
            clauses.append("(h.exact LIKE ? ESCAPE '\\' OR h.note LIKE ? ESCAPE '\\')")
            params += [_like(self.text)] * 2
        if self.orphaned:
            clauses.append("h.status = 'orphaned'")
        if self.author:
            clauses.append(f"{rows.HIGHLIGHT_AUTHOR} = ?")
            params.append(self.author.strip())
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class AnnotationStore:
    """Reads and writes annotations; each public write is its own durable transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- highlights -------------------------------------------------------------------------

    def add_highlight(
        self,
        article_id: int,
        start: int,
        end: int,
        color: Color | str = Color.YELLOW,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Highlight:
        """Highlight text[start:end] (code points, trimmed of white space) of the stored text."""
        with self.db.transaction(durable=True) as conn:
            text = rows.article_text(conn, article_id)
            quote, position = selectors(text, *trim_span(text, start, end))
            now = datetime.fromisoformat(utc_now())
            new = Highlight(
                0, str(uuid.uuid4()), article_id, Color.parse(color), quote, position,
                note.strip(), normalize_tags(list(tags)), now, now,
            )  # fmt: skip
            return rows.get_highlight(conn, rows.insert_highlight(conn, new))

    def update_highlight(
        self,
        highlight_id: int,
        *,
        color: Color | str | None = None,
        note: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Highlight:
        """Change what is given; None leaves a field as it is."""
        new_color = Color.parse(color).value if color is not None else None
        new_tags = normalize_tags(list(tags)) if tags is not None else None
        with self.db.transaction(durable=True) as conn:
            rows.get_highlight(conn, highlight_id)
            conn.execute(
                """UPDATE highlights SET color = COALESCE(?, color), note = COALESCE(?, note),
                       updated = ? WHERE id = ?""",
                (new_color, note.strip() if note is not None else None, utc_now(), highlight_id),
            )
            if new_tags is not None:
                rows.set_highlight_tags(conn, highlight_id, new_tags)
            return rows.get_highlight(conn, highlight_id)

    def highlight(self, highlight_id: int) -> Highlight:
        with self.db.reading() as conn:
            return rows.get_highlight(conn, highlight_id)

    def delete_highlight(self, highlight_id: int) -> Highlight:
        """Delete one highlight (the user asked for it); returns what was deleted."""
        with self.db.transaction(durable=True) as conn:
            gone = rows.get_highlight(conn, highlight_id)
            # An imported highlight stays deleted when its file is imported again.
            conn.execute(
                """INSERT OR IGNORE INTO dismissed_imports (uid, source)
                   SELECT h.uid, s.source FROM highlights h
                   JOIN highlight_sources s ON s.highlight_id = h.id WHERE h.id = ?""",
                (highlight_id,),
            )
            conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
            rows.prune_tags(conn)
            return gone

    def restore_highlight(self, deleted: Highlight) -> Highlight:
        """Put back a highlight deleted a moment ago (undo), anchors, note and tags as they
        were; under a new uid, as sync may already have published the deletion of the old."""
        with self.db.transaction(durable=True) as conn:
            rows.article_text(conn, deleted.article_id)  # NotFound once the article is gone
            again = replace(deleted, uid=str(uuid.uuid4()))
            return rows.get_highlight(conn, rows.insert_highlight(conn, again))

    def reattach(self, highlight_id: int, start: int, end: int) -> Highlight:
        """Anchor a highlight (orphaned, or fuzzy and wrong) to a range the user selected."""
        with self.db.transaction(durable=True) as conn:
            article_id = rows.get_highlight(conn, highlight_id).article_id
            text = rows.article_text(conn, article_id)
            quote, position = selectors(text, *trim_span(text, start, end))
            rows.write_anchor(conn, highlight_id, quote, position, AnchorStatus.ANCHORED)
            conn.execute(
                "UPDATE highlights SET updated = ? WHERE id = ?", (utc_now(), highlight_id)
            )
            return rows.get_highlight(conn, highlight_id)

    def confirm(self, highlight_id: int) -> Highlight:
        """The user checked a fuzzy highlight and it is right: mark it anchored."""
        with self.db.transaction(durable=True) as conn:
            conn.execute(
                "UPDATE highlights SET status = 'anchored' WHERE id = ? AND status = 'fuzzy'",
                (highlight_id,),
            )
            return rows.get_highlight(conn, highlight_id)

    def put_anchor(self, before: Highlight) -> Highlight:
        """Give a highlight back the anchor it had (undo of a Confirm or a Re-attach)."""
        with self.db.transaction(durable=True) as conn:
            rows.write_anchor(conn, before.id, before.quote, before.position, before.status)
            return rows.get_highlight(conn, before.id)

    def get_highlight(self, highlight_id: int) -> Highlight:
        with self.db.reading() as conn:
            return rows.get_highlight(conn, highlight_id)

    def highlights(self, article_id: int) -> list[Highlight]:
        """An article's highlights in text order, orphans last."""
        return self.list_highlights(HighlightFilter(article_id=article_id))

    def list_highlights(
        self,
        filter: HighlightFilter | None = None,
        *,
        newest_first: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Highlight]:
        """Highlights across the library, by article then text order (or newest first)."""
        where, params = (filter or HighlightFilter()).where()
        order = "h.created DESC, h.id DESC" if newest_first else f"h.article_id, {rows.TEXT_ORDER}"
        sql = f"SELECT {rows.HIGHLIGHT_COLUMNS} FROM highlights h{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.db.reading() as conn:
            return [rows.from_row(row) for row in conn.execute(sql, params)]

    def highlight_authors(self) -> list[str]:
        """Everyone who wrote a highlight here, by name."""
        with self.db.reading() as conn:
            found = conn.execute(f"SELECT DISTINCT {rows.HIGHLIGHT_AUTHOR} FROM highlights h")
            return sorted(str(r[0]) for r in found if r[0])

    def count_highlights(self, filter: HighlightFilter | None = None) -> int:
        where, params = (filter or HighlightFilter()).where()
        with self.db.reading() as conn:
            return int(
                conn.execute(f"SELECT count(*) FROM highlights h{where}", params).fetchone()[0]
            )

    # -- article notes, tags and colours ------------------------------------------------------

    def set_article_note(self, article_id: int, text: str) -> Note | None:
        """Set the article's Markdown note; empty text removes it."""
        text = text.strip()
        with self.db.transaction(durable=True) as conn:
            rows.article_text(conn, article_id)
            if not text:
                conn.execute("DELETE FROM article_notes WHERE article_id = ?", (article_id,))
                return None
            now = utc_now()
            conn.execute(
                """INSERT INTO article_notes (article_id, text, created, updated)
                   VALUES (?, ?, ?, ?) ON CONFLICT(article_id)
                   DO UPDATE SET text = excluded.text, updated = excluded.updated""",
                (article_id, text, now, now),
            )
            return rows.article_note(conn, article_id)

    def article_note(self, article_id: int) -> Note | None:
        with self.db.reading() as conn:
            return rows.article_note(conn, article_id)

    def set_article_tags(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        names = normalize_tags(list(tags))
        with self.db.transaction(durable=True) as conn:
            rows.article_text(conn, article_id)
            conn.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
            rows.link_tags(conn, "article_tags", "article_id", article_id, names)
            rows.prune_tags(conn)
            return rows.article_tags(conn, article_id)

    def article_tags(self, article_id: int) -> tuple[str, ...]:
        with self.db.reading() as conn:
            return rows.article_tags(conn, article_id)

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles and highlights that carry it."""
        with self.db.reading() as conn:
            records = conn.execute(
                """SELECT t.name,
                       (SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id)
                     + (SELECT count(*) FROM highlight_tags x WHERE x.tag_id = t.id)
                   FROM tags t ORDER BY t.name COLLATE NOCASE"""
            ).fetchall()
        return [(r[0], int(r[1])) for r in records]

    def color_meanings(self) -> dict[Color, str | None]:
        """The palette in shortcut order, with what each colour means to the user."""
        with self.db.reading() as conn:
            records = conn.execute("SELECT name, meaning FROM colors ORDER BY position").fetchall()
        return {Color(r[0]): r[1] for r in records}

    def set_color_meaning(self, color: Color | str, meaning: str | None) -> None:
        """Say what a colour stands for ("key claim", "question"); empty clears it."""
        value = " ".join((meaning or "").split()) or None
        with self.db.transaction(durable=True) as conn:
            conn.execute(
                "UPDATE colors SET meaning = ? WHERE name = ?", (value, Color.parse(color).value)
            )

    # -- whole articles ---------------------------------------------------------------------

    def for_article(self, article_id: int) -> ArticleAnnotations:
        with self.db.reading() as conn:
            note, tags = rows.article_note(conn, article_id), rows.article_tags(conn, article_id)
        highlights = tuple(self.highlights(article_id))
        return ArticleAnnotations(article_id, note, tags, highlights)

    def annotated_article_ids(self) -> list[int]:
        """Articles with a highlight, a note or a tag, oldest first (for exports)."""
        with self.db.reading() as conn:
            records = conn.execute(
                """SELECT article_id FROM highlights UNION SELECT article_id FROM article_notes
                   UNION SELECT article_id FROM article_tags ORDER BY 1"""
            ).fetchall()
        return [int(r[0]) for r in records]

    def annotation_count(self, article_id: int) -> int:
        """Highlights plus the article note: what removing the article would destroy."""
        with self.db.reading() as conn:
            row = conn.execute(
                """SELECT (SELECT count(*) FROM highlights WHERE article_id = ?)
                        + (SELECT count(*) FROM article_notes WHERE article_id = ?)""",
                (article_id, article_id),
            ).fetchone()
        return int(row[0])

    def has_notes(self, article_id: int) -> bool:
        return self.annotation_count(article_id) > 0

    def colors(self, article_id: int) -> tuple[Color, ...]:
        return self.for_article(article_id).colors

    def notes_text(self, article_id: int) -> str:
        return self.for_article(article_id).notes_text

    # -- inside the caller's transaction ------------------------------------------------------

    def reanchor_article(
        self, conn: sqlite3.Connection, article_id: int, new_text: str
    ) -> Counter[AnchorStatus]:
        """Re-attach an article's highlights to its replaced text; deletes nothing.

        Call inside the transaction that replaces the text. Highlights found again get fresh
        selectors; a fuzzy match stays flagged until the user confirms or re-attaches it;
        orphans keep their quote and last position.
        """
        counts: Counter[AnchorStatus] = Counter()
        records = conn.execute(
            f"SELECT {rows.HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.article_id = ?",
            (article_id,),
        ).fetchall()
        for highlight in map(rows.from_row, records):
            status = rows.anchor_into(conn, highlight, new_text)
            counts[status] += 1
        return counts

    # -- import -------------------------------------------------------------------------------

    def import_annotations(
        self, groups: Iterable[ImportedAnnotations], meanings: Mapping[Color, str] | None = None
    ) -> AnnotationImportReport:
        """Attach annotations read from a file to the matching articles, in one transaction.

        Highlights already present (same uid) are left alone, so importing twice adds nothing.
        An article note that differs from the existing one is appended to it, never replacing it.
        """
        report = AnnotationImportReport()
        with self.db.transaction(durable=True) as conn:
            for group in groups:
                article_id = match_article(conn, group.key)
                if article_id is None:
                    report.unmatched.append(group.key)
                    continue
                report.articles.append(article_id)
                import_group(conn, article_id, group.annotations, report)
            for color, meaning in (meanings or {}).items():
                conn.execute(
                    "UPDATE colors SET meaning = ? WHERE name = ? AND meaning IS NULL",
                    (meaning, Color.parse(color).value),
                )
        return report


# -- helpers ------------------------------------------------------------------------------------


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
