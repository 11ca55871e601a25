"""Preferences → Notes folder: an Obsidian vault (or Logseq graph) kept current after every
change, per library, quietly; a missing folder is one status line, never a dialog or a loop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.notes_folder import NotesFolderPanel
from reader.gui.main_window import MainWindow
from reader.gui.vault_keeper import VaultKeeper
from reader.paths import DataPaths
from reader.services.library import Library

# The feed polls every 1.5 s; the debounce is shortened here (2 s in use).
WITHIN_MS = 15_000
pytestmark = pytest.mark.slow


def keep(window: MainWindow, folder: Path, kind: str = "obsidian") -> NotesFolderPanel:
    """What the reader does in Preferences: choose the folder and the kind, tick the box."""
    window.vault.debounce.setInterval(300)
    panel = NotesFolderPanel(window.vault)
    panel.choose_folder(folder)
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    panel.enabled.setChecked(True)
    return panel


def notes(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if ".reader" not in p.parts)


def settled(keeper: VaultKeeper) -> bool:
    return not keeper.busy


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    (folder / ".obsidian").mkdir(parents=True)
    return folder


def test_a_new_highlight_reaches_the_vault(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], vault: Path
) -> None:
    keep(window, vault)
    assert window.vault.setting.active
    library.annotations.highlight_quote(filled["harbour"], "smell of bread", note="Warm")
    qtbot.waitUntil(lambda: len(notes(vault)) == 1, timeout=WITHIN_MS)
    text = notes(vault)[0].read_text(encoding="utf-8")
    assert "smell of bread" in text and "Warm" in text
    assert "reader-id:" in text
    qtbot.waitUntil(lambda: "Obsidian vault updated: 1 note" in _message(window), timeout=5000)


def test_the_readers_own_text_survives_the_next_export(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], vault: Path
) -> None:
    keep(window, vault)
    harbour = filled["harbour"]
    library.annotations.highlight_quote(harbour, "smell of bread")
    qtbot.waitUntil(lambda: len(notes(vault)) == 1, timeout=WITHIN_MS)
    note = notes(vault)[0]
    mine = "\n## My thoughts\n\nCompare with [[Harbour towns]].\n"
    note.write_text(note.read_text(encoding="utf-8") + mine, encoding="utf-8")
    library.annotations.highlight_quote(harbour, "painted warehouses", note="Colour!")
    qtbot.waitUntil(lambda: "painted warehouses" in note.read_text("utf-8"), timeout=WITHIN_MS)
    text = note.read_text(encoding="utf-8")
    assert text.endswith(mine) and "smell of bread" in text and "Colour!" in text
    assert notes(vault) == [note]


def test_a_note_deleted_in_the_vault_stays_deleted(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], vault: Path
) -> None:
    keep(window, vault)
    library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    qtbot.waitUntil(lambda: len(notes(vault)) == 1, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: settled(window.vault))
    notes(vault)[0].unlink()
    with qtbot.waitSignal(window.vault.exported, timeout=WITHIN_MS) as done:
        library.annotations.highlight_quote(filled["harbour"], "painted warehouses")
    assert done.args[0].deleted_by_user and notes(vault) == []


def test_a_missing_folder_is_one_status_line_and_no_dialog(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], tmp_path: Path
) -> None:
    gone = tmp_path / "unplugged-drive" / "vault"
    seen: list[str] = []
    window.statusBar().messageChanged.connect(seen.append)
    with qtbot.waitSignal(window.vault.failed, timeout=WITHIN_MS):
        keep(window, gone)  # turning it on exports at once, and fails
    qtbot.waitUntil(lambda: settled(window.vault))  # failed, and nothing scheduled again
    failures = [m for m in seen if "Obsidian vault not updated" in m]
    assert len(failures) == 1 and str(gone) in failures[0] and "\n" not in failures[0]
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    assert not [d for d in dialogs if d.isVisible()]
    # The folder comes back: the next change brings every note that waited.
    gone.mkdir(parents=True)
    library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    qtbot.waitUntil(lambda: len(notes(gone)) == 1, timeout=WITHIN_MS)


def test_an_unwritable_vault_is_a_clear_line_not_an_internal_error(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], vault: Path
) -> None:
    (vault / ".reader").write_text("in the way", encoding="utf-8")  # where Reader keeps state
    library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    with qtbot.waitSignal(window.vault.failed, timeout=WITHIN_MS) as failed:
        keep(window, vault)
    assert failed.args[0].startswith("cannot write to the Obsidian vault")
    assert "internal error" not in _message(window)


def test_the_logseq_kind_writes_pages(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], tmp_path: Path
) -> None:
    graph = tmp_path / "graph"
    (graph / "pages").mkdir(parents=True)
    keep(window, graph, "logseq")
    library.annotations.highlight_quote(filled["kite"], "夜间项目", note="夜里")
    qtbot.waitUntil(lambda: len(notes(graph)) == 1, timeout=WITHIN_MS)
    page = notes(graph)[0]
    assert page.parent == graph / "pages"
    text = page.read_text(encoding="utf-8")
    assert "夜间项目" in text and "id:: " in text
    # The file is written before the lane reports back: wait for the report.
    qtbot.waitUntil(lambda: "Logseq graph updated: 1 note" in _message(window), timeout=5000)


def test_the_setting_belongs_to_its_library(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    settings: QSettings,
    vault: Path,
    tmp_path: Path,
) -> None:
    keep(window, vault)
    with Library(DataPaths(tmp_path / "other-library")) as other:
        second = MainWindow(other, settings, theme_override="light")
        qtbot.addWidget(second)
        try:
            assert not second.vault.setting.enabled and second.vault.setting.folder == ""
        finally:
            second.close()
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    try:
        assert again.vault.setting.active and again.vault.setting.folder == str(vault)
    finally:
        again.close()


def test_file_export_to_obsidian_vault_once(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    library.annotations.highlight_quote(filled["kite"], "夜间项目")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(vault))
    with qtbot.waitSignal(window.vault.exported, timeout=WITHIN_MS) as done:
        window.menu_actions.export_obsidian.trigger()
    assert len(done.args[0].created) == 2 and len(notes(vault)) == 2
    assert "2 notes written" in _message(window)
    assert not window.vault.setting.enabled  # a one-off: nothing kept up to date


def _message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_file_export_asks_before_bringing_back_a_note_deleted_in_the_vault(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(vault))
    with qtbot.waitSignal(window.vault.exported, timeout=WITHIN_MS):
        window.menu_actions.export_obsidian.trigger()
    [note] = notes(vault)
    note.unlink()
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    with qtbot.waitSignal(window.vault.exported, timeout=WITHIN_MS) as done:
        window.menu_actions.export_obsidian.trigger()
    assert done.args[0].deleted_by_user and notes(vault) == []  # "no": left deleted
    assert asked == ["Deleted in the Obsidian vault and left deleted: 1 note. Write again?"]
    answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignals([window.vault.exported] * 2, timeout=WITHIN_MS):
        window.menu_actions.export_obsidian.trigger()
    assert notes(vault) == [note] and "smell of bread" in note.read_text(encoding="utf-8")
    assert len(asked) == 2
