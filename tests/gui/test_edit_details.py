"""Article → Edit Details…: the dialog, the write on the edit lane, the refresh, and undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.edit_details import EditDetailsDialog
from reader.gui.main_window import MainWindow
from reader.services.library import Library
from tests.gui.settling import settled


def with_dialog(qtbot: QtBot, act: Callable[[EditDetailsDialog], None]) -> list[str]:
    """Run `act` on the Edit Details dialog once it is open; returns what it saw."""
    seen: list[str] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EditDetailsDialog):
            QTimer.singleShot(20, handle)
            return
        seen.append(dialog.windowTitle())
        try:
            act(dialog)
        finally:  # a failed check must not leave the modal dialog waiting forever
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, handle)
    return seen


def title_in_list(window: MainWindow, article_id: int) -> str:
    model = window.parts.article_model
    row = model.row_of(article_id)
    assert row is not None
    return str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole))


def test_change_the_title_then_undo(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    old = library.get_article(harbour).summary.title
    assert window.select_article(harbour)
    settled(window, qtbot)

    def retitle(dialog: EditDetailsDialog) -> None:
        assert dialog.fields["title"].text() == old
        dialog.fields["title"].setText("Quiet quay at seven")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    seen = with_dialog(qtbot, retitle)
    window.menu_actions.edit_details.trigger()
    assert seen == ["Edit Details"]
    qtbot.waitUntil(lambda: library.details(harbour).values["title"] == "Quiet quay at seven")
    settled(window, qtbot)
    assert library.details(harbour).edited == {"title"}
    qtbot.waitUntil(lambda: title_in_list(window, harbour) == "Quiet quay at seven")
    assert window.windowTitle() == "Quiet quay at seven"
    assert window.parts.pane.toPlainText().startswith("Quiet quay at seven")
    assert window.current.article_id == harbour

    window.history.undo.trigger()
    qtbot.waitUntil(lambda: library.details(harbour).values["title"] == old)
    settled(window, qtbot)
    assert library.details(harbour).edited == frozenset()
    qtbot.waitUntil(lambda: title_in_list(window, harbour) == old)
    assert window.windowTitle() == old
    assert window.parts.pane.toPlainText().startswith(old)


def test_a_bad_date_is_refused_inline_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    kite = filled["kite"]
    before = library.details(kite)
    assert window.select_article(kite)
    settled(window, qtbot)
    seen: list[object] = []

    def bad_date(dialog: EditDetailsDialog) -> None:
        dialog.fields["published"].setText("2024-02-31")
        dialog.accept()  # refused: the dialog stays open and says why
        seen.extend([dialog.isVisible(), dialog.message.isVisible(), dialog.message.text()])
        seen.append(dialog.focusWidget() is dialog.fields["published"])
        dialog.reject()

    with_dialog(qtbot, bad_date)
    window.menu_actions.edit_details.trigger()
    assert seen[:2] == [True, True] and seen[3] is True
    assert "YYYY-MM-DD" in str(seen[2])
    settled(window, qtbot)
    assert library.details(kite) == before
    assert window.history.stack.count() == 0


def test_the_section_choices_are_the_librarys_sections(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    dialog = EditDetailsDialog(library.details(filled["kite"]), ["World", "国际"])
    qtbot.addWidget(dialog)
    assert [dialog.section.itemText(i) for i in range(dialog.section.count())] == [
        "",
        "World",
        "国际",
    ]
    dialog.section.setCurrentText("World")
    dialog.fields["author"].setText("")
    assert dialog.changes()["section"] == "World"
    assert dialog.problem() is None
