"""An import recognises a file's bytes by an index lookup, never a scan of every article."""

from __future__ import annotations

from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage import sources
from tests.articles import PLAIN_EN, write


def test_a_file_is_looked_up_by_its_bytes_hash_through_an_index(tmp_path: Path) -> None:
    with Library(DataPaths(tmp_path / "lib")) as lib:
        imported = lib.import_path(write(tmp_path / "harbour.txt", PLAIN_EN)).article_id
        with lib.db.reading() as conn:
            (source_hash,) = conn.execute(
                "SELECT source_hash FROM articles WHERE id = ?", (imported,)
            ).fetchone()
            assert sources.article_for_bytes(conn, source_hash) == imported
            plan = conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE source_hash = ? LIMIT 1",
                (source_hash,),
            ).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "INDEX articles_source_hash" in details and "SCAN" not in details, details
