"""The Trash: removed articles leave every view and the search index, come back whole, and go
for good only when emptied (by hand, or 30 days after they were trashed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.articles import ArticleFilter
from tests.cli import reader

HARBOUR = "The fishing boats leave before sunrise, and by seven the quay is quiet again."
KITES = "Kites over the lake: thirty teams flew lanterns above the water at night."


@pytest.fixture
def two(library: Library) -> tuple[int, int]:
    ids = []
    for title, text in (("Harbour", HARBOUR), ("Kites", KITES)):
        made = Article(title=title, text=text, html=f"<p>{text}</p>", section="World")
        result = library.add_article(made)
        assert result.article_id is not None
        ids.append(result.article_id)
    return ids[0], ids[1]


def test_trashed_article_leaves_every_view_count_and_section(
    library: Library, two: tuple[int, int]
) -> None:
    harbour, kites = two
    library.annotations.highlight_quote(harbour, "quay is quiet", note="calm mornings")
    assert library.trash([harbour]) == [harbour]
    assert library.article_ids() == [kites]
    assert library.article_ids(ArticleFilter(annotated=True)) == []
    assert library.article_ids(ArticleFilter(trashed=True)) == [harbour]
    assert library.view_counts()["all"] == 1
    assert library.view_counts()["trash"] == 1
    assert library.sections() == [("World", 1)]
    assert [a.id for a in library.trashed()] == [harbour]
    assert library.trash([harbour]) == []  # already there: nothing changes


def test_search_leaves_out_trashed_articles_and_finds_them_once_restored(
    library: Library, two: tuple[int, int]
) -> None:
    harbour, _kites = two
    library.annotations.set_note(harbour, "zebrafish near the quay")
    assert [h.id for h in library.search("fishing").hits] == [harbour]
    library.trash([harbour])
    assert library.search("fishing").hits == []
    assert library.search("zebrafish").hits == []  # its note is not searched either
    library.restore_from_trash([harbour])
    assert [h.id for h in library.search("fishing").hits] == [harbour]
    assert [h.id for h in library.search("zebrafish").hits] == [harbour]


def test_a_rebuilt_index_leaves_out_the_trash(library: Library, two: tuple[int, int]) -> None:
    harbour, _kites = two
    library.trash([harbour])
    for _step in library.rebuild_search_index():
        pass
    assert library.search("fishing").hits == []


def test_restore_brings_back_notes_and_highlights(library: Library, two: tuple[int, int]) -> None:
    harbour, _kites = two
    made = library.annotations.highlight_quote(harbour, "quay is quiet", note="calm mornings")
    library.annotations.set_note(harbour, "read again in spring")
    library.trash([harbour])
    assert library.restore_from_trash([harbour]) == [harbour]
    found = library.annotations.for_article(harbour)
    assert [(h.id, h.note) for h in found.highlights] == [(made.id, "calm mornings")]
    assert found.note is not None and found.note.text == "read again in spring"
    assert library.view_counts()["trash"] == 0
    assert harbour in library.article_ids()


def test_empty_trash_deletes_for_good(library: Library, two: tuple[int, int]) -> None:
    harbour, kites = two
    library.annotations.highlight_quote(harbour, "quay is quiet")
    library.trash([harbour])
    assert library.empty_trash() == [harbour]
    assert not library.summaries([harbour])
    assert library.article_ids(ArticleFilter(trashed=True)) == []
    assert library.article_ids() == [kites]


def test_only_articles_trashed_over_30_days_ago_expire(
    library: Library, two: tuple[int, int]
) -> None:
    harbour, kites = two
    library.trash([harbour, kites])
    long_ago = (datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="seconds")
    with library.db.transaction() as conn:
        conn.execute("UPDATE articles SET trashed = ? WHERE id = ?", (long_ago, harbour))
    assert library.empty_expired_trash() == [harbour]
    assert [a.id for a in library.trashed()] == [kites]


def test_cli_remove_moves_to_the_trash_and_trash_restores(data_dir: Path) -> None:
    with Library(DataPaths(data_dir)) as lib:
        result = lib.add_article(Article(title="Harbour", text=HARBOUR, html=f"<p>{HARBOUR}</p>"))
        assert result.article_id is not None
        article = result.article_id
        lib.annotations.highlight_quote(article, "quay is quiet", note="calm")
    removed = reader(data_dir, "remove", str(article), check=True)
    assert "Trash" in removed.stdout
    listed = reader(data_dir, "trash", "list", check=True)
    assert "Harbour" in listed.stdout
    assert "Harbour" not in reader(data_dir, "list", check=True).stdout
    reader(data_dir, "trash", "restore", str(article), check=True)
    assert "Harbour" in reader(data_dir, "list", check=True).stdout
    with Library(DataPaths(data_dir)) as lib:
        assert [h.note for h in lib.annotations.highlights(article)] == ["calm"]
    reader(data_dir, "remove", str(article), check=True)
    # Its highlight goes only when the user says so, as with `remove --for-good` (found by
    # a user's test: emptying the Trash deleted notes without a word).
    refused = reader(data_dir, "trash", "empty")
    assert refused.returncode == 1 and "--with-annotations" in refused.stderr
    assert "Harbour" in reader(data_dir, "trash", "list", check=True).stdout
    emptied = reader(data_dir, "trash", "empty", "--with-annotations", check=True)
    assert "1 article" in emptied.stdout
    assert "empty" in reader(data_dir, "trash", "list", check=True).stdout


def test_cli_restore_of_an_unknown_id_is_one_clear_line(data_dir: Path) -> None:
    result = reader(data_dir, "trash", "restore", "999")
    assert result.returncode != 0
    assert "no article with id 999" in result.stderr
    assert "Traceback" not in result.stderr


def test_importing_the_text_of_a_trashed_article_brings_it_back_with_its_notes(
    library: Library, two: tuple[int, int]
) -> None:
    harbour, _kites = two
    library.annotations.highlight_quote(harbour, "quay is quiet", note="calm mornings")
    library.trash([harbour])
    again = library.add_article(Article(title="Harbour", text=HARBOUR, html=f"<p>{HARBOUR}</p>"))
    assert again.article_id == harbour
    assert harbour in library.article_ids()
    assert [h.note for h in library.annotations.highlights(harbour)] == ["calm mornings"]
