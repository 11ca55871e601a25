"""The article list painting while its model is reloaded from a worker and rows go away.

An import resets the list again and again while the reader scrolls; every paint in between
asks the model and the delegate for rows that may be gone. pytest-qt fails a test on any
exception raised inside a Qt virtual (paint, data), so none may escape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.models.articles import SUMMARY_ROLE, ArticleTableModel
from reader.gui.tasks import TaskRunner
from reader.gui.views.article_list import ArticleListView
from reader.paths import DataPaths
from reader.services.library import Library
from tests.gui.test_article_list import add_many

ROUNDS = 12


@dataclass
class Listed:
    """Articles added to a library and listed in a view, not shown yet."""

    ids: list[int]
    model: ArticleTableModel
    view: ArticleListView
    qtbot: QtBot

    def show(self) -> None:
        self.view.show()
        self.qtbot.waitExposed(self.view)


@pytest.fixture
def listed(qtbot: QtBot) -> Callable[[Library, int], Listed]:
    """Adds `count` articles to a library and lists them in a view of the window's size."""

    def make(library: Library, count: int) -> Listed:
        ids = add_many(library, count)
        model = ArticleTableModel(library)
        model.reload()
        view = ArticleListView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(420, 600)
        return Listed(ids, model, view, qtbot)

    return make


@pytest.mark.slow
def test_list_paints_through_reloads_on_a_worker_while_rows_are_trashed(
    qtbot: QtBot, library: Library, listed: Callable[[Library, int], Listed]
) -> None:
    shown = listed(library, 200)
    shown.show()
    ids, model, view = shown.ids, shown.model, shown.view
    # Parented as the window's lanes are: a runner dropped by Python with a task just ended
    # crashed in the deferred delete of that task.
    lane = TaskRunner(1, view)
    bar = view.verticalScrollBar()
    for round_ in range(ROUNDS):
        before = model.rowCount()
        library.trash(ids[round_ * 10 : round_ * 10 + 10])
        model.reload_next_on(lane)
        model.reload()
        with qtbot.waitSignal(model.loaded, timeout=10_000):
            # The old rows are painted while the worker lists the new ones: some are gone.
            bar.setValue(bar.maximum() if round_ % 2 else 0)
            view.viewport().repaint()
        assert model.rowCount() == before - 10
        # Rows past the end, and past the end before the shrink, answer nothing.
        assert model.summary_at(before - 1) is None
        assert model.index(before - 1, 0).data(SUMMARY_ROLE) is None
        bar.setValue(bar.maximum())
        view.viewport().repaint()
    lane.shut_down()
    assert model.rowCount() == 200 - 10 * ROUNDS


def test_a_listed_row_whose_article_was_purged_paints_blank(
    library: Library, listed: Callable[[Library, int], Listed]
) -> None:
    shown = listed(library, 30)
    shown.show()
    ids, model, view = shown.ids, shown.model, shown.view
    library.trash(ids[:5])
    library.empty_trash()  # gone from the library, still listed until the next reload
    row = model.row_of(ids[0])
    assert row is not None
    assert model.summary_at(row) is None
    view.viewport().repaint()
    assert model.index(row, 0).data(SUMMARY_ROLE) is None


def test_rows_that_cannot_be_read_paint_blank(
    tmp_path: Path, listed: Callable[[Library, int], Listed]
) -> None:
    library = Library(DataPaths(tmp_path))
    unshown = listed(library, 30)
    library.close()  # as at the window's end: a paint still comes, the library is gone
    unshown.show()
    model = unshown.model
    unshown.view.viewport().repaint()  # an exception inside paint or data() fails the test here
    assert model.index(0, 0).data(SUMMARY_ROLE) is None
    assert model.index(0, 0).data() is None
