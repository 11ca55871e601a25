"""The import summary: what was imported, what was already there and what failed, and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.imports import ImportSummary
from reader.gui.notices import reason_text
from reader.services.library import ImportResult, ImportStatus, skipped_kinds


def skip_reason(reason: str) -> str:
    """Why a file found in a folder was skipped, in the interface language (the importers
    give one of these fixed reasons; anything else is shown as it is)."""
    reasons = {
        "unsupported file type": QCoreApplication.translate(
            "ImportSummary", "unsupported file type"
        ),
        "not a feed": QCoreApplication.translate("ImportSummary", "not a feed"),
        "(no suffix)": QCoreApplication.translate("ImportSummary", "(no suffix)"),
    }
    return reasons.get(reason, reason)


def summary_line(summary: ImportSummary) -> str:
    """One line for the strip, e.g. "Imported 8 · 1 already in the library · 1 failed"."""
    parts = []
    if summary.imported or not summary.updated:
        parts.append(
            QCoreApplication.translate("ImportSummary", "Imported {n}").format(n=summary.imported)
        )
    if summary.updated:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{n} updated").format(n=summary.updated)
        )
    if summary.duplicates:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{n} already in the library").format(
                n=summary.duplicates
            )
        )
    if summary.failures:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{n} failed").format(
                n=len(summary.failures)
            )
        )
    kinds = skipped_kinds(summary.results, skip_reason)
    if kinds:
        parts.append(
            QCoreApplication.translate("ImportSummary", "skipped {n}: {kinds}").format(
                n=sum(n for _kind, n in kinds), kinds=", ".join(f"{n} {k}" for k, n in kinds)
            )
        )
    if summary.cancelled:
        parts.append(QCoreApplication.translate("ImportSummary", "cancelled"))
    if summary.error:
        parts.append(
            QCoreApplication.translate("ImportSummary", "stopped: {error}").format(
                error=summary.error
            )
        )
    return " · ".join(parts)


def _details(result: ImportResult) -> str | None:
    """The Details column: why a file failed or was skipped, otherwise its title."""
    if result.status is ImportStatus.FAILED:
        return reason_text(result)
    if result.status is ImportStatus.SKIPPED:
        return skip_reason(result.reason or "")
    return result.title


class ImportSummaryDialog(QDialog):
    """Every file of the last import with its outcome; failures first."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Summary"))
        self.resize(720, 420)
        statuses = {
            ImportStatus.IMPORTED: self.tr("Imported"),
            ImportStatus.UPDATED: self.tr("Updated"),
            ImportStatus.DUPLICATE: self.tr("Already in the library"),
            ImportStatus.FAILED: self.tr("Failed"),
            ImportStatus.UNSURE: self.tr("Not imported (stopped before asking)"),
            ImportStatus.SKIPPED: self.tr("Skipped"),
        }
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Outcome"), self.tr("Details")])
        order = sorted(summary.results, key=lambda r: r.status is not ImportStatus.FAILED)
        for result in order:
            details = _details(result)
            item = QTreeWidgetItem([Path(result.path).name, statuses[result.status], details or ""])
            item.setToolTip(0, result.path)
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary_line(summary), self))
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
