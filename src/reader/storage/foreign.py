"""Storing highlights from other tools: matched, anchored or kept as orphans, in one transaction."""

from __future__ import annotations

import hashlib
import html
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reader.core.anchoring import AnchorResult, reanchor
from reader.core.annotation import (
    AnchorStatus,
    Highlight,
    TextPositionSelector,
    normalize_tags,
    selectors,
)
from reader.core.article import Article
from reader.core.foreign import ForeignHighlight, ForeignKey
from reader.errors import AnnotationError
from reader.storage import annotation_rows as rows
from reader.storage.articles import ArticleStore
from reader.storage.database import Database, utc_now
from reader.storage.foreign_match import Finder, Match, find_by_quote, match_key

_PLACEHOLDER_TEXT = (
    "Highlights imported from {tool} for {where}. The article itself is not in the library: "
    "import it, then import the highlights file again, and they attach to its text."
)


@dataclass
class SourceReport:
    """What an import did with one tool's highlights."""

    exact: int = 0
    fuzzy: int = 0
    orphaned: int = 0
    already_present: int = 0
    in_books: int = 0  # anchored in a book entry made of the book's quotes
    dismissed: int = 0  # deleted by the user since an earlier import: left out
    moved: int = 0  # orphans of an earlier import that found their article this time
    books: list[str] = field(default_factory=list)  # book entries made of quotes
    placeholders: list[str] = field(default_factory=list)  # entries holding orphans

    def count(self, status: AnchorStatus) -> None:
        if status is AnchorStatus.ANCHORED:
            self.exact += 1
        elif status is AnchorStatus.FUZZY:
            self.fuzzy += 1
        else:
            self.orphaned += 1

    def to_json(self) -> dict[str, object]:
        return dict(vars(self))

    def summary(self) -> str:
        """One line: matched exactly / fuzzy / orphaned, and the entries the import made."""
        line = (
            f"{self.exact} matched exactly, {self.fuzzy} fuzzy, {self.orphaned} orphaned, "
            f"{self.already_present} already present"
        )
        if self.moved:
            line += f"; {self.moved} earlier orphan(s) attached to their article"
        if self.dismissed:
            line += f"; {self.dismissed} you deleted after an earlier import left out"
        if self.in_books:
            titles = ", ".join(f"“{' '.join(t.split())}”" for t in self.books)
            line += (
                f"; {self.in_books} anchored in {len(self.books)} new book entr"
                f"{'y' if len(self.books) == 1 else 'ies'} made of their quotes "
                f"({titles}: not in the library)"
            )
        if self.placeholders:
            line += f"; orphans kept under {len(self.placeholders)} placeholder entr" + (
                "y" if len(self.placeholders) == 1 else "ies"
            )
        return line


@dataclass
class ForeignImportReport:
    """Per source (tool), matched exactly / fuzzy / orphaned; and the articles touched."""

    format: str
    sources: dict[str, SourceReport] = field(default_factory=dict)
    articles: set[int] = field(default_factory=set)

    def of(self, source: str) -> SourceReport:
        return self.sources.setdefault(source, SourceReport())

    def to_json(self) -> dict[str, object]:
        return {
            "format": self.format,
            "sources": {name: r.to_json() for name, r in self.sources.items()},
            "articles": sorted(self.articles),
        }


def import_foreign(
    db: Database,
    articles: ArticleStore,
    items: Sequence[ForeignHighlight],
    finder: Finder,
    labels: dict[str, str],
) -> ForeignImportReport:
    """Every highlight matched and anchored, or kept as an orphan; all in one transaction, so
    a failure leaves the library as it was. Highlights already here (same uid) add nothing."""
    report = ForeignImportReport(items[0].source if items else "")
    with db.transaction(durable=True) as conn:
        run = _Run(conn, articles, finder, labels, report)
        for item in items:
            run.add(item)
        run.finish()
    return report


