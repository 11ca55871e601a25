"""Preferences → Sync (where, who, status, Sync now) and the Conflicts dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.sync import SyncController
from reader.sync import SyncStatus
from reader.sync.service import Conflict


class SyncPanel(QGroupBox):
    """Sets sync up (a folder or a WebDAV URL) and shows how it goes."""

    def __init__(
        self, controller: SyncController, read_only: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sync"))
        self._controller = controller
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("a shared folder, or https://host/dav/path"))
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("WebDAV only"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        self.author = QLineEdit(self)
        self.set_up = QPushButton(self.tr("Set up"), self)
        self.sync_now = QPushButton(self.tr("Sync now"), self)
        self.show_conflicts = QPushButton(self.tr("Conflicts…"), self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.summary = QLabel(self)
        self._build()
        for button in (self.set_up, self.sync_now):
            button.setEnabled(not read_only)
        self.set_up.clicked.connect(self._on_set_up_clicked)
        self.sync_now.clicked.connect(controller.sync_now)
        self.show_conflicts.clicked.connect(self._on_show_conflicts_clicked)
        controller.status_read.connect(self._on_controller_status_read)
        controller.state_changed.connect(self._on_controller_state_changed)
        self._on_controller_state_changed(controller.state, "")
        controller.read_status()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.set_up, self.sync_now, self.show_conflicts):
            buttons.addWidget(button)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder or URL:"), self.location)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Your name:"), self.author)
        form.addRow(self.tr("Status:"), self.state)
        form.addRow("", self.summary)
        form.addRow(buttons)

    def _on_set_up_clicked(self) -> None:
        where = self.location.text().strip()
        if where:
            self._controller.setup(
                where, self.author.text().strip(), self.user.text().strip(), self.password.text()
            )
            self.password.clear()

    def _on_controller_status_read(self, status: SyncStatus) -> None:
        if status.configured and not self.location.hasFocus():
            self.location.setText(status.folder or "")
        if not self.author.hasFocus():
            self.author.setText(status.author)
        self.sync_now.setEnabled(status.configured and self.set_up.isEnabled())
        self.summary.setText(
            self.tr("Last sync: {when} · pending: {pending} · conflicts: {conflicts}").format(
                when=status.last_sync or self.tr("never"),
                pending=status.pending,
                conflicts=status.conflicts,
            )
        )

    def _on_controller_state_changed(self, state: str, message: str) -> None:
        self.state.setText(message or {"off": self.tr("Sync is not set up")}.get(state, state))

    def _on_show_conflicts_clicked(self) -> None:
        dialog = ConflictsDialog(self)
        self._controller.lane.start(
            lambda _stop: self._controller.conflicts(), finished=dialog.show_conflicts
        )
        dialog.exec()


class ConflictsDialog(QDialog):
    """Values that lost to another device's: what, the losing text, whose, when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(720, 360)
        columns = [
            self.tr("Entity"),
            self.tr("Losing text"),
            self.tr("Author (device)"),
            self.tr("Time"),
        ]
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Reading the conflicts…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def show_conflicts(self, conflicts: list[Conflict]) -> None:
        self.empty.setText(
            self.tr("No conflicts: no device's value has lost to another's.")
            if not conflicts
            else self.tr(
                "%n value(s) lost to another device's; they are kept here.", "", len(conflicts)
            )
        )
        self.table.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            cells = (
                f"{c.uid[:8]} · {c.field}",
                self.tr("(removal overridden by an edit)") if c.field == "deleted" else _text(c),
                f"{c.author} ({c.device[:8]})",
                c.recorded,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()


def _text(conflict: Conflict) -> str:
    value = conflict.value
    return value if isinstance(value, str) else repr(value)
