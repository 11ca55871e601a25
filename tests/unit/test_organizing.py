"""Organising a library: tags with counts, deleting and merging sections (undoable through
the ids they return), saved searches kept in the library and in its change log."""

from __future__ import annotations

import pytest

from reader.core.annotation import AnchorStatus
from reader.core.article import Article
from reader.errors import NotFound, ReaderError
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage import changes
from reader.storage.articles import ArticleFilter
from tests.cli import reader

TEXTS = {
    "Harbour": ("World", "The fishing boats leave before sunrise; by seven the quay is quiet."),
    "Kites": ("World", "Kites over the lake: thirty teams flew lanterns above the water."),
    "Tea": ("Food", "Green tea from the hills is picked in April and dried the same day."),
}


@pytest.fixture
def ids(library: Library) -> dict[str, int]:
    found = {}
    for title, (section, text) in TEXTS.items():
        made = Article(title=title, text=text, html=f"<p>{text}</p>", section=section)
        result = library.add_article(made)
        assert result.article_id is not None
        found[title] = result.article_id
    return found


def _log(lib: Library, after: int) -> list[tuple[str, str]]:
    with lib.db.reading() as conn:
        rows = conn.execute("SELECT entity, op FROM changes WHERE seq > ? ORDER BY seq", (after,))
        return [(str(r[0]), str(r[1])) for r in rows]


def _last(lib: Library) -> int:
    with lib.db.reading() as conn:
        return changes.last_seq(conn)


def test_tags_count_articles_tagged_directly_or_through_a_highlight(
    library: Library, ids: dict[str, int]
) -> None:
    library.annotations.set_tags(ids["Harbour"], ["sea", "morning"])
    library.annotations.highlight_quote(ids["Kites"], "thirty teams", tags=["sea"])
    library.annotations.highlight_quote(ids["Harbour"], "quay is quiet", tags=["sea"])
    assert library.organizing.tags() == [("morning", 1), ("sea", 2)]
    tagged = library.article_ids(ArticleFilter(tag="SEA"), sort="title", descending=False)
    assert tagged == [ids["Harbour"], ids["Kites"]]
    library.trash([ids["Kites"]])
    assert library.organizing.tags() == [("morning", 1), ("sea", 1)]
    assert library.article_ids(ArticleFilter(tag="sea")) == [ids["Harbour"]]


def test_deleting_a_section_unsections_its_articles_and_is_undone_by_the_ids(
    library: Library, ids: dict[str, int]
) -> None:
    moved = library.organizing.delete_section("World")
    assert sorted(moved) == sorted([ids["Harbour"], ids["Kites"]])
    assert library.sections() == [("Food", 1)]
    assert library.summaries([ids["Harbour"]])[ids["Harbour"]].section is None
    assert library.count() == 3  # no article went anywhere
    library.organizing.put_in_section(moved, "World")
    assert sorted(library.sections()) == [("Food", 1), ("World", 2)]
    with pytest.raises(NotFound):
        library.organizing.delete_section("Nowhere")


def test_merging_a_section_moves_all_its_articles_into_the_other(
    library: Library, ids: dict[str, int]
) -> None:
    moved = library.organizing.merge_section("Food", "World")
    assert moved == [ids["Tea"]]
    assert library.sections() == [("World", 3)]
    library.organizing.put_in_section(moved, "Food")
    assert sorted(library.sections()) == [("Food", 1), ("World", 2)]
    with pytest.raises(ReaderError, match="itself"):
        library.organizing.merge_section("World", "World")


def test_saved_searches_are_kept_renamed_deleted_and_logged(
    library: Library, data_dir: object
) -> None:
    before = _last(library)
    saved = library.organizing.save_search("  Tea   notes ", " tea OR kites ")
    assert (saved.name, saved.query) == ("Tea notes", "tea OR kites")
    with pytest.raises(ReaderError, match="exists already"):
        library.organizing.save_search("tea NOTES", "x")
    library.organizing.rename_search("Tea notes", "Drinks")
    assert [s.name for s in library.organizing.saved_searches()] == ["Drinks"]
    assert library.organizing.saved_search("drinks").query == "tea OR kites"
    library.organizing.delete_search("Drinks")
    assert library.organizing.saved_searches() == []
    assert _log(library, before) == [
        ("saved_search", "insert"),
        ("saved_search", "update"),
        ("saved_search", "delete"),
    ]
    with pytest.raises(NotFound):
        library.organizing.delete_search("Drinks")
    with pytest.raises(ReaderError, match="no query"):
        library.organizing.save_search("Empty", "   ")


def test_saved_searches_outlive_the_process(library: Library) -> None:
    library.organizing.save_search("Kites", "kites")
    paths = library.paths
    library.close()
    again = Library(DataPaths(paths.root))
    try:
        assert [(s.name, s.query) for s in again.organizing.saved_searches()] == [
            ("Kites", "kites")
        ]
    finally:
        again.close()


def test_confirming_a_fuzzy_highlight_anchors_it_in_one_logged_change(
    library: Library, ids: dict[str, int]
) -> None:
    made = library.annotations.highlight_quote(ids["Tea"], "picked in April")
    with library.db.transaction() as conn:  # what re-anchoring after a new version leaves
        conn.execute("UPDATE highlights SET status = 'fuzzy' WHERE id = ?", (made.id,))
    before = _last(library)
    confirmed = library.annotations.confirm(made.id)
    assert confirmed.status is AnchorStatus.ANCHORED
    assert _log(library, before) == [("highlight", "update")]


def test_the_command_line_saves_runs_renames_and_deletes_a_search(
    library: Library, ids: dict[str, int]
) -> None:
    root = library.paths.root
    library.close()
    assert reader(root, "saved", "add", "Tea", "green tea", check=True).stdout.strip() == (
        "saved 'Tea'"
    )
    assert "Tea: green tea" in reader(root, "saved", "list", check=True).stdout
    assert f"#{ids['Tea']}" in reader(root, "saved", "run", "tea", check=True).stdout
    reader(root, "saved", "rename", "Tea", "Drinks", check=True)
    reader(root, "saved", "delete", "Drinks", check=True)
    gone = reader(root, "saved", "run", "Drinks")
    assert gone.returncode == 1
    assert gone.stderr.strip() == "reader: error: no saved search named 'Drinks'"