def quotes_to_look_up(db: Database, items: Sequence[ForeignHighlight]) -> list[str]:
    """The quotes of new highlights whose article no URL or title finds: the search index is
    asked about these before the import's transaction (a search may write its cursor)."""
    quotes: list[str] = []
    with db.reading() as conn:
        for item in items:
            present = conn.execute("SELECT 1 FROM highlights WHERE uid = ?", (item.uid,))
            match = match_key(conn, item.key, item.source)
            new = present.fetchone() is None and not _dismissed(conn, item.uid)
            if new and (match is None or match.kind == "placeholder"):
                quotes.append(item.quote)
    return list(dict.fromkeys(quotes))


class _Run:
    """One import: caches what it matched and the entries it made, per (tool, key)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        articles: ArticleStore,
        finder: Finder,
        labels: dict[str, str],
        report: ForeignImportReport,
    ) -> None:
        self.conn = conn
        self.articles = articles
        self.finder = finder
        self.labels = labels
        self.report = report
        self.matches: dict[tuple[str, ForeignKey], Match | None] = {}
        self.waiting_books: dict[tuple[str, ForeignKey], list[ForeignHighlight]] = {}

    def add(self, item: ForeignHighlight) -> None:
        counts = self.report.of(item.source)
        existing = self.conn.execute(
            "SELECT id, article_id FROM highlights WHERE uid = ?", (item.uid,)
        ).fetchone()
        if existing is not None:
            if not self._take_over(item, int(existing[0]), int(existing[1])):
                counts.already_present += 1
            return
        if _dismissed(self.conn, item.uid):
            counts.dismissed += 1
            return
        match = self._match(item)
        if match is not None and match.kind != "placeholder":
            self._anchor_in(item, match)
            return
        found = find_by_quote(self.conn, item, self.finder)
        if found is not None:
            article_id, text, result = found
            self._insert(item, article_id, text, result)
            if match is None and result.status is AnchorStatus.ANCHORED:
                # The page or book is in the library under another address or title: the
                # rest of its highlights are looked for there first.
                self.matches[(item.source, item.key)] = Match(article_id, None)
        elif item.book:
            self.waiting_books.setdefault((item.source, item.key), []).append(item)
        else:
            article_id = match.article_id if match else self._placeholder(item)
            self._insert(item, article_id, "", None)

    def finish(self) -> None:
        """Books not in the library become entries holding their quotes."""
        for (source, key), items in self.waiting_books.items():
            text = "\n\n".join(dict.fromkeys(i.quote for i in items))
            article_id = self._new_entry(source, key, text, "book")
            self.report.of(source).books.append(key.label())
            for item in items:
                result = reanchor(item.selector, None, text)
                self._insert(item, article_id, text, result, in_book=True)

    def _match(self, item: ForeignHighlight) -> Match | None:
        cache_key = (item.source, item.key)
        if cache_key not in self.matches:
            self.matches[cache_key] = match_key(self.conn, item.key, item.source)
        return self.matches[cache_key]

    def _anchor_in(self, item: ForeignHighlight, match: Match) -> None:
        text = rows.article_text(self.conn, match.article_id)
        result = reanchor(item.selector, None, text)
        if not result.found and match.kind == "book":
            # A book entry grows with each new quote of its book.
            text = self._extend_book(match.article_id, text, item.quote)
            result = reanchor(item.selector, None, text)
        self._insert(item, match.article_id, text, result)

    def _insert(
        self,
        item: ForeignHighlight,
        article_id: int,
        text: str,
        result: AnchorResult | None,
        *,
        in_book: bool = False,
    ) -> None:
        highlight = _highlight(item, article_id, text, result)
        highlight_id = rows.insert_highlight(self.conn, highlight)
        self.conn.execute(
            """INSERT INTO highlight_sources (highlight_id, source, source_id, source_color,
                   location, article_key) VALUES (?, ?, ?, ?, ?, ?)""",
            (highlight_id, item.source, item.source_id, item.source_color, item.location,
             json.dumps(item.key.to_json(), ensure_ascii=False)),
        )  # fmt: skip
        counts = self.report.of(item.source)
        if in_book and highlight.status is not AnchorStatus.ORPHANED:
            counts.in_books += 1
        else:
            counts.count(highlight.status)
        self.report.articles.add(article_id)

    def _placeholder(self, item: ForeignHighlight) -> int:
        tool = self.labels.get(item.source, item.source)
        where = item.key.url or f"“{item.key.label()}”"
        text = _PLACEHOLDER_TEXT.format(tool=tool, where=where)
        article_id = self._new_entry(item.source, item.key, text, "placeholder")
        self.matches[(item.source, item.key)] = Match(article_id, "placeholder")
        self.report.of(item.source).placeholders.append(item.key.label())
        return article_id

    def _new_entry(self, source: str, key: ForeignKey, text: str, kind: str) -> int:
        article = _entry_article(key, text, self.labels.get(source, source))
        found = self.articles.find_content_in(self.conn, article.content_hash)
        if found is not None:
            return found
        article_id = self.articles.insert(self.conn, article, None)
        self.conn.execute(
            "INSERT INTO import_entries (article_id, source, kind) VALUES (?, ?, ?)",
            (article_id, source, kind),
        )
        return article_id

    def _extend_book(self, article_id: int, text: str, quote: str) -> str:
        row = self.conn.execute(
            "SELECT title, author, site FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        key = ForeignKey(title=row[0], author=row[1])
        article = _entry_article(key, f"{text}\n\n{quote}", row[2] or "")
        self.articles.replace_content(self.conn, article_id, article, None)
        return article.text

    def _take_over(self, item: ForeignHighlight, highlight_id: int, article_id: int) -> bool:
        """An orphan waiting in a placeholder moves to its article once that is in the library."""
        kind = self.conn.execute(
            "SELECT kind FROM import_entries WHERE article_id = ?", (article_id,)
        ).fetchone()
        if kind is None or kind[0] != "placeholder":
            return False
        target = self._real_article(item)
        if target is None:
            return False
        self.conn.execute(
            "UPDATE highlights SET article_id = ? WHERE id = ?", (target, highlight_id)
        )
        text = rows.article_text(self.conn, target)
        status = rows.anchor_into(self.conn, rows.get_highlight(self.conn, highlight_id), text)
        counts = self.report.of(item.source)
        counts.count(status)
        counts.moved += 1
        self.report.articles.update({target, article_id})
        _drop_if_empty(self.conn, article_id)
        return True

    def _real_article(self, item: ForeignHighlight) -> int | None:
        match = match_key(self.conn, item.key, item.source)
        if match is not None and match.kind != "placeholder":
            return match.article_id
        found = find_by_quote(self.conn, item, self.finder)
        return found[0] if found else None


def _highlight(
    item: ForeignHighlight, article_id: int, text: str, result: AnchorResult | None
) -> Highlight:
    created = item.created or datetime.fromisoformat(utc_now())
    try:
        tags = normalize_tags(list(item.tags))
    except AnnotationError:
        tags = ()
    if result is not None and result.start is not None and result.end is not None:
        quote, position = selectors(text, result.start, result.end)
        status = result.status
    else:
        # Kept with the quote as the tool gave it, until it is re-attached (CHECK wants a range).
        quote, position = item.selector, TextPositionSelector(0, max(1, len(item.quote)))
        status = AnchorStatus.ORPHANED
    return Highlight(
        0, item.uid, article_id, item.color, quote, position, item.note, tags, created,
        created, status,
    )  # fmt: skip


def _dismissed(conn: sqlite3.Connection, uid: str) -> bool:
    """Deleted by the user after an earlier import of it: not to be imported again."""
    found = conn.execute("SELECT 1 FROM dismissed_imports WHERE uid = ?", (uid,))
    return found.fetchone() is not None


def _entry_article(key: ForeignKey, text: str, site: str) -> Article:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return Article(
        title=key.label(),
        text=text,
        html=body,
        site=site or None,
        author=key.author,
        url=key.url,
        source_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _drop_if_empty(conn: sqlite3.Connection, article_id: int) -> None:
    """A placeholder left with no highlight, note or tag has done its work."""
    busy = conn.execute(
        """SELECT EXISTS (SELECT 1 FROM highlights WHERE article_id = ?)
               OR EXISTS (SELECT 1 FROM article_notes WHERE article_id = ?)
               OR EXISTS (SELECT 1 FROM article_tags WHERE article_id = ?)""",
        (article_id, article_id, article_id),
    ).fetchone()[0]
    if not busy:
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
