"""Unattended runs: save a screenshot of a requested state, or time the first paint."""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reader.gui.main_window import MainWindow
from reader.gui.models.search_results import SearchOutcome

# Should a search never answer, the screenshot is still taken rather than hanging for ever.
GIVE_UP_MS = 20_000
SETTLE_POLL_MS = 50


class ScreenshotTaker(QObject):
    """Waits for the requested state (search answered, article open), then grabs the window."""

    def __init__(self, window: MainWindow, path: Path, open_id: int | None) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._open_id = open_id
        self._taken = False

    def start(self, wait_for_search: bool) -> None:
        if wait_for_search:
            self._window.search.search_finished.connect(self._on_search_finished)
            self._window.search.search_failed.connect(self._on_search_failed)
            QTimer.singleShot(GIVE_UP_MS, self._capture)
        else:
            self._settle()

    def _on_search_finished(self, outcome: SearchOutcome) -> None:
        window = self._window
        if self._open_id is not None:
            if not window.select_article(self._open_id):
                window.open_article(self._open_id, tuple(outcome.result.terms))
        elif outcome.rows():
            window.select_article(outcome.rows()[0][0].id)
        self._settle()

    def _on_search_failed(self, message: str) -> None:
        print(f"reader: search failed: {message}", file=sys.stderr)
        self._settle()

    def _settle(self) -> None:
        # A zero timer fires once the events queued so far (layout, polish, the resize of the
        # panes) have been handled; pending refreshes (counts after marking read) are waited
        # for with the same signal-driven timer, never with sleep.
        if self._window.settled:
            QTimer.singleShot(0, self._capture)
        else:
            QTimer.singleShot(SETTLE_POLL_MS, self._settle)

    def _capture(self) -> None:
        if self._taken:
            return
        self._taken = True
        self._path.parent.mkdir(parents=True, exist_ok=True)
        saved = self._window.grab().save(str(self._path), "PNG")
        if not saved:
            print(f"reader: error: cannot write {self._path}", file=sys.stderr)
        self._window.close()
        QCoreApplication.exit(0 if saved else 1)


class StartupProbe(QObject):
    """Prints the wall-clock time of the window's first paint and the top-level packages
    imported by then as JSON, then quits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._reported = False

    def start(self) -> None:
        self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._reported:
            self._reported = True
            # Report after the whole window (children included) has been painted.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        # What was imported by then: the first paint should not wait for search or importers.
        loaded = sorted({name.partition(".")[0] for name in list(sys.modules)})
        frozen = gc.get_freeze_count()  # objects kept out of the collector's full passes
        print(json.dumps({"painted": time.time(), "modules": loaded, "frozen": frozen}), flush=True)
        # Left running briefly so that the benchmark can read this process's memory.
        QTimer.singleShot(1500, QApplication.quit)
