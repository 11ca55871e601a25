"""Preferences → Notes folder: an Obsidian vault or a Logseq graph kept up to date."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from reader.gui.vault_keeper import KINDS, VaultKeeper


class NotesFolderPanel(QGroupBox):
    """Every choice takes effect at once, as the watched folder's does: the keeper saves it."""

    def __init__(self, keeper: VaultKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Notes folder"))
        self._keeper = keeper
        setting = keeper.setting
        self.enabled = QCheckBox(self.tr("Keep an Obsidian vault or Logseq graph up to date"), self)
        self.enabled.setChecked(setting.enabled)
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose folder…"), self)
        self.kind = QComboBox(self)
        for key in KINDS:
            self.kind.addItem(keeper.kind_label(key), key)
        self.kind.setCurrentIndex(KINDS.index(setting.kind))
        self.update_now = QPushButton(self.tr("Update now"), self)
        grid = QGridLayout(self)
        grid.addWidget(self.enabled, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Folder:"), self), 1, 0)
        grid.addWidget(self.folder, 1, 1)
        grid.addWidget(self.choose, 1, 2)
        grid.addWidget(QLabel(self.tr("Kind:"), self), 2, 0)
        grid.addWidget(self.kind, 2, 1)
        grid.addWidget(self.update_now, 2, 2)
        grid.setColumnStretch(1, 1)
        self.enabled.toggled.connect(self._on_enabled_toggled)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.update_now.clicked.connect(keeper.update_now)
        self._show()

    def _show(self) -> None:
        setting = self._keeper.setting
        self.folder.setText(setting.folder or self.tr("No folder chosen"))
        self.update_now.setEnabled(setting.active)

    def choose_folder(self, folder: Path) -> None:
        """Keep `folder` (what the folder chooser does; tests call it directly)."""
        self._keeper.configure(replace(self._keeper.setting, folder=str(folder)))
        self._show()

    def _on_choose_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Notes folder"), self._keeper.setting.folder
        )
        if chosen:
            self.choose_folder(Path(chosen))

    def _on_enabled_toggled(self, on: bool) -> None:
        if on and not self._keeper.setting.folder:
            self._on_choose_clicked()  # keeping up to date needs a folder
            if not self._keeper.setting.folder:
                self.enabled.setChecked(False)
                return
        self._keeper.configure(replace(self._keeper.setting, enabled=on))
        self._show()

    def _on_kind_current_index_changed(self, _index: int) -> None:
        kind = str(self.kind.currentData())
        self._keeper.configure(replace(self._keeper.setting, kind=kind))
        self._show()
