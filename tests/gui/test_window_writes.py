"""The window never writes on the UI thread: reading goes on while an import holds the writer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library

# How long the writer holds its transaction unless released: a hang guard, far longer than
# opening and scrolling take even on a loaded machine.
HOLD_S = 60.0


@contextmanager
def writer_held(library: Library) -> Iterator[threading.Event]:
    """Another thread inside a write transaction (as an import is) until the block ends;
    yields an event set once the writer has left its transaction."""
    inside, release, left = threading.Event(), threading.Event(), threading.Event()

    def hold() -> None:
        with library.db.transaction():
            inside.set()
            release.wait(HOLD_S)
        left.set()

    writer = threading.Thread(target=hold)
    writer.start()
    try:
        assert inside.wait(HOLD_S)
        yield left
    finally:
        release.set()
        writer.join()


def test_opening_and_scrolling_do_not_wait_for_an_import_transaction(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    pane = window.parts.pane
    with writer_held(library) as writer_left:
        assert window.select_article(filled["essay"])
        pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
        assert window.select_article(filled["harbour"])  # saves the essay's position
        # The UI thread got here while the writer still held its transaction: had it waited
        # behind the writer it could only have come back after `writer_left`.
        assert not writer_left.is_set(), "the UI thread waited behind the writer"
        # Both writes wait on the edit lane for the writer, not on the UI thread.
        assert not library.get_article(filled["essay"]).summary.read
        assert library.get_article(filled["essay"]).reading_position == 0
    qtbot.waitUntil(lambda: library.get_article(filled["essay"]).summary.read)
    qtbot.waitUntil(lambda: library.get_article(filled["harbour"]).summary.read)
    qtbot.waitUntil(lambda: library.get_article(filled["essay"]).reading_position > 0.95)


def test_marking_read_from_the_menu_runs_on_the_edit_lane(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    writers: list[threading.Thread] = []
    mark_read = library.mark_read

    def recording(*args: object, **kwargs: object) -> None:
        writers.append(threading.current_thread())
        mark_read(*args, **kwargs)  # type: ignore[arg-type]

    library.mark_read = recording  # type: ignore[method-assign]
    # Two rows selected, none opened: the command acts on the selection (opening would mark
    # an article read by itself).
    window.parts.article_list.select_ids([filled["kite"], filled["harbour"]], None)
    window.menu_actions.mark_read.trigger()
    qtbot.waitUntil(lambda: library.summaries([filled["kite"]])[filled["kite"]].read)
    assert writers and threading.main_thread() not in writers
