"""The strip under the panes that shows a running import and, afterwards, its summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ImportStrip(QFrame):
    """Count, current file and Cancel while importing; the outcome and Details… after."""

    cancel_clicked = Signal()
    details_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setMinimumWidth(120)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self.cancel_clicked)
        self.details = QPushButton(self.tr("Details…"), self)
        self.details.clicked.connect(self.details_clicked)
        self.dismiss = QPushButton(self.tr("Close"), self)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        for button in (self.cancel, self.details, self.dismiss):
            layout.addWidget(button)
        self.hide()

    def show_started(self) -> None:
        self.bar.setRange(0, 0)  # busy until the number of files is known
        self.bar.show()
        self.label.setText(self.tr("Preparing the import…"))
        self._set_running(True)
        self.show()

    def show_progress(self, done: int, total: int, current: str | None) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if current is None:
            self.label.setText(self.tr("Importing {total} files…").format(total=total))
            return
        self.label.setText(
            self.tr("Importing {done} of {total}: {name}").format(
                done=done, total=total, name=Path(current).name
            )
        )

    def show_finished(self, summary_text: str) -> None:
        self.bar.hide()
        self.label.setText(summary_text)
        self._set_running(False)
        self.show()

    def _set_running(self, running: bool) -> None:
        self.cancel.setVisible(running)
        self.details.setVisible(not running)
        self.dismiss.setVisible(not running)
