"""Imports started from the window: run in the background, counted, summed up at the end."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QWidget

from reader.errors import ReaderError
from reader.gui.dialogs.new_version import ask_new_version
from reader.gui.tasks import StopFlag, Task, TaskRunner
from reader.services.library import ImportResult, ImportStatus, Library

# Asked on the UI thread about a file whose text may or may not be a new version of the article
# it shares a file or URL with: True makes it that article's new version.
AskVersion = Callable[[ImportResult], bool]
# A file the user decided about: True for a new version, False for a separate article.
Choice = tuple[ImportResult, bool]


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
        return self.count(ImportStatus.IMPORTED)

    @property
    def updated(self) -> int:
        # Told apart from new articles: the details dialog says "Updated" for these.
        return self.count(ImportStatus.UPDATED)

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
    """The import as a generator: a first step with the total, then one step per result.

    The chosen paths are walked once: the total counts the files that walk found, and the
    import visits them (reporting the files it skips in folders); a file of several articles
    (a feed) counts once."""
    found = library.find_files(paths)
    total = len(found.files)
    yield ImportProgress(0, total)
    steps = library.import_paths(found, should_stop=stop, ask_when_unsure=True)
    done, last = 0, ""
    for result in steps:
        if result.status is not ImportStatus.SKIPPED and result.path != last:
            done, last = min(done + 1, total), result.path
        yield ImportProgress(done, total, result)


def resolve_job(
    library: Library, choices: list[Choice], stop: StopFlag
) -> Iterator[ImportProgress]:
    """Import again the files asked about, each as the version or the new article chosen."""
    yield ImportProgress(0, len(choices))
    try:
        for done, (asked, as_version) in enumerate(choices, start=1):
            if stop():
                return
            yield ImportProgress(done, len(choices), _import_as(library, asked, as_version))
    finally:
        library.update_search_index()


def _import_as(library: Library, asked: ImportResult, as_version: bool) -> ImportResult:
    target = asked.match.article_id if as_version and asked.match else None
    try:
        return library.import_path(Path(asked.path), replace_id=target, as_new=target is None)
    except ReaderError as exc:  # e.g. the article was removed while the question was open
        return ImportResult(asked.path, ImportStatus.FAILED, reason=str(exc))


class ImportController(QObject):
    """Runs one import at a time on the write lane; later requests wait their turn."""

    import_started = Signal()
    import_progressed = Signal(object)  # ImportProgress
    import_finished = Signal(object)  # ImportSummary

    def __init__(
        self,
        library: Library,
        lane: TaskRunner,
        parent: QObject | None = None,
        ask: AskVersion | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._ask = ask or self._ask_user
        self._task: Task | None = None
        self._summary = ImportSummary()
        # Files stored nothing yet: the user is asked about them when the import ends.
        self._unsure: list[ImportResult] = []
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
        if step.result is not None and step.result.status is ImportStatus.UNSURE:
            self._unsure.append(step.result)
        elif step.result is not None:
            self._summary.results.append(step.result)
        self.import_progressed.emit(step)

    def _on_task_finished(self, _value: object) -> None:
        if self._unsure:
            self._resolve_unsure()
        else:
            self._end()

    def _on_task_failed(self, message: str) -> None:
        self._summary.error = message
        self._end()

    def _on_task_cancelled(self) -> None:
        self._summary.cancelled = True
        self._end()

    def _resolve_unsure(self) -> None:
        """Ask about each unsure file (here, on the UI thread), then import it as chosen."""
        pending, self._unsure = self._unsure, []
        choices = [(result, self._ask(result)) for result in pending]
        self._task = self._lane.start(
            lambda stop: resolve_job(self._library, choices, stop),
            progressed=self._on_task_progressed,
            finished=self._on_task_finished,
            failed=self._on_task_failed,
            cancelled=self._on_task_cancelled,
        )

    def _ask_user(self, result: ImportResult) -> bool:
        match = result.match
        if match is None:
            return False
        existing = self._library.summaries([match.article_id]).get(match.article_id)
        parent = self.parent()
        return ask_new_version(
            result.title or Path(result.path).name,
            match,
            existing.title if existing else "",
            parent if isinstance(parent, QWidget) else None,
        )

    def _end(self) -> None:
        # Files left unasked (the import was stopped) are listed as not imported.
        self._summary.results.extend(self._unsure)
        self._unsure = []
        self._task = None
        self.last_summary = self._summary
        self.import_finished.emit(self._summary)
        if self._waiting:
            self.start(self._waiting.pop(0))
