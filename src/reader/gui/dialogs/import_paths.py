"""Choosing what to import: files, a folder, or (on first run) the sample articles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def files_filter() -> str:
    """The dialog's filters: first every kind of file Reader imports (the default one), then
    all files."""
    return QCoreApplication.translate(
        "ImportDialogs",
        "Articles, books and feeds (*.txt *.text *.html *.htm *.xhtml *.mhtml *.mht *.md "
        "*.markdown *.epub *.atom *.rss *.xml *.json *.feed);;All files (*)",
    )


def choose_files(parent: QWidget) -> list[Path]:
    files, _chosen_filter = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("ImportDialogs", "Import Files"), "", files_filter()
    )
    return [Path(name) for name in files]


def choose_folder(parent: QWidget) -> list[Path]:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("ImportDialogs", "Import Folder")
    )
    return [Path(folder)] if folder else []


def ask_to_import_samples(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ImportDialogs", "Welcome to Reader"),
        QCoreApplication.translate(
            "ImportDialogs",
            "Your library is empty. Import a few sample articles in Chinese and English to "
            "look around? You can remove them later.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
