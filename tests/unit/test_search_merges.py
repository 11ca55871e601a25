"""Live writes merge only small segments: a rebuild's large ones are never rewritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.search import SearchDocument, SearchIndex, writes


class Segment:
    def __init__(self, docs: int) -> None:
        self.docs = docs

    def doc_count_all(self) -> int:
        return self.docs


def test_the_policy_leaves_large_segments_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[list[int]] = []

    def usual(_writer: Any, segments: list[Any]) -> list[Any]:
        given.append([s.docs for s in segments])
        return []  # Whoosh's policy merged everything it was given

    monkeypatch.setattr(writes, "MERGE_SMALL", usual)
    # As a rebuild of 100,000 articles leaves them, plus a few catch-up segments: Whoosh's
    # usual policy merges the 2,500-document ones too once there are twenty or so.
    segments = [Segment(2500) for _ in range(40)] + [Segment(250) for _ in range(5)]
    kept = writes.merge_small_segments(object(), segments)
    assert given == [[250] * 5]
    assert [s.docs for s in kept] == [2500] * 40


def test_live_writes_use_that_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = SearchIndex(tmp_path / "index")
    docs = [SearchDocument(1, "Harbour", "lamps on the pier"), SearchDocument(2, "Kite", "wind")]
    for _ in index.rebuild(iter(docs), len(docs)):
        pass
    used: list[int] = []

    def spy(writer: Any, segments: list[Any]) -> list[Any]:
        used.append(len(segments))
        return list(segments)

    monkeypatch.setattr(writes, "merge_small_segments", spy)
    index.update([SearchDocument(3, "Ferry", "the last crossing at six")])
    assert used, "a live write merged with Whoosh's usual policy"
    assert [hit.id for hit in index.search("ferry").hits] == [3]
    index.close()
