"""Notes, tags and bookmarks are indexed apart from the article: saving one never re-reads
or re-indexes the article's text, and queries still combine both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import reader.search.schema
from reader.core.article import Article
from reader.paths import DataPaths
from reader.search import AnnotationDocument, SearchDocument, SearchIndex
from reader.services.library import Library

# About 800,000 characters: a long book in Chinese and English.
LONG_TEXT = "".join(
    f"第{n}章 经济发展与人民生活。The whale swam past the harbour number {n}. " * 20 + "\n"
    for n in range(1, 1000)
)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(DataPaths(tmp_path / "library"))
    yield library
    library.close()


def add(lib: Library, title: str, text: str) -> int:
    result = lib.add_article(Article(title=title, text=text, html=f"<p>{text}</p>"))
    assert result.article_id is not None
    return result.article_id


def found(lib: Library, query: str) -> set[int]:
    return {hit.id for hit in lib.search(query, limit=100).hits}


class Counted:
    """Wraps a callable and counts its calls (and, for texts, the characters it got)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls = 0
        self.chars = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if args and isinstance(args[0], str):
            self.chars += len(args[0])
        return self.inner(*args, **kwargs)


def test_saving_a_note_does_not_read_or_reindex_the_article_text(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(LONG_TEXT) > 790_000
    big = add(lib, "长篇", LONG_TEXT)
    other = add(lib, "短文", "一篇短文章。")
    assert found(lib, "whale") == {big}  # the index is built and in step
    get = Counted(lib.articles.get)
    text_of = Counted(lib.articles.text_of)
    analysed = Counted(reader.search.schema.term_positions)
    monkeypatch.setattr(lib.articles, "get", get)
    monkeypatch.setattr(lib.articles, "text_of", text_of)
    monkeypatch.setattr(reader.search.schema, "term_positions", analysed)

    lib.annotations.set_note(big, "记得查看 zephyrine 海港")

    assert (get.calls, text_of.calls) == (0, 0)
    assert analysed.chars < 100  # the note alone
    assert found(lib, "zephyrine") == {big}
    assert found(lib, "海港") == {big}
    assert found(lib, "zephyrine whale") == {big}  # a note word and a body word together
    assert found(lib, "港") == {big}
    lib.annotations.set_note(big, "changed my mind")
    assert found(lib, "zephyrine") == set()
    assert found(lib, "港") == set()
    assert found(lib, "mind") == {big}
    assert found(lib, "短文") == {other}
    assert (get.calls, text_of.calls) == (0, 0)


def test_tags_and_bookmarks_combine_with_text(lib: Library) -> None:
    first = add(lib, "经济报告", "经济发展很快。")
    second = add(lib, "经济新闻", "经济新闻的内容。")
    third = add(lib, "体育", "足球比赛。")
    lib.annotations.set_tags(first, ["工作"])
    lib.annotations.set_tags(third, ["工作"])
    lib.set_bookmarked(second)
    assert found(lib, "tag:工作") == {first, third}
    assert found(lib, "tag:工作 经济") == {first}
    assert found(lib, "经济 -tag:工作") == {second}
    assert found(lib, "-tag:工作") == {second}
    assert found(lib, "is:bookmarked") == {second}
    assert found(lib, "tag:工作 OR is:bookmarked") == {first, second, third}
    assert found(lib, "is:bookmarked 经济") == {second}
    lib.annotations.set_tags(first, [])
    assert found(lib, "tag:工作") == {third}
    assert lib.indexer.index.check(lib.articles.count()) is None


def test_removing_an_article_removes_its_annotations_and_rebuilds_keep_them(
    lib: Library,
) -> None:
    kept = add(lib, "one", "first text")
    gone = add(lib, "two", "second text")
    lib.annotations.set_note(kept, "quillwort")
    lib.annotations.set_note(gone, "quillwort too")
    assert found(lib, "quillwort") == {kept, gone}
    lib.remove(gone, with_annotations=True)
    assert found(lib, "quillwort") == {kept}
    assert lib.indexer.index.check(lib.articles.count()) is None
    for _ in lib.rebuild_search_index():
        pass
    assert found(lib, "quillwort") == {kept}
    assert found(lib, "text") == {kept}
    assert lib.indexer.index.check(lib.articles.count()) is None


def test_a_note_saved_during_a_rebuild_is_kept_once_and_wins(tmp_path: Path) -> None:
    docs = [SearchDocument(i, f"title {i}", f"body {i}", notes=f"old note {i}") for i in range(30)]
    index = SearchIndex(tmp_path / "index", rebuild_procs=1, batch_size=7)
    for _ in index.rebuild(iter(docs), len(docs)):
        pass
    steps = index.rebuild(iter(docs), len(docs))  # its list still has the old note of 20
    assert next(steps) == (7, 30)
    index.update_annotations([AnnotationDocument(20, notes="newer marmoset")])
    list(steps)
    assert {h.id for h in index.search("marmoset").hits} == {20}
    assert {h.id for h in index.search('"old note"', limit=100).hits} == set(range(30)) - {20}
    assert index.check(len(docs)) is None  # one annotation document per article, no more
    index.close()
