"""The content check hashes stored bytes directly, and falls back to the full check only for
rows whose bytes differ: a row saved without normalizing is intact, a changed one is not."""

from __future__ import annotations

import sqlite3

from reader.core.article import Article, content_hash
from reader.services.library import Library
from reader.storage.checksums import check_contents


def _rewrite(library: Library, article_id: int, text: bytes, hash_of: str | None = None) -> None:
    conn = sqlite3.connect(library.paths.database)
    try:
        conn.execute("UPDATE article_content SET text = ? WHERE article_id = ?", (text, article_id))
        if hash_of is not None:
            title = conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,))
            new = content_hash(title.fetchone()[0], hash_of)
            conn.execute("UPDATE articles SET content_hash = ? WHERE id = ?", (new, article_id))
        conn.commit()
    finally:
        conn.close()


def test_unnormalized_rows_pass_and_changed_rows_fail(library: Library) -> None:
    ids = []
    for n in range(4):
        result = library.add_article(Article(title=f"T {n}", text=f"第{n}段 text", html="<p/>"))
        assert result.article_id is not None
        ids.append(result.article_id)
    loose = "第1段 text  \r\n\r\n\r\n"  # what an older Reader might have stored as is
    _rewrite(library, ids[1], loose.encode(), hash_of=loose)
    _rewrite(library, ids[2], "第2段 texT".encode())  # one changed letter
    _rewrite(library, ids[3], b"\xff\xfe broken")  # not UTF-8 at all
    with library.db.reading() as conn:
        assert check_contents(conn) == (4, [ids[2], ids[3]])
