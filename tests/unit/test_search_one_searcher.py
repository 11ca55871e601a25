"""A process's health check, article count and queries read the index through one searcher:
each opening reads every segment's term table, the bulk of a first query on a big library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.index import FileIndex

from reader.search import SearchDocument, SearchIndex


def test_check_count_and_queries_open_one_searcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [SearchDocument(i, f"港口 {i}", f"harbour number {i} 渡轮", "zh-Hans") for i in (1, 2)]
    built = SearchIndex(tmp_path / "index", rebuild_procs=1)
    for _ in built.rebuild(docs, len(docs)):
        pass
    built.close()
    opened: list[Any] = []
    plain = FileIndex.searcher

    def counted(ix: Any, **kwargs: Any) -> Any:
        opened.append(ix)
        return plain(ix, **kwargs)

    monkeypatch.setattr(FileIndex, "searcher", counted)
    index = SearchIndex(tmp_path / "index")  # as in a new process
    try:
        assert index.check(2) is None
        assert index.doc_count() == 2
        assert [hit.id for hit in index.search("harbour", limit=5).hits] == [1, 2]
        assert {hit.id for hit in index.search("渡轮").hits} == {1, 2}
    finally:
        index.close()
    assert len(opened) == 1
