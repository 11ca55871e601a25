"""A query notices a changed index with two stats, not a listing of the index folder, and
still sees every write made before it; a library without annotations runs no search on them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.searching import Searcher

from reader.search import AnnotationDocument, SearchDocument, SearchIndex, layout

DOCS = [SearchDocument(i, f"港口 {i}", f"harbour number{i} 渡轮", "zh-Hans") for i in range(1, 6)]
HOUR_AGO_NS = 3600 * 10**9


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def index(root: Path) -> Iterator[SearchIndex]:
    built = SearchIndex(root, rebuild_procs=1)
    for _ in built.rebuild(DOCS, len(DOCS)):
        pass
    yield built
    built.close()


def settle(root: Path) -> tuple[int, int]:
    """Date CURRENT and the live folder an hour back, as in an index not written for a
    while; the folder's new time stamp."""
    stamp = ((root / layout.POINTER).stat().st_mtime_ns - HOUR_AGO_NS,) * 2
    os.utime(root / layout.POINTER, ns=stamp)
    live = layout.current_dir(root)
    assert live is not None
    os.utime(live, ns=stamp)
    return stamp


def ids(index: SearchIndex, query: str) -> set[int]:
    return {hit.id for hit in index.search(query, limit=100).hits}


def count_listings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    listed: list[str] = []
    for name in ("listdir", "scandir"):
        plain = getattr(os, name)

        def counted(path: Any = ".", *, _plain: Any = plain, _name: str = name) -> Any:
            listed.append(f"{_name} {path}")
            return _plain(path)

        monkeypatch.setattr(os, name, counted)
    return listed


def test_queries_on_an_unchanged_index_list_no_folder(
    index: SearchIndex, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(root)
    assert ids(index, "harbour") == {1, 2, 3, 4, 5}  # looks for sure once
    listed = count_listings(monkeypatch)
    for query in ("harbour", "渡轮", "number3", "港口"):
        assert ids(index, query)
    assert listed == []


def test_a_write_by_another_process_reaches_the_next_query(index: SearchIndex, root: Path) -> None:
    settle(root)
    assert ids(index, "quokka") == set()
    other = SearchIndex(root)  # as in another process
    other.update([SearchDocument(9, "quokka", "a new one")])
    other.delete([2])
    other.close()
    assert ids(index, "quokka") == {9}
    assert ids(index, "harbour") == {1, 3, 4, 5}


def test_a_write_in_the_same_clock_tick_as_the_last_look_is_seen(
    index: SearchIndex, root: Path
) -> None:
    # The folder's time stamp is recent at the look; a commit right after it may leave the
    # stamp as it was (coarse file system clocks): the next query must look for sure.
    live = layout.current_dir(root)
    assert live is not None
    before = live.stat()
    assert ids(index, "quokka") == set()
    other = SearchIndex(root)
    other.update([SearchDocument(9, "quokka", "a new one")])
    other.close()
    os.utime(live, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert ids(index, "quokka") == {9}


def test_a_rebuild_swapped_in_by_another_process_is_seen(index: SearchIndex, root: Path) -> None:
    settle(root)
    assert ids(index, "harbour") == {1, 2, 3, 4, 5}
    other = SearchIndex(root, rebuild_procs=1)
    for _ in other.rebuild(DOCS[:2], 2):
        pass
    other.close()
    assert ids(index, "harbour") == {1, 2}
    assert index.doc_count() == 2


def test_own_writes_are_seen_at_once(index: SearchIndex, root: Path) -> None:
    settle(root)
    assert ids(index, "quokka") == set()
    index.update([SearchDocument(9, "quokka", "a new one")])
    assert ids(index, "quokka") == {9}


def count_annotation_searches(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    searched: list[Any] = []
    plain = Searcher.search

    def counted(searcher: Any, q: Any, *args: Any, **kwargs: Any) -> Any:
        if "kind" in {name for name, _ in q.iter_all_terms()}:
            searched.append(q)
        return plain(searcher, q, *args, **kwargs)

    monkeypatch.setattr(Searcher, "search", counted)
    return searched


def test_no_annotation_search_without_annotations(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched = count_annotation_searches(monkeypatch)
    assert ids(index, "harbour 渡轮") == {1, 2, 3, 4, 5}
    assert ids(index, "number2 OR number4") == {2, 4}
    assert ids(index, "tag:ships") == set()
    assert searched == []


def test_annotations_are_searched_once_there_are_some(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ids(index, "albatross") == set()
    index.update_annotations([AnnotationDocument(3, notes="albatross", tags=("ships",))])
    searched = count_annotation_searches(monkeypatch)
    assert ids(index, "albatross") == {3}
    assert ids(index, "tag:ships harbour") == {3}
    assert searched
    index.delete([3])
    assert ids(index, "albatross") == set()
