"""Articles arriving while the window is open: the list gains rows in place, and its ids are
queried off the UI thread (at 100,000 articles each query and reset stalled the window)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from reader.gui import pacing
from reader.gui.main_window import MainWindow
from reader.gui.models.articles import ID_ROLE
from reader.gui.pacing import REST_FACTOR
from reader.gui.views.article_list import ArticleListView
from reader.services.library import Library
from tests.gui.conftest import calling_threads, html_article, shown_window

WITHIN_MS = 8000  # a few of the change feed's polls


@pytest.mark.usefixtures("quick_change_feed")
def test_an_article_added_elsewhere_is_inserted_with_the_current_row_kept(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.select_article(filled["harbour"])
    qtbot.waitUntil(lambda: window.settled)
    model, view = window.parts.article_model, window.parts.article_list
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    threads = calling_threads(library, "article_ids", monkeypatch)
    with Library(library.paths) as other:  # as an import in another process
        added = other.add_article(
            html_article("Kites over the bay", "<p>Red kites.</p>", published=date(2024, 9, 15))
        ).article_id
    qtbot.waitUntil(lambda: model.rowCount() == len(filled) + 1, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    assert threads and "ui" not in threads
    assert resets == []
    row = model.row_of(added)  # after the kites of October, before the harbour of September
    assert row is not None and inserted == [(row, row)]
    assert (model.row_of(filled["kite"]), model.row_of(filled["harbour"])) == (row - 1, row + 1)
    assert view.current_id() == filled["harbour"] and view.selected_ids() == [filled["harbour"]]
    assert window.parts.counts_label.text().startswith("4 articles")


@pytest.mark.usefixtures("quick_change_feed")
def test_rows_shown_after_an_update_are_read_by_its_worker(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rows painted before an update, and the rows it inserts, come back read with the
    ids: painting after it reads nothing on the UI thread (at 100,000 articles a read there,
    behind an import's writes, stalled the window)."""
    model, view = window.parts.article_model, window.parts.article_list
    view.viewport().repaint()
    qtbot.waitUntil(lambda: window.settled)
    readers = calling_threads(library, "summaries", monkeypatch)
    with Library(library.paths) as other:
        added = other.add_article(
            html_article("Kites over the bay", "<p>Red kites.</p>", published=date(2024, 9, 15))
        ).article_id
    qtbot.waitUntil(lambda: model.rowCount() == len(filled) + 1, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    view.viewport().repaint()
    assert readers and "ui" not in readers
    row = model.row_of(added)
    assert row is not None and model.index(row, 0).data() == "Kites over the bay"
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole) is not None  # unread: bold


