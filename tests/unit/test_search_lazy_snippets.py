"""Snippets are made only when asked for, for the hits asked for: never for a whole result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.cli.main import main as cli_main
from reader.core.article import Article
from reader.paths import DataPaths
from reader.search import SearchDocument, SearchIndex
from reader.search.snippets import Highlighter
from reader.services.library import Library

DOCS = [
    SearchDocument(i, f"标题 {i}", f"第{i}篇文章讲经济发展。Economy report number {i}.")
    for i in range(1, 61)
]
TEXTS = {doc.id: (doc.title, doc.body) for doc in DOCS}


class CountingSnippets:
    """Counts Highlighter.snippet calls (one per snippet made)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = Highlighter.snippet

        def counted(highlighter: Highlighter, body: str, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return real(highlighter, body, *args, **kwargs)

        monkeypatch.setattr(Highlighter, "snippet", counted)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> CountingSnippets:
    return CountingSnippets(monkeypatch)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SearchIndex]:
    idx = SearchIndex(tmp_path / "index", rebuild_procs=1)
    for _ in idx.rebuild(iter(DOCS), len(DOCS)):
        pass
    yield idx
    idx.close()


def test_search_makes_no_snippet_and_snippets_makes_only_those_asked(
    index: SearchIndex, made: CountingSnippets
) -> None:
    result = index.search("经济", limit=50)
    assert len(result.hits) == 50 and result.total == 60
    assert made.calls == 0
    assert all(hit.snippet == "" for hit in result.hits)
    shown = [hit.id for hit in result.hits[:3]]
    snippets = index.snippets(shown, result.terms, TEXTS.get)
    assert made.calls == 3
    assert sorted(snippets) == sorted(shown)
    for snippet in snippets.values():
        assert [snippet.text[s:e] for s, e in snippet.spans] == ["经济"]


def test_library_search_leaves_snippets_to_the_front_end(
    tmp_path: Path, made: CountingSnippets
) -> None:
    with Library(DataPaths(tmp_path / "library")) as lib:
        for doc in DOCS[:30]:
            lib.add_article(Article(title=doc.title, text=doc.body, html=f"<p>{doc.body}</p>"))
        result = lib.search("economy", limit=30)
        assert len(result.hits) == 30
        assert made.calls == 0
        snippets = lib.snippets([result.hits[0].id, 999_999], result.terms)
        assert made.calls == 1 and list(snippets) == [result.hits[0].id]
        first = snippets[result.hits[0].id]
        assert [first.text[s:e] for s, e in first.spans] == ["Economy"]


def test_the_cli_asks_snippets_only_for_what_it_prints(
    tmp_path: Path, made: CountingSnippets, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "library"
    with Library(DataPaths(data)) as lib:
        for doc in DOCS[:30]:
            lib.add_article(Article(title=doc.title, text=doc.body, html=f"<p>{doc.body}</p>"))
    assert cli_main(["--data-dir", str(data), "search", "--limit", "4", "经济"]) == 0
    out = capsys.readouterr().out
    assert made.calls == 4
    assert out.count("[经济]") == 4
    assert "4 of 30 matches" in out
