"""The change log: every mutation leaves rows in the same transaction, and the index follows it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage import changes, database
from tests.articles import PLAIN_EN, SAVED_PAGE_ZH, write


def _rows(lib: Library, after: int = 0) -> list[tuple[str, int | None, str]]:
    with lib.db.reading() as conn:
        return [
            (str(r[0]), r[1], str(r[2]))
            for r in conn.execute(
                "SELECT entity, article_id, op FROM changes WHERE seq > ? ORDER BY seq", (after,)
            )
        ]


def _last(lib: Library) -> int:
    with lib.db.reading() as conn:
        return changes.last_seq(conn)


def _import(lib: Library, folder: Path, name: str, text: str) -> int:
    result = lib.import_path(write(folder / name, text))
    assert result.article_id is not None
    return result.article_id


@pytest.fixture
def article(library: Library, tmp_path: Path) -> int:
    return _import(library, tmp_path / "in", "harbour.txt", PLAIN_EN)


def test_an_import_is_logged(library: Library, tmp_path: Path) -> None:
    article_id = _import(library, tmp_path / "in", "harbour.txt", PLAIN_EN)
    logged = _rows(library)
    assert ("article", article_id, "insert") in logged
    assert ("content", article_id, "insert") in logged


@pytest.mark.parametrize(
    ("operation", "entity"),
    [
        (lambda lib, a: lib.set_bookmarked(a, True), "bookmark"),
        (lambda lib, a: lib.mark_read([a]), "reading"),
        (lambda lib, a: lib.set_reading_position(a, 0.5), "reading"),
        (lambda lib, a: lib.move_to_section([a], "Harbours"), "article"),
        (lambda lib, a: lib.annotations.set_note(a, "worth rereading"), "note"),
        (lambda lib, a: lib.annotations.set_tags(a, ["sea"]), "article_tag"),
        (lambda lib, a: lib.annotations.highlight_quote(a, "fishing boats"), "highlight"),
        (lambda lib, a: lib.remove(a), "article"),
    ],
)
def test_every_operation_is_logged(
    library: Library, article: int, operation: Callable[[Library, int], object], entity: str
) -> None:
    before = _last(library)
    with pytest.raises(RuntimeError), library.db.transaction() as conn:
        conn.execute("UPDATE articles SET title = 'changed' WHERE id = ?", (article,))
        raise RuntimeError("the operation failed half way")
    assert _last(library) == before


def test_renaming_a_section_logs_each_of_its_articles(library: Library, tmp_path: Path) -> None:
    ids = [
        _import(library, tmp_path / "in", f"{n}.txt", f"Title {n}\n\nBody {n} here.") for n in "ab"
    ]
    library.move_to_section(ids, "Old")
    before = _last(library)
    library.rename_section("Old", "New")
    logged = _rows(library, before)
    assert {a for e, a, _ in logged if e == "article"} == set(ids)


def test_reading_position_does_not_reindex(library: Library, article: int) -> None:
    library.search("harbour")  # index built and in step
    library.set_reading_position(article, 0.7)
    library.mark_read([article])
    assert library.indexer.lag() == 0


def test_a_change_not_yet_indexed_is_found_by_the_next_process(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The crash gap: the note is committed, the process dies before the index hears of it."""
    paths = DataPaths(data_dir)
    with Library(paths) as lib:
        article = _import(lib, tmp_path / "in", "harbour.txt", PLAIN_EN)
        assert lib.search("harbour").hits
        monkeypatch.setattr(lib.indexer, "flush_quietly", lambda: None)  # "killed" here
        lib.annotations.set_note(article, "zebrafish spotted near the quay")
        assert lib.indexer.lag() > 0
    monkeypatch.undo()
    with Library(paths) as lib:
        result = lib.search("zebrafish")
        assert [h.id for h in result.hits] == [article]
        assert result.message is None  # caught up from the log, not rebuilt
        assert lib.indexer.lag() == 0


def test_an_index_of_another_library_is_rebuilt(tmp_path: Path) -> None:
    first, second = DataPaths(tmp_path / "one"), DataPaths(tmp_path / "two")
    with Library(first) as lib:
        _import(lib, tmp_path / "a", "zh.txt", SAVED_PAGE_ZH)
        assert lib.search("风筝").hits
    with Library(second) as lib:
        only = _import(lib, tmp_path / "b", "en.txt", PLAIN_EN)
        assert lib.search("harbour").hits
    # Same article count, different articles: counts alone cannot tell.
    shutil.rmtree(second.index_root)
    shutil.copytree(first.index_root, second.index_root)
    with Library(second) as lib:
        result = lib.search("harbour")
        assert [h.id for h in result.hits] == [only]
        assert result.message is not None and "not built from this library" in result.message
        assert not lib.search("风筝").hits


def test_a_rebuild_by_another_process_is_followed_not_redone(
    data_dir: Path, tmp_path: Path
) -> None:
    paths = DataPaths(data_dir)
    with Library(paths) as one, Library(paths) as two:
        article = _import(one, tmp_path / "in", "harbour.txt", PLAIN_EN)
        assert one.search("harbour").hits
        for _ in one.rebuild_search_index():
            pass
        two.annotations.set_note(article, "kingfisher")
        result = two.search("kingfisher")
        assert [h.id for h in result.hits] == [article]
        assert result.message is None


def test_the_search_queue_of_schema_3_becomes_the_log(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    paths.root.mkdir(parents=True)
    conn = sqlite3.connect(paths.database)
    for number, sql in database.migrations()[:3]:
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute(
        """INSERT INTO articles (title, source_hash, content_hash, added, updated)
           VALUES ('Queued', 'x', 'y', '2024-01-01', '2024-01-01')"""
    )
    conn.execute("INSERT INTO article_content VALUES (1, 'queued words', '<p>queued words</p>')")
    conn.execute("INSERT INTO search_queue (article_id) VALUES (1)")
    conn.commit()
    conn.close()
    with Library(paths) as lib:
        assert ("article", 1, "update") in _rows(lib)
        with lib.db.reading() as c:
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
        assert "search_queue" not in tables
        assert [h.id for h in lib.search("queued").hits] == [1]


def test_the_health_check_catches_up_an_index_behind_the_log(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = DataPaths(data_dir)
    with Library(paths) as lib:
        assert lib.search("anything").message  # the first index is built
        monkeypatch.setattr(lib.indexer, "flush_quietly", lambda: None)
        article = _import(lib, tmp_path / "in", "harbour.txt", PLAIN_EN)
        assert lib.indexer.lag() > 0
    monkeypatch.undo()
    with Library(paths) as lib:
        # One article more in the library than in the index: caught up, not rebuilt.
        assert lib.search_index_problem() is None
        assert lib.indexer.lag() == 0
        assert [h.id for h in lib.search("harbour").hits] == [article]


def test_changes_made_by_another_process_are_seen(
    data_dir: Path, tmp_path: Path, library: Library
) -> None:
    seen = library.last_change()
    with Library(DataPaths(data_dir)) as other:  # as a CLI import beside the window
        added = _import(other, tmp_path / "in", "harbour.txt", PLAIN_EN)
        other.annotations.set_note(added, "from the command line")
    news = library.changes_since(seen)
    assert news.article_ids == {added}
    assert news.touches("article", "note") and news.searchable
    assert not library.changes_since(news.last)