def test_a_folder_imported_from_the_window_never_resets_the_list(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for n in range(6):
        page = f"<html><head><title>Saved page {n}</title></head><body><p>Page {n} of a "
        page += "walk along the harbour wall, written down the same evening.</p></body></html>"
        (folder / f"page{n}.html").write_text(page, encoding="utf-8")
    qtbot.waitUntil(lambda: window.settled)
    model = window.parts.article_model
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    threads = calling_threads(library, "article_ids", monkeypatch)
    finished: list[object] = []
    window.imports.import_finished.connect(finished.append)
    window.import_paths([folder])
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    qtbot.waitUntil(lambda: model.rowCount() == len(filled) + 6, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    assert threads and "ui" not in threads
    assert resets == []
    listed = {model.article_id(row) for row in range(model.rowCount())}
    assert listed == set(library.article_ids())


def test_counts_asked_for_while_one_runs_make_one_more_count(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import's updates ask for the counts a few times a second: each ask while a count
    runs must not queue another scan of the whole library."""
    qtbot.waitUntil(lambda: window.settled)
    # No rest after a count, so that the first ask below starts one at once (after the
    # window's own first count, the next would otherwise wait out a rest, and the five asks
    # would make a single count: fewer still, but not what this test is about).
    monkeypatch.setattr(pacing, "REST_FACTOR", 0)
    window.refresh.count_in_background()  # ends the window's rest: the next may start now
    qtbot.waitUntil(lambda: window.settled)
    real = library.view_counts
    counted: list[bool] = []

    def view_counts() -> dict[str, int]:
        counted.append(True)
        return real()

    monkeypatch.setattr(library, "view_counts", view_counts)
    for _ in range(5):
        window.refresh.count_in_background()
    qtbot.waitUntil(lambda: window.settled)
    assert len(counted) == 2
    assert window.parts.counts_label.text().startswith("3 articles")


def test_a_slow_count_rests_before_the_next_one_of_a_burst(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 articles a count takes a few hundred ms of a core: asked for again and
    again by an import (list updates and counts alike), counts back to back kept a core
    busy beside the UI thread. The next starts no sooner than three times as long as the
    last took after it ended (a small library's: a few ms)."""
    qtbot.waitUntil(lambda: window.settled)
    real = library.view_counts
    spans: list[tuple[float, float]] = []

    def view_counts() -> dict[str, int]:
        started = time.perf_counter()
        time.sleep(0.2)  # as a large library's count
        counts = real()
        spans.append((started, time.perf_counter()))
        return counts

    monkeypatch.setattr(library, "view_counts", view_counts)
    for _ in range(15):  # an import's updates, for a second and a half
        window.refresh.update_list()
        window.refresh.counts_soon()
        qtbot.wait(100)
    qtbot.waitUntil(lambda: window.settled, timeout=WITHIN_MS)
    assert len(spans) >= 2
    rests = [after[0] - before[1] for before, after in pairwise(spans)]
    # Each rest is at least three times the count before it (which took over 0.2 s); Qt's
    # coarse timers may fire up to 5% early.
    assert min(rests) >= 0.95 * REST_FACTOR * 0.2, rests
    assert window.parts.counts_label.text().startswith("3 articles")


def _dated(library: Library, count: int, year: int) -> list[int]:
    """`count` articles published on successive days of `year`, added to `library`."""
    ids = []
    for n in range(count):
        day = date(year, 1, 1) + timedelta(days=n)
        text = f"<p>Wind and tide, day {n}.</p>"
        article = html_article(f"Log {year} entry {n}", text, published=day)
        ids.append(library.add_article(article).article_id)
    return ids


@pytest.fixture
def long_list(
    qtbot: QtBot, library: Library, settings: QSettings
) -> Iterator[tuple[MainWindow, list[int]]]:
    """A window listing 80 articles, newest first, far more than its list shows at once."""
    ids = _dated(library, 80, 2020)
    win = shown_window(qtbot, library, settings, (1000, 700))
    yield win, ids
    win.close()


def _on_screen(view: ArticleListView) -> tuple[int | None, int]:
    """The article in the row at the top of the list's viewport, and that row's top (y)."""
    index = view.indexAt(QPoint(5, 0))
    return index.data(ID_ROLE), view.visualRect(index).top()


@pytest.mark.usefixtures("quick_change_feed")
def test_rows_inserted_above_a_scrolled_list_leave_the_rows_on_screen_in_place(
    qtbot: QtBot, long_list: tuple[MainWindow, list[int]], library: Library
) -> None:
    """Qt keeps a list's scroll offset when rows are inserted above it, so what the reader
    looked at moved down by the new rows at every update of an import."""
    window, ids = long_list
    model, view = window.parts.article_model, window.parts.article_list
    height = view.verticalHeader().defaultSectionSize()
    view.verticalScrollBar().setValue(20 * height + height // 3)  # part of a row scrolled off
    top = _on_screen(view)
    assert top[0] == ids[-21] and top[1] < 0
    with Library(library.paths) as other:  # newer than all: inserted at the top
        _dated(other, 3, 2030)
    qtbot.waitUntil(lambda: model.rowCount() == 83, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    assert _on_screen(view) == top
    view.verticalScrollBar().setValue(0)
    assert model.index(0, 0).data() == "Log 2030 entry 2"  # the new rows are above, in order


@pytest.mark.usefixtures("quick_change_feed")
def test_rows_inserted_at_the_top_show_and_keep_the_current_row_on_screen(
    qtbot: QtBot, long_list: tuple[MainWindow, list[int]], library: Library
) -> None:
    """At the top of the list the new rows show; the article being read, its row on screen
    before, is still on screen after rows pushed it below the list's bottom."""
    window, ids = long_list
    model, view = window.parts.article_model, window.parts.article_list
    assert view.verticalScrollBar().value() == 0
    assert window.select_article(ids[-3])  # the third row
    qtbot.waitUntil(lambda: window.settled)
    with Library(library.paths) as other:
        _dated(other, 1, 2030)
    qtbot.waitUntil(lambda: model.rowCount() == 81, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    assert view.verticalScrollBar().value() == 0  # one row more: all still shown
    assert _on_screen(view) == (model.article_id(0), 0)
    assert model.index(0, 0).data() == "Log 2030 entry 0"
    shown = view.viewport().rect()
    rows_shown = shown.height() // view.verticalHeader().defaultSectionSize()
    with Library(library.paths) as other:  # more new rows than the list shows
        _dated(other, rows_shown + 5, 2031)
    qtbot.waitUntil(lambda: model.rowCount() == 81 + rows_shown + 5, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.settled)
    current = view.currentIndex()
    assert view.current_id() == ids[-3]
    assert shown.contains(view.visualRect(current))
    assert window.parts.pane.article is not None and window.parts.pane.article.id == ids[-3]
