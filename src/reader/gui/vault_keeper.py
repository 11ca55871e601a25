"""Keeps an Obsidian vault or a Logseq graph in step with the library after every change."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from reader.core.changes import Changes
from reader.exporters.vault import VaultReport
from reader.gui.actions import WindowActions
from reader.gui.change_feed import ChangeFeed
from reader.gui.tasks import StopFlag, TaskRunner
from reader.services.library import Library
from reader.storage.articles import ArticleFilter

KINDS = ("obsidian", "logseq")
# A burst of edits (typing a note, tagging several highlights) makes one export.
DEBOUNCE_MS = 2000
STATUS_MS = 8000
# What a note shows: the article's details and tags, its note, its highlights and their tags.
# Reading state, bookmarks and the text itself are not in the note.
NOTE_ENTITIES = frozenset({"article", "article_tag", "note", "highlight", "highlight_tag"})
# Colour meanings are the titles of every note's callouts: all notes change.
EVERY_NOTE_ENTITIES = frozenset({"color"})


@dataclass(frozen=True)
class VaultSetting:
    """One library's notes folder, kept under that library's id in the window's settings."""

    enabled: bool = False
    folder: str = ""
    kind: str = "obsidian"

    @property
    def active(self) -> bool:
        return self.enabled and bool(self.folder)

    @classmethod
    def load(cls, settings: QSettings, group: str) -> VaultSetting:
        kind = str(settings.value(f"{group}/kind", "obsidian"))
        return cls(
            # INI files hand back "true"; the registry a bool.
            enabled=str(settings.value(f"{group}/enabled", "false")).lower() == "true",
            folder=str(settings.value(f"{group}/folder", "") or ""),
            kind=kind if kind in KINDS else "obsidian",
        )

    def save(self, settings: QSettings, group: str) -> None:
        settings.setValue(f"{group}/enabled", "true" if self.enabled else "false")
        settings.setValue(f"{group}/folder", self.folder)
        settings.setValue(f"{group}/kind", self.kind)


def settings_group(library_id: str) -> str:
    """Per library: another library opened in the same window (--data-dir) has its own."""
    return f"notes_folder/{library_id or 'unknown'}"


