"""Imports started from the window: run in the background, counted, summed up at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QObject, QUrl, Signal

from reader.gui.tasks import StopFlag, Task, TaskRunner
from reader.library import ImportResult, ImportStatus, Library


@dataclass(frozen=True)
class ImportProgress:
    """One step of an import: files done so far, the total, and the result just obtained."""

    done: int
    total: int
    result: ImportResult | None = None


@dataclass
class ImportSummary:
    """What one import did, file by file."""

    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    error: str | None = None

    def count(self, status: ImportStatus) -> int:
        return sum(1 for result in self.results if result.status is status)

    @property
    def imported(self) -> int:
        return self.count(ImportStatus.IMPORTED) + self.count(ImportStatus.UPDATED)

    @property
    def duplicates(self) -> int:
        return self.count(ImportStatus.DUPLICATE)

    @property
    def failures(self) -> list[ImportResult]:
        return [r for r in self.results if r.status is ImportStatus.FAILED]

    @property
    def new_ids(self) -> list[int]:
        return [r.article_id for r in self.results if r.ok and r.article_id is not None]


def local_path(url: QUrl) -> Path:
    """The file a dropped file:// URL names, exactly, even when its name is not UTF-8.

    toLocalFile() decodes the name as UTF-8 and turns other bytes into U+FFFD, naming a file
    that does not exist; the encoded path keeps the bytes and os.fsdecode maps them back.
    """
    if os.name != "posix" or url.host():
        return Path(url.toLocalFile())
    encoded = url.path(QUrl.ComponentFormattingOption.FullyEncoded)
    return Path(os.fsdecode(unquote_to_bytes(encoded)))


def import_job(library: Library, paths: Sequence[Path], stop: StopFlag) -> Iterator[ImportProgress]:
    """The import as a generator: a first step with the total, then one step per file."""
    files = library.files_to_import(paths)
    yield ImportProgress(0, len(files))
    for done, result in enumerate(library.import_paths(files, should_stop=stop), start=1):
        yield ImportProgress(done, len(files), result)


class ImportController(QObject):
    """Runs one import at a time on the write lane; later requests wait their turn."""

    import_started = Signal()
    import_progressed = Signal(object)  # ImportProgress
    import_finished = Signal(object)  # ImportSummary

    def __init__(self, library: Library, lane: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._task: Task | None = None
        self._summary = ImportSummary()
        self._waiting: list[list[Path]] = []
        self.last_summary: ImportSummary | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, paths: Sequence[Path]) -> None:
        if not paths:
            return
        if self._task is not None:
            self._waiting.append(list(paths))
            return
        self._summary = ImportSummary()
        chosen = list(paths)
        self.import_started.emit()
        self._task = self._lane.start(
            lambda stop: import_job(self._library, chosen, stop),
            progressed=self._on_task_progressed,
            finished=self._on_task_finished,
            failed=self._on_task_failed,
            cancelled=self._on_task_cancelled,
        )

    def cancel(self) -> None:
        self._waiting.clear()
        if self._task is not None:
            self._task.cancel()

    def _on_task_progressed(self, step: ImportProgress) -> None:
        if step.result is not None:
            self._summary.results.append(step.result)
        self.import_progressed.emit(step)

    def _on_task_finished(self, _value: object) -> None:
        self._end()

    def _on_task_failed(self, message: str) -> None:
        self._summary.error = message
        self._end()

    def _on_task_cancelled(self) -> None:
        self._summary.cancelled = True
        self._end()

    def _end(self) -> None:
        self._task = None
        self.last_summary = self._summary
        self.import_finished.emit(self._summary)
        if self._waiting:
            self.start(self._waiting.pop(0))
