"""The article list model: paged rows from SQL, sorting, selection kept across resets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.article import Article, ArticleSummary
from reader.core.ordering import natural_key
from reader.gui.main_window import MainWindow
from reader.gui.models import articles
from reader.gui.models.articles import DATE_COLUMN, ArticleTableModel
from reader.gui.models.sidebar import COUNT_ROLE
from reader.gui.views.article_list import ArticleListView
from reader.services.library import Library
from reader.storage.articles import ArticleFilter
from tests.gui.conftest import HARBOUR_TITLE, calling_threads


def add_many(library: Library, count: int) -> list[int]:
    ids = []
    for n in range(count):
        article = Article(
            title=f"Article {n:04d}",
            text=f"Body of article {n}.",
            html=f"<p>Body of article {n}.</p>",
            section="Even" if n % 2 == 0 else "Odd",
            site=f"site{n % 3}.example",
            published=date(2020, 1, 1 + n % 28),
        )
        result = library.add_article(article)
        assert result.article_id is not None
        ids.append(result.article_id)
    return ids


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, library: Library) -> None:
    add_many(library, 40)
    model = ArticleTableModel(library)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    model.set_filter(ArticleFilter(section="Odd"))
    qtmodeltester.check(model, force_py=True)


def test_rows_are_paged_into_a_bounded_cache(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_many(library, 600)
    model = ArticleTableModel(library)
    model.reload()
    assert model.rowCount() == 600
    calls: list[int] = []
    original = library.summaries

    def counted(ids: Sequence[int]) -> dict[int, ArticleSummary]:
        calls.append(len(ids))
        return original(ids)

    monkeypatch.setattr(library, "summaries", counted)
    page = articles.PAGE_SIZE
    for row in (0, 1, page - 1, page, 599):
        assert model.index(row, 0).data() is not None
    assert calls == [page, page, 600 - 599 // page * page]
    assert len(model._cache) <= articles.CACHE_ROWS


def test_sorting_requeries_in_sql(library: Library) -> None:
    add_many(library, 30)
    model = ArticleTableModel(library)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles == sorted(titles)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Article 0029"
    model.sort(3, Qt.SortOrder.AscendingOrder)
    dates = [model.index(row, 3).data() for row in range(model.rowCount())]
    assert dates == sorted(dates)


def test_header_click_sorts(qtbot: QtBot, library: Library) -> None:
    add_many(library, 10)
    model = ArticleTableModel(library)
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == ("title", False)
    assert model.index(0, 0).data() == "Article 0000"


def test_unread_rows_are_bold(library: Library) -> None:
    ids = add_many(library, 2)
    library.mark_read([ids[0]])
    model = ArticleTableModel(library)
    model.reload()
    fonts = {model.article_id(r): model.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in (0, 1)}
    assert fonts[ids[0]] is None
    assert isinstance(fonts[ids[1]], QFont) and fonts[ids[1]].bold()


def test_selection_is_kept_by_id_across_a_reset(qtbot: QtBot, library: Library) -> None:
    ids = add_many(library, 20)
    model = ArticleTableModel(library)
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.reload()
    chosen = [ids[3], ids[7]]
    view.select_ids(chosen, ids[7])
    model.sort(0, Qt.SortOrder.AscendingOrder)  # rows move
    assert sorted(view.selected_ids()) == sorted(chosen)
    assert view.current_id() == ids[7]


def test_multi_select_actions(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    view = window.parts.article_list
    chosen = [filled["kite"], filled["harbour"]]
    view.select_ids(chosen, None)
    window.menu_actions.mark_read.trigger()  # on the edit lane, as every write
    qtbot.waitUntil(lambda: all(s.read for s in library.summaries(chosen).values()))
    window.menu_actions.mark_unread.trigger()
    qtbot.waitUntil(lambda: not any(s.read for s in library.summaries(chosen).values()))
    window.menu_actions.bookmark.trigger()
    qtbot.waitUntil(lambda: all(s.bookmarked for s in library.summaries(chosen).values()))
    sidebar = window.parts.sidebar_model
    bookmarked = sidebar.index(2, 0, sidebar.index(0, 0))
    qtbot.waitUntil(lambda: bookmarked.data(COUNT_ROLE) == 2)


def test_remove_moves_to_the_trash_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    assert window.select_article(filled["harbour"])
    model = window.parts.article_model
    rows = [model.article_id(row) for row in range(model.rowCount())]
    at = rows.index(filled["harbour"])
    following = rows[at + 1] if at + 1 < len(rows) else rows[at - 1]
    window.menu_actions.remove.trigger()
    qtbot.waitUntil(lambda: library.count() == 2)
    qtbot.waitUntil(lambda: window.parts.article_model.rowCount() == 2)
    # The pane goes on to the next row, selected, as a mail reader does (it was left empty,
    # nothing selected: found by a user's test).
    qtbot.waitUntil(lambda: window.settled)
    assert window.parts.pane.article is not None
    assert window.parts.pane.article.summary.id == following
    assert window.parts.article_list.selected_ids() == [following]
    assert [s.title for s in library.trashed()] == [HARBOUR_TITLE]
    assert window.history.undo.text().endswith(f"Move “{HARBOUR_TITLE}” to the Trash")
    window.history.undo.trigger()
    qtbot.waitUntil(lambda: library.count() == 3)
    qtbot.waitUntil(lambda: window.parts.article_model.rowCount() == 3)
    assert library.trashed() == []


def test_an_undated_article_shows_its_added_date_greyed(qtbot: QtBot, library: Library) -> None:
    library.add_article(Article(title="No date", text="Body.", html="<p>Body.</p>"))
    model = ArticleTableModel(library)
    model.reload()
    cell = model.index(0, DATE_COLUMN)
    added = library.list_articles()[0].added.date().isoformat()
    assert model.data(cell) == added
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "no publication date" in model.data(cell, Qt.ItemDataRole.ToolTipRole)


class HeldLane:
    """A lane whose job runs at once and whose answer is delivered when the test says."""

    def start(self, job, *, finished=None, **_handlers):  # type: ignore[no-untyped-def]
        self.answer, self.finished = job(None), finished


def test_a_row_changed_while_an_update_ran_is_not_shown_as_the_update_read_it(
    library: Library,
) -> None:
    ids = add_many(library, 5)
    model = ArticleTableModel(library)
    model.reload()
    rows = range(model.rowCount())
    assert all(model.index(row, 0).data(Qt.ItemDataRole.FontRole) is not None for row in rows)
    lane = HeldLane()
    model.update_on(lane)  # type: ignore[arg-type]
    library.mark_read([ids[2]], True)  # after the worker read the rows, before they arrive
    model.refresh([ids[2]])
    lane.finished(lane.answer)
    row = model.row_of(ids[2])
    assert row is not None and model.index(row, 0).data(Qt.ItemDataRole.FontRole) is None
    others = [r for r in rows if r != row]
    assert all(model.index(r, 0).data(Qt.ItemDataRole.FontRole) is not None for r in others)


def test_rows_painted_by_the_window_are_read_on_a_worker(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Painting asks for rows it has not read; they are read off the UI thread, painted as
    placeholders meanwhile, and painted from what was read once it arrives."""
    model, view = window.parts.article_model, window.parts.article_list
    add_many(library, 300)
    readers = calling_threads(library, "summaries", monkeypatch)
    qtbot.waitUntil(lambda: window.settled and model.rowCount() == 303)
    model.set_filter(ArticleFilter())  # listed again: none of their rows read
    view.scrollTo(model.index(150, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
    view.viewport().repaint()
    first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
    assert 0 < first < 150 < last
    assert model.painted_summary(150) is None and model.reading_rows  # a placeholder for now
    qtbot.waitUntil(lambda: not model.reading_rows)
    view.viewport().repaint()
    shown = [model.painted_summary(row) for row in range(first, last + 1)]
    assert all(summary is not None for summary in shown)
    assert shown[150 - first] == model.summary_at(150)
    # The pages on either side were read with them: the next screen's rows are there.
    assert model.painted_summary(min(last + 40, model.rowCount() - 1)) is not None
    assert readers and set(readers) == {"worker"}


def test_a_row_changed_while_it_was_read_is_read_again(library: Library) -> None:
    ids = add_many(library, 5)
    model = ArticleTableModel(library)
    model.reload()
    lane = HeldLane()
    model.read_rows_on(lane)  # type: ignore[arg-type]
    row = model.row_of(ids[2])
    assert row is not None and model.painted_summary(row) is None
    library.mark_read([ids[2]], True)  # after the worker read the rows, before they arrive
    model.refresh([ids[2]])
    lane.finished(lane.answer)
    assert model.painted_summary(row) is None  # its old state is not shown: read again
    others = [model.painted_summary(r) for r in range(5) if r != row]
    assert all(summary is not None and not summary.read for summary in others)
    lane.finished(lane.answer)
    summary = model.painted_summary(row)
    assert summary is not None and summary.read


def test_rows_read_for_a_list_since_reset_are_not_shown(library: Library) -> None:
    add_many(library, 5)
    model = ArticleTableModel(library)
    model.reload()
    lane = HeldLane()
    model.read_rows_on(lane)  # type: ignore[arg-type]
    assert model.painted_summary(0) is None
    model.set_filter(ArticleFilter(section="Odd"))
    lane.finished(lane.answer)
    assert not any(model.painted_summary(r) for r in range(model.rowCount()))


def test_the_window_sorts_its_list_on_a_worker(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    model, view = window.parts.article_model, window.parts.article_list
    threads = calling_threads(library, "article_ids", monkeypatch)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == ("title", False)
    qtbot.waitUntil(lambda: window.settled and bool(threads))
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles == sorted(titles, key=natural_key) and len(titles) == 3
    assert threads == ["worker"]