class VaultKeeper(QObject):
    """Follows the change feed and exports the changed articles' notes, debounced, on its own
    serial lane. A failure (the folder gone, unwritable) is one status line; the articles wait
    for the next change or "Update now" — never a retry loop. A note the user deleted in the
    vault stays deleted: the automatic export never asks the exporter to recreate it."""

    exported = Signal(object)  # the VaultReport of an export that ended
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        feed: ChangeFeed,
        actions: WindowActions,
        window: QMainWindow,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(window)
        self._library = library
        self._settings = settings
        self._window = window
        self._group = settings_group(library.library_id())
        self.setting = VaultSetting.load(settings, self._group)
        self._lane = TaskRunner(1, self)
        self._pending: set[int] = set()
        self._everything = False
        self._running = False
        self.debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self.debounce.timeout.connect(self._export_pending)
        feed.changed.connect(self.on_changes)
        actions.export_obsidian.triggered.connect(lambda: self.ask_and_export("obsidian"))
        actions.export_logseq.triggered.connect(lambda: self.ask_and_export("logseq"))

    @property
    def busy(self) -> bool:
        return self._running or self.debounce.isActive() or self._lane.busy

    def kind_label(self, kind: str) -> str:
        return self.tr("Logseq graph") if kind == "logseq" else self.tr("Obsidian vault")

    def configure(self, setting: VaultSetting) -> None:
        """Keep (or stop keeping) a folder; a new folder or kind gets every note at once."""
        before, self.setting = self.setting, setting
        setting.save(self._settings, self._group)
        if not setting.active:
            self.debounce.stop()
            self._pending.clear()
            self._everything = False
        elif setting != before:
            self.update_now()

    def update_now(self) -> None:
        """Every annotated article's note, now (Preferences → Update now)."""
        if self.setting.active:
            self._everything = True
            self.debounce.stop()
            self._export_pending()

    def on_changes(self, changes: Changes) -> None:
        if not self.setting.active:
            return
        if changes.touches(*EVERY_NOTE_ENTITIES):
            self._everything = True
        elif changes.touches(*NOTE_ENTITIES):
            # The summary does not say which article each entity belongs to: an article
            # only read meanwhile is exported too, and found unchanged.
            self._pending |= changes.article_ids
        else:
            return
        self.debounce.start()

    def _export_pending(self) -> None:
        if self._running or not self.setting.active:
            return  # the running export restarts the timer when it ends
        ids = None if self._everything else frozenset(self._pending)
        if ids is not None and not ids:
            return
        self._everything, self._pending = False, set()
        setting = self.setting
        self._running = True
        self._lane.start(
            lambda stop: self._export(setting, ids, stop),
            finished=functools.partial(self._on_export_finished, setting),
            failed=functools.partial(self._on_export_failed, setting, ids),
        )

    def _export(
        self,
        setting: VaultSetting,
        ids: Iterable[int] | None,
        _stop: StopFlag,
        *,
        recreate: bool = False,
    ) -> VaultReport:
        """On the lane: the notes of `ids` (None: of every annotated article); notes the user
        deleted come back only when `recreate` (they asked for it)."""
        if ids is None:
            view = ArticleFilter(annotated=True)
            ids = self._library.article_ids(view, sort="title", descending=False)
        return self._library.annotations.export_vault(
            Path(setting.folder),
            sorted(ids),
            kind=setting.kind,
            data_root=self._library.paths.root,
            recreate=recreate,
        )

    def _on_export_finished(self, setting: VaultSetting, report: VaultReport) -> None:
        self._running = False
        written = len(report.created) + len(report.updated)
        if written:  # quiet when nothing changed in the vault
            text = self.tr("{kind} updated: {notes}")
            self._show(text.format(kind=self.kind_label(setting.kind), notes=self._notes(written)))
        self.exported.emit(report)
        self._resume()

    def _on_export_failed(
        self, setting: VaultSetting, ids: frozenset[int] | None, message: str
    ) -> None:
        self._running = False
        # Kept for the next attempt, which only a later change or "Update now" starts.
        if ids is None:
            self._everything = True
        else:
            self._pending |= ids
        kind = self.kind_label(setting.kind)
        self._show(self.tr("{kind} not updated: {error}").format(kind=kind, error=message))
        self.failed.emit(message)

    def _resume(self) -> None:
        if (self._pending or self._everything) and not self.debounce.isActive():
            self.debounce.start()  # changes that came during the export

    def _notes(self, n: int) -> str:
        # The English catalogue gives "1 note" / "2 notes" (Qt's plural forms).
        return self.tr("%n note(s)", "", n)

    def _show(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    # -- File → Export to Obsidian Vault… / Logseq Graph… ---------------------------------------

    def ask_and_export(self, kind: str) -> None:
        """A one-off export of every annotated article into a folder the user picks."""
        start = self.setting.folder if self.setting.kind == kind else ""
        title = self.tr("Export to {kind}").format(kind=self.kind_label(kind))
        chosen = QFileDialog.getExistingDirectory(self._window, title, start)
        if chosen:
            self.export_once(VaultSetting(enabled=False, folder=chosen, kind=kind))

    def export_once(self, setting: VaultSetting, *, recreate: bool = False) -> None:
        self._lane.start(
            lambda stop: self._export(setting, None, stop, recreate=recreate),
            finished=functools.partial(self._on_once_finished, setting),
            failed=lambda message: self._show(
                self.tr("{kind} not updated: {error}").format(
                    kind=self.kind_label(setting.kind), error=message
                )
            ),
        )

    def _on_once_finished(self, setting: VaultSetting, report: VaultReport) -> None:
        written = len(report.created) + len(report.updated)
        text = self.tr("{kind} {folder}: {notes} written").format(
            kind=self.kind_label(setting.kind), folder=setting.folder, notes=self._notes(written)
        )
        if report.deleted_by_user:
            text += self.tr("; {notes} deleted there and left deleted").format(
                notes=self._notes(len(report.deleted_by_user))
            )
        self._show(text)
        self.exported.emit(report)
        if report.deleted_by_user and self._bring_back(setting, len(report.deleted_by_user)):
            self.export_once(setting, recreate=True)

    def _bring_back(self, setting: VaultSetting, count: int) -> bool:
        """Asked after a one-off export only: the automatic export never brings a deleted note
        back, and this is where the reader can ask for it."""
        question = self.tr("Deleted in the {kind} and left deleted: {notes}. Write again?").format(
            kind=self.kind_label(setting.kind), notes=self._notes(count)
        )
        answer = QMessageBox.question(
            self._window,
            self.tr("Export to {kind}").format(kind=self.kind_label(setting.kind)),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def close(self) -> None:
        self.debounce.stop()
        self._lane.shut_down()
