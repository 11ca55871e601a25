"""The window's automatic backup is taken by another process, never on the window's threads."""

from __future__ import annotations

import os

from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.services.backup_runs import Attempts
from reader.storage.backup_check import check_backup

HANG_GUARD_S = 120.0


def test_the_windows_backup_is_written_by_another_process(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    assert library.backups.list() == []
    window.maintenance._on_backups_timeout()  # the timer's periodic check, now
    qtbot.waitUntil(lambda: not window.edit_lane.busy, timeout=int(HANG_GUARD_S * 1000))
    library.safekeeping.process.wait(HANG_GUARD_S)
    last = Attempts(library.backups.folder).last()
    assert last is not None and last.ok is True
    assert last.pid != os.getpid()  # the process that wrote the backup file
    [backup] = library.backups.list()
    check_backup(backup.path)
