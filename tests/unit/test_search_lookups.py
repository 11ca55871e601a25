"""A query reads each term's entry in a segment's term table once, and reads it again at
the next query (nothing carried over between queries)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3TermsReader

from reader.search import SearchDocument, SearchIndex

DOCS = [
    SearchDocument(i, f"harbour {i}", f"the ferry left harbour {i} 渡轮", author="Smith")
    for i in range(1, 8)
]


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SearchIndex]:
    built = SearchIndex(tmp_path / "index", rebuild_procs=1)
    for _ in built.rebuild(DOCS, len(DOCS)):  # one segment
        pass
    yield built
    built.close()


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """Every read of a term's entry in a term table, whatever Whoosh asked it for."""
    reads: list[tuple[str, bytes]] = []
    for name in ("term_info", "doc_frequency", "frequency", "__contains__"):
        plain = getattr(W3TermsReader, name)

        def counted(table: Any, *args: Any, _plain: Any = plain) -> Any:
            term = args[0] if len(args) == 1 else (args[0], args[1])
            reads.append(term)
            return _plain(table, *args)

        monkeypatch.setattr(W3TermsReader, name, counted)
    return reads


def test_each_term_is_read_once_per_query(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {hit.id for hit in index.search("harbour ferry", limit=50).hits}
    reads = count_reads(monkeypatch)
    assert {hit.id for hit in index.search("harbour ferry", limit=50).hits} == expected
    assert len(reads) == len(set(reads))  # the words in each field they were looked up in
    first = sorted(reads)
    reads.clear()
    index.search("harbour ferry", limit=50)
    assert sorted(reads) == first  # read again: the next query reads for itself
