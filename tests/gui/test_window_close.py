"""Closing the window never waits for the search index's worker process to start up."""

from __future__ import annotations

import contextlib
import signal
import threading

import psutil
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library
from tests.processes import spawned_workers


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")
def test_closing_does_not_wait_for_an_index_worker_still_starting_up(
    qtbot: QtBot, library: Library, filled: dict[str, int], settings: QSettings
) -> None:
    win = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.settled, timeout=10_000)
    assert spawned_workers(psutil.Process().children()) == []  # in step: no worker at start
    assert library.annotations.set_note(filled["kite"], "zebrafish by the lake") is not None
    [worker] = spawned_workers(psutil.Process().children())  # started for the new note
    worker.suspend()  # one the busy machine has not let import its modules yet
    resumed = threading.Event()
    hang_guard = threading.Timer(60, lambda: (resumed.set(), worker.resume()))
    hang_guard.start()
    try:
        win.close()
        closed_while_stopped = not resumed.is_set()
    finally:
        hang_guard.cancel()
        with contextlib.suppress(psutil.NoSuchProcess):
            worker.resume()
    assert closed_while_stopped, "the window waited for the index worker to start"
    worker.wait(timeout=30)  # gone with the window
    assert library.indexer.lag() > 0  # the note waits in the log for the next start
    library.update_search_index_in_worker()  # a window opened again catches up
    assert [h.id for h in library.search("zebrafish").hits] == [filled["kite"]]
