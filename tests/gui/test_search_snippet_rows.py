"""The search results view asks for the snippets of the rows it paints, not of every hit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pytestqt.qtbot import QtBot

from reader.core.article import ArticleSummary
from reader.gui.models.search_results import SNIPPET_ROLE, SearchOutcome, SearchResultsModel
from reader.gui.views.article_list import ArticleListView
from reader.search import SearchHit, SearchResult, Snippet

HITS = 100


def summary(article_id: int) -> ArticleSummary:
    return ArticleSummary(
        article_id, f"Article {article_id}", None, None, None, None, "en", None,
        datetime(2024, 1, 1), False, False,
    )  # fmt: skip


class Source:
    """A snippet source that records which ids it was asked for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(self, ids: Sequence[int]) -> dict[int, Snippet]:
        self.asked += ids
        return {
            i: Snippet(f"text of {i} with kite", ((len(f"text of {i} with "), 99),)) for i in ids
        }


def outcome(source: Source) -> SearchOutcome:
    hits = [SearchHit(i, 1.0 / i) for i in range(1, HITS + 1)]
    result = SearchResult(hits, HITS, None, ("kite",))
    return SearchOutcome("kite", result, {i: summary(i) for i in range(1, HITS + 1)}, source)


def test_the_model_makes_a_row_snippet_once_and_only_when_asked(qtbot: QtBot) -> None:
    source = Source()
    model = SearchResultsModel()
    model.set_outcome(outcome(source))
    assert source.asked == []
    assert model.index(4, 0).data(SNIPPET_ROLE)[0] == "text of 5 with kite"
    assert model.index(4, 0).data(SNIPPET_ROLE)[0] == "text of 5 with kite"
    assert model.terms_for(4) == ("kite",)
    assert source.asked == [5]


def test_the_view_asks_only_for_the_rows_it_shows(qtbot: QtBot) -> None:
    source = Source()
    model = SearchResultsModel()
    view = ArticleListView(snippets=True)
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    model.set_outcome(outcome(source))
    qtbot.waitUntil(lambda: bool(source.asked))
    view.viewport().repaint()
    visible = view.viewport().height() // view.rowHeight(0) + 1
    assert 0 < len(set(source.asked)) <= visible < HITS
    assert set(source.asked) <= set(range(1, visible + 1))
    view.scrollToBottom()
    view.viewport().repaint()
    assert HITS in source.asked
    assert len(set(source.asked)) <= 2 * visible
