"""File → Export and Import Annotations: choosing what and where, then the work on a lane."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.exporters import FORMATS, safe_filename
from reader.gui.dialogs.export_annotations import CITATION_FORMATS, ExportChoice, ExportDialog
from reader.gui.tasks import TaskRunner
from reader.importers.annotations import LABELS
from reader.services.library import Library
from reader.storage.annotations import AnnotationImportReport
from reader.storage.articles import ArticleFilter
from reader.storage.foreign import ForeignImportReport, SourceReport


class AnnotationExchange(QObject):
    """Exports run on the import lane (they read a lot and write a file); imports on the edit
    lane, since they change annotations and the search index."""

    exported = Signal(str)  # path written
    imported = Signal(object)  # AnnotationImportReport
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        read_lane: TaskRunner,
        edit_lane: TaskRunner,
        window: QWidget,
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._library = library
        self._read_lane = read_lane
        self._edit_lane = edit_lane
        self._window = window
        self._status = status

    def ask_and_export(self, article_id: int | None) -> None:
        section = None
        title = self.tr("annotations")
        if article_id is not None:
            summary = self._library.summaries([article_id]).get(article_id)
            section = summary.section if summary else None
            title = summary.title if summary else title
        dialog = ExportDialog(article_id is not None, section, self._window)
        if not dialog.exec():
            return
        choice = dialog.choice()
        if choice.scope == "library":
            title = self.tr("Library annotations")
        elif choice.scope == "section" and section:
            title = section
        suggested = safe_filename(title, "annotations", FORMATS[choice.format])
        path, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("Export Annotations"), suggested
        )
        if path:
            self.export(choice, Path(path), article_id, section)

    def ids_for(
        self, choice: ExportChoice, article_id: int | None, section: str | None
    ) -> list[int]:
        """The articles a choice covers; annotation formats skip those without annotations."""
        if choice.scope == "article":
            return [article_id] if article_id is not None else []
        view = ArticleFilter(section=section) if choice.scope == "section" else ArticleFilter()
        if choice.format not in CITATION_FORMATS:
            view = ArticleFilter(section=view.section, annotated=True)
        return self._library.article_ids(view, sort="title", descending=False)

    def export(
        self, choice: ExportChoice, path: Path, article_id: int | None, section: str | None
    ) -> None:
        ids = self.ids_for(choice, article_id, section)
        if not ids:
            self._status(self.tr("Nothing to export: no annotated articles there."))
            return
        self._read_lane.start(
            # The dialog has asked before replacing a file.
            lambda _stop: self._library.export_to_file(choice.format, ids, path, overwrite=True),
            finished=lambda _none: self._on_exported(path),
            failed=self._on_failed,
        )

    def _on_exported(self, path: Path) -> None:
        self._status(self.tr("Annotations exported to {path}").format(path=str(path)))
        self.exported.emit(str(path))

    def ask_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import Annotations"),
            "",
            ";;".join(
                [
                    self.tr("Annotations (*.jsonld *.json *.csv *.txt)"),
                    self.tr("W3C Web Annotations (*.jsonld *.json)"),
                    self.tr("Hypothesis, KOReader, Obsidian Web Clipper, Zotero (*.json)"),
                    self.tr("Readwise (*.csv)"),
                    self.tr("Kindle My Clippings (*.txt)"),
                    self.tr("All files (*)"),
                ]
            ),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self._edit_lane.start(
            # The format is told from the content: the same service as `annotations import`.
            lambda _stop: self._library.annotations.import_annotations(path),
            finished=self._on_imported,
            failed=self._on_failed,
        )

    def _on_imported(self, report: AnnotationImportReport | ForeignImportReport) -> None:
        if isinstance(report, ForeignImportReport):
            lines = [self.source_line(LABELS.get(s, s), r) for s, r in report.sources.items()]
            self._status(" · ".join(lines) or self.tr("No highlights in that file."))
        else:
            self._status(
                self.tr(
                    "Imported %n annotation(s); {present} already here.", "", report.added
                ).format(present=report.already_present)
            )
        self.imported.emit(report)

    def source_line(self, label: str, report: SourceReport) -> str:
        """What an import did with one tool's highlights, in the interface language (the
        command line prints SourceReport.summary, in English)."""
        line = self.tr(
            "{source}: {exact} matched exactly, {fuzzy} fuzzy, {orphaned} orphaned, "
            "{present} already present"
        ).format(
            source=label,
            exact=report.exact,
            fuzzy=report.fuzzy,
            orphaned=report.orphaned,
            present=report.already_present,
        )
        if report.moved:
            text = self.tr("; earlier orphans attached to their article: {n}")
            line += text.format(n=report.moved)
        if report.dismissed:
            text = self.tr("; deleted by you after an earlier import, left out: {n}")
            line += text.format(n=report.dismissed)
        if report.in_books:
            titles = ", ".join(f"“{' '.join(t.split())}”" for t in report.books)
            text = self.tr("; anchored in new book entries made of their quotes: {n} ({titles})")
            line += text.format(n=report.in_books, titles=titles)
        if report.placeholders:
            text = self.tr("; orphans kept under placeholder entries: {n}")
            line += text.format(n=len(report.placeholders))
        return line

    def _on_failed(self, message: str) -> None:
        QMessageBox.warning(self._window, self.tr("Annotations"), message)
        self.failed.emit(message)
