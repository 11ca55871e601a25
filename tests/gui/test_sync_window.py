"""Sync in the window: background runs after changes, the status indicator, Preferences → Sync,
and the Conflicts dialog, through a real shared folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.gui.change_feed import ChangeFeed
from reader.gui.dialogs.sync import ConflictsDialog, SyncPanel
from reader.gui.main_window import MainWindow
from reader.gui.sync import SyncController, SyncIndicator
from reader.gui.tasks import TaskRunner
from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write

WITHIN_MS = 15_000


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Library]:
    lib = Library(DataPaths(tmp_path / "other"))
    yield lib
    lib.close()


def test_a_local_change_is_synced_in_the_background_and_reaches_the_other_library(
    qtbot: QtBot, library: Library, other: Library, tmp_path: Path
) -> None:
    shared = tmp_path / "Sync"
    library.sync.setup(shared, "alice")
    library.sync_now()
    other.sync.join(library.sync.status().library, shared, "bob")
    _holder, indicator, controller = _indicated(qtbot, library, after_changes_ms=300)
    lane = TaskRunner(1)
    feed = ChangeFeed(library, lane, controller, poll_ms=200)
    feed.changed.connect(controller.on_local_changes)
    controller.start()
    feed.start()
    qtbot.waitUntil(lambda: controller.configured, timeout=WITHIN_MS)
    with qtbot.waitSignal(controller.synced, timeout=WITHIN_MS):
        library.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN))
    assert controller.state == "idle" and indicator.text() == "Sync: idle"
    other.sync_now()
    (arrived,) = other.list_articles()
    assert arrived.title == "Morning light on the old harbour"
    feed.stop()
    lane.shut_down()
    controller.stop()


def test_a_failing_sync_shows_an_error_and_keeps_the_change(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    shared = tmp_path / "Sync"
    library.sync.setup(shared, "alice")
    _holder, indicator, controller = _indicated(qtbot, library)
    library.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN))
    # The shared folder becomes unusable: a file stands where the folder was.
    (shared / "reader-sync").rename(tmp_path / "moved-away")
    (shared / "reader-sync").write_text("not a folder")
    with qtbot.waitSignal(controller.state_changed, timeout=WITHIN_MS, check_params_cb=_error):
        controller.sync_now()
    assert indicator.text() == "Sync: error" and "reader-sync" in indicator.toolTip()
    assert library.sync.status().pending > 0
    controller.stop()


def _indicated(
    qtbot: QtBot, library: Library, **timers: int
) -> tuple[QWidget, SyncIndicator, SyncController]:
    """A controller owned by a widget, as the window owns its own (keep the widget)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    controller = SyncController(library, holder, **timers)
    return holder, SyncIndicator(controller, holder), controller


def _error(state: str, _message: str) -> bool:
    return state == "error"


def test_preferences_set_sync_up_and_sync_now(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = SyncPanel(window.sync)
    qtbot.addWidget(panel)
    panel.location.setText(str(tmp_path / "Sync"))
    panel.author.setText("alice")
    with qtbot.waitSignal(window.sync.synced, timeout=WITHIN_MS):
        panel.set_up.click()
    qtbot.waitUntil(lambda: "Last sync:" in panel.summary.text(), timeout=WITHIN_MS)
    assert "pending: 0" in panel.summary.text() and panel.sync_now.isEnabled()
    assert (tmp_path / "Sync" / "reader-sync" / "v1").is_dir()
    with qtbot.waitSignal(window.sync.synced, timeout=WITHIN_MS):
        panel.sync_now.click()


def test_the_conflicts_dialog_lists_the_losing_note(
    qtbot: QtBot, library: Library, other: Library, tmp_path: Path
) -> None:
    shared = tmp_path / "Sync"
    library.sync.setup(shared, "alice")
    article = library.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
    assert article is not None
    library.sync_now()
    other.sync.join(library.sync.status().library, shared, "bob")
    other.sync_now()
    (theirs,) = other.list_articles()
    library.annotations.set_note(article, "alice's note")
    other.annotations.set_note(theirs.id, "bob's note")
    for _ in range(2):
        library.sync_now()
        other.sync_now()
    dialog = ConflictsDialog()
    qtbot.addWidget(dialog)
    dialog.show_conflicts(library.sync.conflicts())
    assert dialog.table.rowCount() == 1
    losing = dialog.table.item(0, 1).text()
    assert losing in ("alice's note", "bob's note")
    assert "alice" in dialog.table.item(0, 2).text() or "bob" in dialog.table.item(0, 2).text()
