"""Articles arriving while the window is open: the list gains rows in place, and its ids are
queried off the UI thread (at 100,000 articles each query and reset stalled the window)."""

from __future__ import annotations

import time
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui import pacing
from reader.gui.main_window import MainWindow
from reader.gui.pacing import REST_FACTOR
from reader.services.library import Library
from tests.gui.conftest import calling_threads, html_article

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
