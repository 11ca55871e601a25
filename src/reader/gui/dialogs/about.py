"""The About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import __version__


def show_about(parent: QWidget) -> None:
    text = QCoreApplication.translate(
        "About",
        "<h3>Reader {version}</h3><p>A reader for saved articles, with search that "
        "understands Chinese, Japanese, Korean and English.</p>",
    ).format(version=__version__)
    QMessageBox.about(parent, QCoreApplication.translate("About", "About Reader"), text)
