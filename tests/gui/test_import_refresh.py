"""Articles arriving while the window is open: the list gains rows in place, and its ids are
queried off the UI thread (at 100,000 articles each query and reset stalled the window)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library
from tests.gui.conftest import html_article

WITHIN_MS = 8000  # a few of the change feed's polls


def ui_thread_queries(library: Library, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads that query the list's ids from now on, by name ('ui' for the UI thread)."""
    threads: list[str] = []
    real: Callable[..., Any] = library.article_ids

    def article_ids(*args: Any, **kwargs: Any) -> Any:
        main = threading.current_thread() is threading.main_thread()
        threads.append("ui" if main else "worker")
        return real(*args, **kwargs)

    monkeypatch.setattr(library, "article_ids", article_ids)
    return threads


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
    threads = ui_thread_queries(library, monkeypatch)
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
    threads = ui_thread_queries(library, monkeypatch)
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
