"""The library database and the Library facade, on a real SQLite file (no importers)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.errors import NotFound, SchemaTooNew
from reader.paths import DataPaths
from reader.services.library import ImportStatus, Library
from reader.storage.article_views import ArticleFilter, order_by
from reader.storage.database import SCHEMA_VERSION, Database


def article(title: str = "Title", text: str = "Body one.\n\nBody two.", **kw: object) -> Article:
    return Article(title=title, text=text, html=f"<p>{text}</p>", **kw)  # type: ignore[arg-type]


def test_new_database_is_migrated_and_in_wal_mode(data_dir: Path) -> None:
    db = Database(DataPaths(data_dir).database)
    assert db.user_version() == SCHEMA_VERSION >= 1
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_database_from_a_newer_version_is_refused(data_dir: Path) -> None:
    path = DataPaths(data_dir).database
    Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer version of Reader"):
        Database(path)
    with sqlite3.connect(path) as conn:  # refused, not touched
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    conn.close()


def test_add_duplicate_and_updated_versions(library: Library) -> None:
    first = library.add_article(article(source_path="/a.txt", section="World"))
    assert first.status is ImportStatus.IMPORTED and first.article_id
    again = library.add_article(article(source_path="/elsewhere.txt"))
    assert (again.status, again.article_id) == (ImportStatus.DUPLICATE, first.article_id)
    # Whitespace and line-ending differences do not make a new article.
    crlf = library.add_article(article(text="Body one.\r\n\r\n\r\nBody two.  "))
    assert crlf.status is ImportStatus.DUPLICATE
    # An edit of the same file is a new version (a different text would be a new article).
    revised = "Body one, revised.\n\nBody two."
    changed = library.add_article(article(text=revised, source_path="/a.txt"))
    assert (changed.status, changed.article_id) == (ImportStatus.UPDATED, first.article_id)
    stored = library.get_article(first.article_id)
    assert stored.text == revised
    assert stored.summary.section == "World"
    assert library.count() == 1


def test_list_filters_sorting_and_sections(library: Library) -> None:
    a = library.add_article(article("A", "a", section="国际", published=date(2024, 10, 26)))
    b = library.add_article(article("B", "b", section="国际", published=date(2023, 1, 2)))
    c = library.add_article(article("C", "c", section="Science", site="Example"))
    assert [x.title for x in library.list_articles(section="国际")] == ["A", "B"]
    assert [x.title for x in library.list_articles(sort="title", descending=False)] == [
        "A",
        "B",
        "C",
    ]
    assert [x.title for x in library.list_articles(site="Example")] == ["C"]
    assert library.sections() == [("国际", 2), ("Science", 1)]
    assert library.sites() == [("Example", 1)]
    library.mark_read([a.article_id or 0])
    assert [
        x.title for x in library.list_articles(unread=True, sort="title", descending=False)
    ] == ["B", "C"]
    library.remove(c.article_id or 0)
    assert library.sections() == [("国际", 2)], "an emptied section disappears"
    assert b.article_id is not None
    with pytest.raises(NotFound):
        library.remove(c.article_id or 0)


def test_reading_position_is_clamped_and_kept(library: Library) -> None:
    r = library.add_article(article())
    assert r.article_id is not None
    library.set_reading_position(r.article_id, 0.42)
    assert library.get_article(r.article_id).reading_position == pytest.approx(0.42)
    library.set_reading_position(r.article_id, 7)
    assert library.get_article(r.article_id).reading_position == 1.0


def test_library_survives_reopen(data_dir: Path) -> None:
    with Library(DataPaths(data_dir)) as lib:
        lib.add_article(article("Kept", "text"))
    with Library(DataPaths(data_dir)) as lib:
        assert [a.title for a in lib.list_articles()] == ["Kept"]


def test_assets_are_written_after_commit(library: Library) -> None:
    r = library.add_article(article(assets={"ab12.png": b"\x89PNG data"}))
    assert r.article_id is not None
    folder = library.assets_dir(r.article_id)
    assert (folder / "ab12.png").read_bytes() == b"\x89PNG data"
    assert not list(folder.parent.glob("*.partial"))
    library.remove(r.article_id)
    assert not folder.exists()


def test_staged_assets_are_finished_at_start(data_dir: Path) -> None:
    with Library(DataPaths(data_dir)) as lib:
        kept = lib.add_article(article()).article_id
    assets = DataPaths(data_dir).assets
    # A crash between the commit and the rename leaves the committed article's assets staged;
    # a crash before the commit leaves staged assets of an article that does not exist.
    for name in (f"{kept}.partial", "99.partial"):
        (assets / name).mkdir(parents=True)
        (assets / name / "x.png").write_bytes(b"x")
    with Library(DataPaths(data_dir)) as lib:
        assert (lib.assets_dir(kept or 0) / "x.png").read_bytes() == b"x"
    assert not list(assets.glob("*.partial"))
    assert not (assets / "99").exists()


def test_ids_are_never_reused(library: Library) -> None:
    first = library.add_article(article("One", "one")).article_id
    assert first is not None
    library.remove(first)
    second = library.add_article(article("Two", "two")).article_id
    assert second is not None and second > first


def test_rename_merge_and_move_sections(library: Library) -> None:
    a = library.add_article(article("A", "a", section="World")).article_id
    b = library.add_article(article("B", "b", section="国际")).article_id
    assert a is not None and b is not None
    library.rename_section("World", "Abroad")
    assert dict(library.sections()) == {"Abroad": 1, "国际": 1}
    library.rename_section("Abroad", "国际")
    assert library.sections() == [("国际", 2)]
    library.move_to_section([a], "Science")
    assert dict(library.sections()) == {"国际": 1, "Science": 1}
    with pytest.raises(NotFound):
        library.rename_section("Nope", "X")


def test_bookmarks_and_view_counts(library: Library) -> None:
    a = library.add_article(article("A", "a")).article_id
    library.add_article(article("B", "b"))
    assert a is not None
    library.set_bookmarked(a)
    library.mark_read([a])
    assert library.view_counts() == {
        "all": 2,
        "unread": 1,
        "bookmarked": 1,
        "recent": 1,
        "annotated": 0,
        "trash": 0,
    }
    assert [s.title for s in library.list_articles(bookmarked=True)] == ["A"]
    library.set_bookmarked(a, False)
    assert library.view_counts()["bookmarked"] == 0
    ids = library.article_ids(sort="title", descending=False)
    assert [library.summaries(ids)[i].title for i in ids] == ["A", "B"]


def test_processes_creating_one_library_at_once(data_dir: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from reader.services.library import Library;"
        "from reader.paths import DataPaths; Library(DataPaths(Path(sys.argv[1]))).close()"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(data_dir)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
    db = Database(DataPaths(data_dir).database)
    assert db.user_version() == SCHEMA_VERSION
    db.close()


def test_view_counts_are_the_counts_of_each_views_list(library: Library) -> None:
    """The smart views' counts come from their own indexes and queries: each must be the
    number of articles the view lists, with trashed, annotated, read and old articles."""
    ids = [
        library.add_article(article(f"T{n}", f"Body {n} words here.")).article_id for n in range(9)
    ]
    assert all(isinstance(i, int) for i in ids)
    a, b, c, d, e, f, g, h, _ = (int(i) for i in ids)  # type: ignore[arg-type]
    for bookmarked in (a, b, h):
        library.set_bookmarked(bookmarked)
    library.annotations.highlight_quote(a, "words here", note="mine")
    library.annotations.set_note(c, "a note only")
    library.annotations.set_note(h, "on an article in the Trash")
    library.mark_read([a, d, e, h])
    with library.db.transaction() as conn:  # read long ago: out of Recently Read
        conn.execute("UPDATE articles SET read_at = '2020-01-01 00:00:00' WHERE id = ?", (e,))
        conn.execute("UPDATE articles SET published = NULL WHERE id = ?", (f,))
    library.trash([g, h])
    views = {
        "all": ArticleFilter(),
        "unread": ArticleFilter(unread=True),
        "bookmarked": ArticleFilter(bookmarked=True),
        "recent": ArticleFilter(recently_read=True),
        "annotated": ArticleFilter(annotated=True),
        "trash": ArticleFilter(trashed=True),
    }
    expected = {key: len(library.article_ids(view)) for key, view in views.items()}
    assert expected == {
        "all": 7, "unread": 4, "bookmarked": 2, "recent": 2, "annotated": 2, "trash": 2
    }  # fmt: skip
    assert library.view_counts() == expected
    # The list's default order is read from its own index (newest first, undated by the
    # day it was added, ties by id), and is the order a sort of the table gives.
    order = order_by("published", True)
    listed = f"SELECT a.id FROM articles a WHERE a.trashed IS NULL {order}"
    with library.db.reading() as conn:
        plan = " ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {listed}"))
        sorted_ids = [r[0] for r in conn.execute(listed.replace(" a ", " a NOT INDEXED ", 1))]
    assert "articles_listed_newest" in plan
    assert library.article_ids() == sorted_ids
