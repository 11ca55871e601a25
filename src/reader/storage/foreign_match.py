"""Finding the article a highlight from another tool belongs to: URL, title and author, quote."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from reader.core.anchoring import AnchorResult, reanchor
from reader.core.annotation import AnchorStatus
from reader.core.foreign import ForeignHighlight, ForeignKey

# A quote → ids of articles the search index says may hold it (best first).
Finder = Callable[[str], Sequence[int]]

# Candidates compared per quote: enough for a quote repeated in a few articles, bounded in time.
CANDIDATES = 20
# The piece of a quote looked up by substring: long enough to be rare, short enough to survive
# a tool's small changes to the quote (curly quotes, a dropped footnote mark) elsewhere.
PIECE = 48

# Real articles first, then book entries, then this tool's own placeholders.
_ELIGIBLE = """FROM articles a LEFT JOIN import_entries e ON e.article_id = a.id
    WHERE (e.kind IS NULL OR e.kind = 'book' OR e.source = ?)"""
_PREFERENCE = "ORDER BY e.kind IS NOT NULL, e.kind = 'placeholder', a.id DESC"


@dataclass(frozen=True)
class Match:
    """An article found for a key, and what kind of entry it is (None: a real article)."""

    article_id: int
    kind: str | None


def url_variants(url: str) -> list[str]:
    """The forms one page's address takes: with or without a fragment, a trailing slash, TLS."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return [url.strip()]
    path = parts.path.rstrip("/")
    found: list[str] = [url.strip()]
    for scheme in (parts.scheme, "https" if parts.scheme == "http" else "http"):
        for tail in (path, path + "/"):
            found.append(urlunsplit((scheme, parts.netloc.lower(), tail, parts.query, "")))
    return list(dict.fromkeys(found))


def match_key(conn: sqlite3.Connection, key: ForeignKey, source: str) -> Match | None:
    """By URL, then by title (and author, when both sides name one)."""
    if key.url:
        variants = url_variants(key.url)
        marks = ",".join("?" * len(variants))
        sql = f"SELECT a.id, e.kind {_ELIGIBLE} AND a.url IN ({marks}) {_PREFERENCE} LIMIT 1"
        row = conn.execute(sql, (source, *variants)).fetchone()
        if row:
            return Match(int(row[0]), row[1])
    if key.title:
        sql = f"""SELECT a.id, e.kind, a.author {_ELIGIBLE}
                  AND a.title = ? COLLATE NOCASE {_PREFERENCE} LIMIT 50"""
        for row in conn.execute(sql, (source, " ".join(key.title.split()))).fetchall():
            if _same_author(key.author, row[2]):
                return Match(int(row[0]), row[1])
    return None


def _same_author(wanted: str | None, stored: str | None) -> bool:
    """No author on either side agrees; otherwise they must share a name word ("Doe, Jane")."""
    if not wanted or not stored:
        return True
    words = {w.strip(".,;").casefold() for w in wanted.replace(",", " ").split()}
    return bool(words & {w.strip(".,;").casefold() for w in stored.replace(",", " ").split()})


def find_by_quote(
    conn: sqlite3.Connection, item: ForeignHighlight, finder: Finder
) -> tuple[int, str, AnchorResult] | None:
    """The real article (or book entry) where the quote anchors best, and the text it is in."""
    best: tuple[int, str, AnchorResult] | None = None
    for article_id in _candidates(conn, item, finder):
        text = _text(conn, article_id)
        result = reanchor(item.selector, None, text)
        if not result.found:
            continue
        if best is None or _rank(result) < _rank(best[2]):
            best = (article_id, text, result)
        if result.status is AnchorStatus.ANCHORED:
            break
    return best


def _rank(result: AnchorResult) -> int:
    return 0 if result.status is AnchorStatus.ANCHORED else 1


def _candidates(conn: sqlite3.Connection, item: ForeignHighlight, finder: Finder) -> list[int]:
    placeholders = {
        int(r[0])
        for r in conn.execute("SELECT article_id FROM import_entries WHERE kind = 'placeholder'")
    }
    found = [i for i in finder(item.quote) if i not in placeholders][:CANDIDATES]
    if found:
        return found
    # The index may be behind or gone (it is a cache): look in the texts themselves.
    piece = max(item.quote.split("\n"), key=len)[:PIECE]
    rows = conn.execute(
        """SELECT c.article_id FROM article_content c
           WHERE instr(c.text, ?) > 0 AND c.article_id NOT IN
               (SELECT article_id FROM import_entries WHERE kind = 'placeholder')
           ORDER BY c.article_id DESC LIMIT ?""",
        (piece, CANDIDATES),
    ).fetchall()
    return [int(r[0]) for r in rows]


def _text(conn: sqlite3.Connection, article_id: int) -> str:
    row = conn.execute(
        "SELECT text FROM article_content WHERE article_id = ?", (article_id,)
    ).fetchone()
    return str(row[0]) if row else ""
