"""Articles, their bodies and sections in SQLite: queries that know the schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter

from reader.core.article import Article, ArticleSummary, StoredArticle
from reader.core.ordering import natural_order
from reader.errors import NotFound
from reader.storage.article_views import ArticleFilter as ArticleFilter  # what callers filter by
from reader.storage.article_views import order_by, view_counts
from reader.storage.database import Database, utc_now

_SUMMARY_COLUMNS = """
    a.id, a.title, s.name AS section, a.site, a.author, a.published, a.language,
    COALESCE(a.url, a.source_path) AS source, a.added, a.read_at,
    EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id) AS bookmarked, a.trashed
"""
_FROM = "FROM articles a LEFT JOIN sections s ON s.id = a.section_id"
# What a list row shows besides the summary, read a page of rows at a time.
_ROW_EXTRAS = """,
    a.reading_position, a.chars,
    EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)
        OR EXISTS (SELECT 1 FROM article_notes n WHERE n.article_id = a.id) AS annotated
"""

# How many articles sharing a file or URL a new import is compared with, newest first.
SAME_SOURCE_LIMIT = 20


class ArticleStore:
    """Reads and writes articles; every write runs inside the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writes (inside Database.transaction) ---------------------------------------------

    def section_id(self, conn: sqlite3.Connection, name: str | None) -> int | None:
        name = " ".join(name.split()) if name else None
        if not name:
            return None
        row = conn.execute("SELECT id FROM sections WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        cur = conn.execute("INSERT INTO sections (name, created) VALUES (?, ?)", (name, utc_now()))
        return int(cur.lastrowid or 0)

    def _values(
        self, conn: sqlite3.Connection, article: Article, section: str | None
    ) -> tuple[object, ...]:
        """The article's metadata in the column order both writes below use."""
        return (
            article.title,
            self.section_id(conn, section),
            article.site,
            article.author,
            article.published.isoformat() if article.published else None,
            article.url,
            article.source_path,
            article.language,
            article.encoding,
            article.source_hash,
            article.content_hash,
        )

    def insert(self, conn: sqlite3.Connection, article: Article, section: str | None) -> int:
        now = utc_now()
        cur = conn.execute(
            """INSERT INTO articles (title, section_id, site, author, published, url,
                   source_path, language, encoding, source_hash, content_hash, added, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (*self._values(conn, article, section), now, now),
        )
        article_id = int(cur.lastrowid or 0)
        conn.execute(
            "INSERT INTO article_content (article_id, text, html) VALUES (?, ?, ?)",
            (article_id, article.text, article.html),
        )
        return article_id

    def replace_content(
        self, conn: sqlite3.Connection, article_id: int, article: Article, section: str | None
    ) -> None:
        """A new version of an existing article: same id, new text and metadata."""
        conn.execute(
            """UPDATE articles SET title = ?, section_id = COALESCE(?, section_id), site = ?,
                   author = ?, published = ?, url = COALESCE(?, url),
                   source_path = COALESCE(?, source_path), language = ?, encoding = ?,
                   source_hash = ?, content_hash = ?, updated = ?
               WHERE id = ?""",
            (*self._values(conn, article, section), utc_now(), article_id),
        )
        conn.execute(
            "UPDATE article_content SET text = ?, html = ? WHERE article_id = ?",
            (article.text, article.html, article_id),
        )

    def delete(self, conn: sqlite3.Connection, article_id: int) -> bool:
        cur = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.drop_empty_sections(conn)
        return cur.rowcount > 0

    def set_trashed(self, conn: sqlite3.Connection, ids: Iterable[int], trashed: bool) -> list[int]:
        """Move articles to the Trash (or back); returns the ids whose state changed."""
        value = utc_now() if trashed else None
        changed = []
        for article_id in ids:
            cur = conn.execute(
                "UPDATE articles SET trashed = ? WHERE id = ? AND (trashed IS NULL) = ?",
                (value, article_id, trashed),
            )
            if cur.rowcount:
                changed.append(article_id)
        return changed

    def trashed_before(self, conn: sqlite3.Connection, cutoff: str | None) -> list[int]:
        """Ids in the Trash, all of them or those trashed before `cutoff` (ISO time)."""
        sql = "SELECT id FROM articles WHERE trashed IS NOT NULL"
        params: list[object] = []
        if cutoff is not None:
            sql += " AND trashed < ?"
            params.append(cutoff)
        return [int(r[0]) for r in conn.execute(sql, params)]

    def set_read(self, conn: sqlite3.Connection, ids: Iterable[int], read: bool) -> None:
        # Also "when last opened" (every opening writes it): Recently Read is ordered by it,
        # and a reader going down the list opens several articles within one second.
        value = datetime.now(UTC).isoformat(timespec="microseconds") if read else None
        conn.executemany("UPDATE articles SET read_at = ? WHERE id = ?", [(value, i) for i in ids])

    def set_position(self, conn: sqlite3.Connection, article_id: int, position: float) -> None:
        position = min(1.0, max(0.0, position))
        conn.execute(
            "UPDATE articles SET reading_position = ? WHERE id = ?", (position, article_id)
        )

    def rename_section(self, conn: sqlite3.Connection, old: str, new: str) -> None:
        """Rename a section; renaming onto an existing name merges the two."""
        row = conn.execute("SELECT id FROM sections WHERE name = ?", (old,)).fetchone()
        if row is None:
            raise NotFound(f"no section named {old!r}")
        source, new = int(row[0]), " ".join(new.split())
        existing = conn.execute("SELECT id FROM sections WHERE name = ?", (new,)).fetchone()
        target = int(existing[0]) if existing else source
        if source == target:
            conn.execute("UPDATE sections SET name = ? WHERE id = ?", (new, source))
            return
        conn.execute("UPDATE articles SET section_id = ? WHERE section_id = ?", (target, source))
        conn.execute("DELETE FROM sections WHERE id = ?", (source,))

    def ids_in_section(self, conn: sqlite3.Connection, name: str) -> list[int]:
        rows = conn.execute(
            "SELECT a.id FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.name = ?",
            (name,),
        )
        return [int(r[0]) for r in rows]

    def move(self, conn: sqlite3.Connection, ids: Iterable[int], section: str | None) -> None:
        target = self.section_id(conn, section)
        conn.executemany(
            "UPDATE articles SET section_id = ? WHERE id = ?", [(target, i) for i in ids]
        )
        self.drop_empty_sections(conn)

    def drop_empty_sections(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "DELETE FROM sections WHERE id NOT IN "
            "(SELECT section_id FROM articles WHERE section_id IS NOT NULL)"
        )

    def set_bookmarked(
        self, conn: sqlite3.Connection, article_id: int, on: bool, position: float | None = None
    ) -> None:
        if on:
            conn.execute(
                "INSERT INTO bookmarks (article_id, position, created) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET position = excluded.position",
                (article_id, position, utc_now()),
            )
        else:
            conn.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))

    # -- reads ------------------------------------------------------------------------------

    def same_source_in(
        self,
        conn: sqlite3.Connection,
        source_path: str | None,
        url: str | None,
        limit: int = SAME_SOURCE_LIMIT,
    ) -> list[tuple[int, str, str]]:
        """Articles imported from this file or URL, newest first: (id, "file" or "URL", text).

        Many pages can share a URL (a site's home page, a canonical link on every page of a
        section), so there may be several; the newest `limit` are enough to find a version.
        """
        found: dict[int, tuple[int, str, str]] = {}
        for column, by, value in (("source_path", "file", source_path), ("url", "URL", url)):
            if not value:
                continue
            rows = conn.execute(
                f"""SELECT a.id, c.text FROM articles a
                    JOIN article_content c ON c.article_id = a.id
                    WHERE a.{column} = ? AND a.trashed IS NULL
                    ORDER BY a.id DESC LIMIT ?""",
                (value, limit),
            )
            for article_id, text in rows:
                found.setdefault(article_id, (article_id, by, text))
        return sorted(found.values(), reverse=True)[:limit]

    def exists(self, article_id: int) -> bool:
        with self.db.reading() as conn:
            row = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def require(self, article_id: int) -> None:
        """NotFound for an unknown id, without reading the article's text."""
        if not self.exists(article_id):
            raise NotFound(f"no article with id {article_id}")

    def summary(self, article_id: int) -> ArticleSummary:
        found = self.summaries([article_id]).get(article_id)
        if found is None:
            raise NotFound(f"no article with id {article_id}")
        return found

    def find_content_in(self, conn: sqlite3.Connection, content_hash: str) -> int | None:
        """The article with this normalized text, if any (duplicates are found by it)."""
        row = conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return int(row[0]) if row else None

    def title_in(self, conn: sqlite3.Connection, article_id: int) -> str:
        row = conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else ""

    def get(self, article_id: int) -> StoredArticle:
        with self.db.reading() as conn:
            row = conn.execute(
                f"""SELECT {_SUMMARY_COLUMNS}, a.url, a.encoding, a.source_hash, a.content_hash,
                       a.reading_position, c.text, c.html
                    {_FROM} JOIN article_content c ON c.article_id = a.id
                    WHERE a.id = ?""",
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return StoredArticle(
            summary=_summary(row),
            text=row["text"],
            html=row["html"],
            url=row["url"],
            encoding=row["encoding"],
            source_hash=row["source_hash"],
            content_hash=row["content_hash"],
            reading_position=float(row["reading_position"]),
        )

    def text_of(self, article_id: int) -> tuple[str, str] | None:
        """Title and body text, for snippets."""
        with self.db.reading() as conn:
            row = conn.execute(
                "SELECT a.title, c.text FROM articles a JOIN article_content c "
                "ON c.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        return (row[0], row[1]) if row else None

    def query(
        self,
        view: ArticleFilter | None = None,
        *,
        sort: str = "published",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        where, params = (view or ArticleFilter()).where()
        sql = f"SELECT {_SUMMARY_COLUMNS} {_FROM}{where} {order_by(sort, descending)}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.db.reading() as conn:
            return [_summary(row) for row in conn.execute(sql, params)]

    def ids(
        self,
        view: ArticleFilter | None = None,
        *,
        sort: str = "published",
        descending: bool = True,
    ) -> list[int]:
        """Ordered ids only: what a list view holds before it pages rows in."""
        where, params = (view or ArticleFilter()).where()
        if sort == "title":  # natural order needs Python: "2.1" before "10.3"
            with self.db.reading() as conn:
                rows = conn.execute(f"SELECT a.id, a.title {_FROM}{where}", params).fetchall()
            return natural_order(((int(r[0]), r[1]) for r in rows), descending=descending)
        sql = f"SELECT a.id {_FROM}{where} {order_by(sort, descending)}"
        with self.db.reading() as conn:
            # Taken from the rows in C: a Python loop over 100,000 rows held the interpreter
            # lock beside the UI thread (58 ms for the whole read, now 48).
            return list(map(itemgetter(0), conn.execute(sql, params)))

    def summaries(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        """Rows for a page of ids (at most a few hundred at a time)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT {_SUMMARY_COLUMNS}{_ROW_EXTRAS} {_FROM} WHERE a.id IN ({marks})", ids
            )
            return {int(r["id"]): _summary(r) for r in rows}

    def count(self, view: ArticleFilter | None = None) -> int:
        where, params = (view or ArticleFilter()).where()
        with self.db.reading() as conn:
            return int(conn.execute(f"SELECT count(*) {_FROM}{where}", params).fetchone()[0])

    def view_counts(self) -> dict[str, int]:
        """The smart views' counts (as `count` of each view's filter would give them)."""
        with self.db.reading() as conn:
            return view_counts(conn)

    def none_listed(self) -> bool:
        """No article out of the Trash: stops at the first one found, where a count would
        visit all of them (a start asks this before its first paint)."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT EXISTS (SELECT 1 FROM articles WHERE trashed IS NULL)")
            return not row.fetchone()[0]

    def sections(self) -> list[tuple[str, int]]:
        with self.db.reading() as conn:
            rows = conn.execute(
                """SELECT s.name, count(a.id) FROM sections s
                   JOIN articles a ON a.section_id = s.id AND a.trashed IS NULL
                   GROUP BY s.id ORDER BY count(a.id) DESC, s.name"""
            ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def sites(self) -> list[tuple[str, int]]:
        with self.db.reading() as conn:
            rows = conn.execute(
                """SELECT site, count(*) FROM articles
                   WHERE site IS NOT NULL AND site != '' AND trashed IS NULL
                   GROUP BY site ORDER BY count(*) DESC, site"""
            ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles (out of the Trash) that carry it."""
        with self.db.reading() as conn:
            rows = conn.execute(
                """SELECT t.name, count(DISTINCT a.id) FROM tags t
                   JOIN (SELECT tag_id, article_id FROM article_tags
                         UNION SELECT y.tag_id, h.article_id FROM highlight_tags y
                         JOIN highlights h ON h.id = y.highlight_id) x ON x.tag_id = t.id
                   JOIN articles a ON a.id = x.article_id AND a.trashed IS NULL
                   GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
            ).fetchall()
        return [(r[0], int(r[1])) for r in rows]


def _summary(row: sqlite3.Row) -> ArticleSummary:
    listed = "chars" in row.keys()  # noqa: SIM118 - `in row` looks at values; a list row
    return ArticleSummary(
        id=int(row["id"]),
        title=row["title"],
        section=row["section"],
        site=row["site"],
        author=row["author"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        language=row["language"],
        source=row["source"],
        added=datetime.fromisoformat(row["added"]),
        read=row["read_at"] is not None,
        bookmarked=bool(row["bookmarked"]),
        trashed=datetime.fromisoformat(row["trashed"]) if row["trashed"] else None,
        reading_position=float(row["reading_position"]) if listed else 0.0,
        annotated=bool(row["annotated"]) if listed else False,
        chars=int(row["chars"] or 0) if listed else 0,
    )
