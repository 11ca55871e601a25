"""Capture in the window: File → Import from URL, and the browser connector while it is open."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reader.capture.connector import Connector, SaveRequest
from reader.capture.pairing import load_pairing, rotate_token
from reader.errors import ReaderError
from reader.gui.dialogs.asking import ask_text
from reader.gui.notices import reason_text
from reader.gui.tasks import TaskRunner
from reader.services.library import ImportResult, Library

log = logging.getLogger(__name__)


class WebCapture(QObject):
    """Imports a URL on the import lane; runs the connector on its own thread (saves from the
    browser go to the library directly, then one signal tells the window to reload)."""

    url_imported = Signal(object)  # ImportResult
    page_saved = Signal(int)  # emitted from the connector's thread; delivered queued
    status = Signal(str)

    def __init__(self, library: Library, lane: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self.connector: Connector | None = None

    # -- import from URL ----------------------------------------------------------------------

    def ask_and_import(self, parent: QWidget) -> None:
        url = ask_text(
            parent, self.tr("Import from URL"), self.tr("Address of the web page (http or https):")
        )
        if url is not None and url.strip():
            self.import_url(url.strip())

    def import_url(self, url: str) -> None:
        self.status.emit(self.tr("Fetching {url}…").format(url=url))
        self._lane.start(
            lambda _stop: self._library.import_url(url),
            finished=self._on_task_finished,
            failed=lambda message: self.status.emit(message),
        )

    def _on_task_finished(self, result: ImportResult) -> None:
        if result.ok:
            self.status.emit(self.tr("Saved: {title}").format(title=result.title or result.path))
        else:
            self.status.emit(
                self.tr("Could not import {url}: {reason}").format(
                    url=result.path, reason=reason_text(result)
                )
            )
        self.url_imported.emit(result)

    # -- the connector ------------------------------------------------------------------------

    def start_connector(self) -> None:
        """Listen for the browser extension; a port in use is reported, not fatal."""
        if self.connector is not None or self._library.read_only:
            return
        try:
            pairing = load_pairing(self._library.paths.connector)
            connector = Connector(self._library.paths.connector, self._save, port=pairing.port)
            connector.start()
        except ReaderError as exc:
            log.info("browser connector not started: %s", exc)
            self.status.emit(str(exc))
            return
        self.connector = connector

    def stop_connector(self) -> None:
        if self.connector is not None:
            self.connector.stop()
            self.connector = None

    def _save(self, request: SaveRequest) -> dict[str, object]:
        """Runs on a connector thread: the library only; the window hears of it by signal."""
        saved = self._library.save_page(request.url, request.title, request.html, request.selection)
        if saved.result.article_id is not None:
            self.page_saved.emit(saved.result.article_id)
        return saved.to_json()


class ConnectorPanel(QGroupBox):
    """Preferences: the port and pairing token for the extension, and a Rotate button."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Browser connector"))
        self._file = library.paths.connector
        pairing = load_pairing(self._file)
        self.token = QLineEdit(pairing.token, self)
        self.token.setReadOnly(True)
        self.rotate = QPushButton(self.tr("Rotate"), self)
        self.rotate.setToolTip(self.tr("Make a new token; the extension then needs it"))
        self.rotate.clicked.connect(self._on_rotate_clicked)
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.rotate)
        origin = pairing.origin or self.tr("none (reader serve --pair-origin ORIGIN)")
        form = QFormLayout(self)
        form.addRow(self.tr("Port:"), QLabel(str(pairing.port), self))
        form.addRow(self.tr("Token:"), row)
        form.addRow(self.tr("Extension:"), QLabel(origin, self))
        self.rotate.setEnabled(not library.read_only)

    def _on_rotate_clicked(self) -> None:
        try:
            self.token.setText(rotate_token(self._file).token)
        except ReaderError as exc:
            self.token.setText(str(exc))
