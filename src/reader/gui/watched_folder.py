"""A watched folder: new article files in it (a browser's downloads) are imported once complete."""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.gui.notices import reason_text
from reader.gui.tasks import TaskRunner
from reader.services.library import ImportResult, ImportStatus, Library

log = logging.getLogger(__name__)

# What a browser saves a page as. Partial downloads (.crdownload, .part, .download, .tmp)
# have other suffixes, so they are left alone until renamed to their final name.
WATCHED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".mhtml", ".mht", ".md", ".txt", ".epub"})
POLL_MS = 1000  # the fallback where file-system notifications do not arrive (network folders)
SETTLE_MS = 300  # after a notification: a burst of changes makes one scan
STABLE_S = 1.0  # a file is complete once its size and time stayed the same this long
# File times lag the clock: Linux stamps files from a clock that ticks only every few
# milliseconds, FAT keeps times to 2 s. A file written just after the watch began may carry a
# time before it; files that were there when it began are known by name and state instead.
# Only in that session: a watch resumed after a restart knows no names, so it takes its start
# strictly (a file skipped then is never imported later).
CLOCK_SLACK_NS = 3_000_000_000
FOLDER_KEY = "capture/watched_folder"
SINCE_KEY = "capture/watched_since_ns"


@dataclass(frozen=True)
class _State:
    size: int
    mtime_ns: int


class NewFiles:
    """Which files of a folder are new (changed since `since_ns`) and complete; each version
    of a file is handed out once. Qt-free: driven by `scan(now)`."""

    def __init__(self, folder: Path, since_ns: int, *, slack_ns: int = 0) -> None:
        self.folder = folder
        self.since_ns = since_ns
        self._from_ns = since_ns - slack_ns  # files changed from then on are candidates
        self._pending: dict[Path, tuple[_State, float]] = {}  # state, and since when unchanged
        self._handed: dict[Path, _State] = {}

    def skip_present(self) -> None:
        """Files there now, as they are now, are never handed out (a changed one is): what
        a watch that begins now with a slack needs."""
        self._handed.update(self._candidates())

    def scan(self, now: float) -> list[Path]:
        ready: list[Path] = []
        pending: dict[Path, tuple[_State, float]] = {}
        for path, state in self._candidates():
            if self._handed.get(path) == state:
                continue
            known, since = self._pending.get(path, (None, now))
            since = since if known == state else now
            if now - since >= STABLE_S:
                ready.append(path)
                self._handed[path] = state
            else:
                pending[path] = (state, since)
        self._pending = pending
        return sorted(ready)

    def _candidates(self) -> Iterator[tuple[Path, _State]]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return  # the folder is gone or unreadable for now: tried again at the next scan
        for entry in entries:
            if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in (
                WATCHED_SUFFIXES
            ):
                continue
            try:
                info = entry.stat()
            except OSError:
                continue
            # The change time counts too: renaming a finished download sets it, not the mtime.
            changed = max(info.st_mtime_ns, info.st_ctime_ns)
            recent = changed >= self._from_ns
            if stat.S_ISREG(info.st_mode) and info.st_size > 0 and recent:
                yield Path(entry.path), _State(info.st_size, info.st_mtime_ns)


class WatchedFolder(QObject):
    """Watches the folder named in the settings (kept across restarts, with the time watching
    began) and imports its new files on the import lane, one batch at a time. A file imported
    before is a duplicate to the library (its import_sources) and passes silently."""

    imported = Signal(object)  # ImportResult of a new or updated article, or a failure
    status = Signal(str)

    def __init__(
        self, library: Library, lane: TaskRunner, settings: QSettings, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._settings = settings
        self._files: NewFiles | None = None
        self._busy = False
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.scan)
        self._settle = QTimer(self, interval=SETTLE_MS, singleShot=True)
        self._settle.timeout.connect(self.scan)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())

    @property
    def folder(self) -> Path | None:
        return self._files.folder if self._files else None

    def start(self) -> None:
        """Resume the watch the settings remember (none in a read-only library)."""
        folder = str(self._settings.value(FOLDER_KEY, "") or "")
        since = str(self._settings.value(SINCE_KEY, "") or "")
        if folder and since.isdigit() and not self._library.read_only:
            self._watch(Path(folder), int(since), fresh=False)

    def watch(self, folder: Path) -> None:
        """Watch `folder` from now on: files already there are not imported."""
        since = time.time_ns()
        self._settings.setValue(FOLDER_KEY, str(folder))
        self._settings.setValue(SINCE_KEY, str(since))  # text: ini files keep big ints badly
        self._watch(folder, since, fresh=True)
        self.status.emit(self.tr("Watching {folder} for new articles").format(folder=folder))

    def stop_watching(self) -> None:
        self._settings.remove(FOLDER_KEY)
        self._settings.remove(SINCE_KEY)
        self.close()

    def close(self) -> None:
        self._poll.stop()
        self._settle.stop()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._files = None

    def _watch(self, folder: Path, since_ns: int, *, fresh: bool) -> None:
        self.close()
        self._files = NewFiles(folder, since_ns, slack_ns=CLOCK_SLACK_NS if fresh else 0)
        if fresh:
            self._files.skip_present()
        if folder.is_dir():
            self._watcher.addPath(str(folder))
        self._poll.start()
        self.scan()

    def scan(self) -> None:
        if self._files is None or self._busy:
            return  # a batch still importing: the next poll picks up what came meanwhile
        ready = self._files.scan(time.monotonic())
        if ready:
            self._busy = True
            self._lane.start(
                lambda _stop: [self._library.import_path(path) for path in ready],
                finished=self._on_task_finished,
                failed=self._on_task_failed,
            )

    def _on_task_finished(self, results: list[ImportResult]) -> None:
        self._busy = False
        for result in results:
            if result.status is ImportStatus.DUPLICATE:
                continue
            name = Path(result.path).name
            if result.ok:
                self.status.emit(self.tr("Imported from the watched folder: {title}").format(
                    title=result.title or name))  # fmt: skip
            else:
                log.info("watched folder: %s not imported: %s", result.path, result.reason)
                self.status.emit(self.tr("Could not import {name}: {reason}").format(
                    name=name, reason=reason_text(result)))  # fmt: skip
            self.imported.emit(result)

    def _on_task_failed(self, message: str) -> None:
        self._busy = False
        self.status.emit(message)


class WatchedFolderPanel(QGroupBox):
    """Preferences: "Import new files from folder…", and a button to stop watching."""

    def __init__(self, watched: WatchedFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Watched folder"))
        self._watched = watched
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.choose = QPushButton(self.tr("Import new files from folder…"), self)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.stop = QPushButton(self.tr("Stop watching"), self)
        self.stop.clicked.connect(self._on_stop_clicked)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.choose)
        row.addWidget(self.stop)
        self._show()

    def _show(self) -> None:
        folder = self._watched.folder
        self.label.setText(str(folder) if folder else self.tr("No folder is watched"))
        self.stop.setEnabled(folder is not None)

    def _on_choose_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import new files from folder"))
        if chosen:
            self._watched.watch(Path(chosen))
            self._show()

    def _on_stop_clicked(self) -> None:
        self._watched.stop_watching()
        self._show()
