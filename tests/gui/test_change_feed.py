"""The window shows what another process changed in the library, through the change log."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.library import Library
from tests.articles import PLAIN_EN, write

# A change must show within a few polls (the window's 1.5 s; 0.1 s here, quick_change_feed).
WITHIN_MS = 8000
pytestmark = pytest.mark.usefixtures("quick_change_feed")


def test_an_import_by_another_process_appears(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    model = window.parts.article_model
    before = model.rowCount()
    with Library(library.paths) as cli:  # as `reader import` run beside the window
        added = cli.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
    assert added is not None
    qtbot.waitUntil(lambda: model.row_of(added) is not None, timeout=WITHIN_MS)
    assert model.rowCount() == before + 1
    qtbot.waitUntil(lambda: "4 articles" in window.parts.counts_label.text(), timeout=WITHIN_MS)


def test_a_removal_by_another_process_disappears(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    model = window.parts.article_model
    gone = filled["harbour"]
    assert model.row_of(gone) is not None
    with Library(library.paths) as cli:
        cli.remove(gone)
    qtbot.waitUntil(lambda: model.row_of(gone) is None, timeout=WITHIN_MS)


def test_a_bookmark_by_another_process_refreshes_its_row(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    model = window.parts.article_model
    kite = filled["kite"]
    seen: list[int] = []
    model.dataChanged.connect(lambda first, _last: seen.append(model.article_id(first.row()) or 0))
    with Library(library.paths) as cli:
        cli.set_bookmarked(kite, True)
    qtbot.waitUntil(lambda: kite in seen, timeout=WITHIN_MS)


def test_trashing_by_another_process_leaves_the_list_and_the_pane(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    model = window.parts.article_model
    gone = filled["harbour"]
    assert window.select_article(gone)
    with Library(library.paths) as cli:  # as `reader remove` run beside the window
        cli.trash([gone])
    qtbot.waitUntil(lambda: model.row_of(gone) is None, timeout=WITHIN_MS)
    assert window.parts.pane.article is None
    with Library(library.paths) as cli:
        cli.restore_from_trash([gone])
    qtbot.waitUntil(lambda: model.row_of(gone) is not None, timeout=WITHIN_MS)
