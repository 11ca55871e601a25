"""Query-time speed-ups keep Whoosh's ranking: remembered field lengths, pruned matchers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import scoring
from whoosh.reading import SegmentReader

from reader.search import SearchDocument, SearchIndex
from reader.search import index as index_module
from reader.search import live as live_module
from reader.search.documents import AnnotationDocument

QUERIES = (
    "经济",
    "经济 发展",
    '"经济发展"',
    "港",
    "harbour",
    "harbour ferry",
    "title:harbour",
    "notes:marmoset",
    "marmoset OR 渡轮",
    "harbour -author:smith",
    "lang:en ferry",
    "author:smith",
)


def _library(folder: Path) -> None:
    """A few segments, a replaced article, annotations: every kind of matcher tree."""
    index = SearchIndex(folder, rebuild_procs=1)
    first = [
        SearchDocument(
            i, f"港口 经济 {i}", "经济发展 " * (i % 5 + 1) + "harbour " * i, language="zh"
        )
        for i in range(1, 30)
    ]
    for _ in index.rebuild(first, len(first)):
        pass
    for start in (30, 40, 50):
        index.update(
            SearchDocument(
                i,
                f"Harbour {i}",
                "ferry harbour the old ferry " * (i % 7 + 1),
                author="Smith" if i % 3 else None,
                language="en",
            )
            for i in range(start, start + 10)
        )
    index.update([SearchDocument(3, "replaced", "经济 ferry harbour", language="zh")])
    index.update_annotations(
        [AnnotationDocument(5, notes="marmoset 经济"), AnnotationDocument(41, notes="marmoset")]
    )
    index.close()


def _ranked(folder: Path) -> dict[str, list[tuple[int, float]]]:
    index = SearchIndex(folder)
    try:
        return {
            query: [(hit.id, hit.score) for hit in index.search(query, limit=100).hits]
            for query in QUERIES
        }
    finally:
        index.close()


def test_same_ids_scores_and_order_as_plain_whoosh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(tmp_path / "index")
    ours = _ranked(tmp_path / "index")
    with monkeypatch.context() as patched:  # Whoosh's own scoring and its unpruned matchers
        patched.setattr(live_module, "RememberingBM25F", scoring.BM25F)
        patched.setattr(index_module, "Simplified", lambda q: q)
        patched.setattr(live_module, "remember_terms", lambda searcher: [])  # term tables
        plain = _ranked(tmp_path / "index")
    assert all(plain[query] for query in QUERIES)  # each query finds something
    assert ours == plain  # exactly: the same sums of the same numbers


def test_each_field_length_is_read_once_per_searcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(tmp_path / "index")
    reads: list[tuple[int, str]] = []
    read = SegmentReader.doc_field_length

    def counted(reader: Any, docnum: int, fieldname: str, default: Any = None) -> Any:
        reads.append((docnum, fieldname))
        return read(reader, docnum, fieldname, default)

    monkeypatch.setattr(SegmentReader, "doc_field_length", counted)
    index = SearchIndex(tmp_path / "index")
    try:
        first = index.search("harbour ferry", limit=100).hits
        read_first = len(reads)
        again = index.search("harbour ferry", limit=100).hits
    finally:
        index.close()
    assert first == again and read_first > 0
    assert len(reads) == read_first  # the second query read no length again
