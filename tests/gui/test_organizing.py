"""Tags, sections and saved searches in the window: the sidebar's groups and menus, the tag
editor, Save Search; every change made on the edit lane, undoable, and kept in the library."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QInputDialog, QLabel
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.models.sidebar import QUERY_ROLE, SEARCH, SECTION, TAG
from reader.services.library import Library
from tests.gui.settling import settled, undo
from tests.gui.test_sidebar import listed_ids, rows

TAGS, SEARCHES = 3, 4  # the sidebar's groups after Library, Sections and Sites


def answering(text: str) -> Callable[[QInputDialog], int]:
    """A dialog's exec() that types `text` and presses OK."""

    def answer(dialog: QInputDialog) -> int:
        dialog.setTextValue(text)
        return 1

    return answer


def test_tags_are_listed_with_counts_and_filter_the_list(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    library.annotations.set_tags(filled["kite"], ["festival", "to read"])
    library.annotations.highlight_quote(filled["harbour"], "smell of bread", tags=["festival"])
    window.reload()
    settled(window, qtbot)
    model = window.parts.sidebar_model
    assert model.index(TAGS, 0).data() == "Tags"
    assert rows(model, TAGS) == {"festival": 2, "to read": 1}
    assert window.parts.sidebar.choose(TAG, "festival")
    assert listed_ids(window) == {filled["kite"], filled["harbour"]}
    assert window.parts.sidebar.choose(TAG, "to read")
    assert listed_ids(window) == {filled["kite"]}


def test_the_tag_editor_completes_from_known_tags_and_saves_undoably(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    library.annotations.set_tags(filled["kite"], ["festival", "lanterns"])
    assert window.select_article(filled["harbour"])
    assert window.menu_actions.edit_tags in window.menuBar().actions()[4].menu().actions()
    window.menu_actions.edit_tags.trigger()
    editor = window.organizing.editor
    assert editor is not None and editor.isVisible()
    editor.field.setText("sea, LA")
    completer = editor.completer
    assert completer.splitPath(editor.field.text()) == ["LA"]
    completer.setCompletionPrefix("LA")
    assert completer.currentIndex().data() == "lanterns"
    assert completer.pathFromIndex(completer.currentIndex()) == "sea, lanterns, "
    editor.field.setText(completer.pathFromIndex(completer.currentIndex()))
    editor.field.textEdited.emit(editor.field.text())
    assert completer.model().stringList() == ["festival"]  # lanterns is typed already
    editor.accept()
    settled(window, qtbot)
    harbour = filled["harbour"]
    assert library.annotations.for_article(harbour).tags == ("lanterns", "sea")
    qtbot.waitUntil(lambda: rows(window.parts.sidebar_model, TAGS).get("lanterns") == 2)
    undo(window, qtbot)
    assert library.annotations.for_article(harbour).tags == ()


def test_deleting_a_section_keeps_its_articles_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    window.parts.sidebar.choose(SECTION, "World")
    window.parts.sidebar.delete_requested.emit("World")
    settled(window, qtbot)
    assert "World" not in dict(library.sections())
    assert library.count() == 3
    assert "World" not in rows(window.parts.sidebar_model, 1)
    assert len(listed_ids(window)) == 3  # the sidebar fell back to All Articles
    undo(window, qtbot)
    assert dict(library.sections())["World"] == 1
    assert rows(window.parts.sidebar_model, 1)["World"] == 1


def test_merging_a_section_moves_everything_and_is_undone(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[list[str]] = []

    def choose(dialog: QInputDialog) -> int:
        offered.append(dialog.comboBoxItems())
        dialog.setTextValue("Essays")
        return 1

    monkeypatch.setattr(QInputDialog, "exec", choose)
    window.parts.sidebar.merge_requested.emit("World")
    settled(window, qtbot)
    assert sorted(offered[0]) == ["Essays", "国际"]
    assert dict(library.sections()) == {"国际": 1, "Essays": 2}
    assert rows(window.parts.sidebar_model, 1) == {"Essays": 2, "国际": 1}
    undo(window, qtbot)
    assert dict(library.sections()) == {"国际": 1, "World": 1, "Essays": 1}


def test_a_saved_search_is_made_run_renamed_and_deleted(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    field, sidebar = window.parts.search_field, window.parts.sidebar
    save = window.menu_actions.save_search
    assert not save.isEnabled()  # nothing to save yet
    field.set_query("harbour")
    assert save.isEnabled() and save in field.actions()
    monkeypatch.setattr(QInputDialog, "exec", answering("Boats"))
    save.trigger()
    settled(window, qtbot)
    assert [(s.name, s.query) for s in library.organizing.saved_searches()] == [
        ("Boats", "harbour")
    ]
    model = window.parts.sidebar_model
    assert model.index(SEARCHES, 0).data() == "Saved Searches"
    assert list(rows(model, SEARCHES)) == ["Boats"]
    row = model.index_of(SEARCH, "Boats")
    assert row.data(QUERY_ROLE) == "harbour"
    field.clear_query()
    settled(window, qtbot)
    assert sidebar.choose(SEARCH, "Boats")  # clicking it runs it
    assert field.text() == "harbour"
    qtbot.waitUntil(lambda: window.searching and window.parts.search_model.rowCount() == 1)
    monkeypatch.setattr(QInputDialog, "exec", answering("Harbour boats"))
    sidebar.search_rename_requested.emit("Boats")
    settled(window, qtbot)
    assert list(rows(model, SEARCHES)) == ["Harbour boats"]
    sidebar.search_delete_requested.emit("Harbour boats")
    settled(window, qtbot)
    assert library.organizing.saved_searches() == []
    assert rows(model, SEARCHES) == {}
    undo(window, qtbot)  # the deletion
    assert [s.name for s in library.organizing.saved_searches()] == ["Harbour boats"]


def test_the_pane_header_links_to_the_tag_editor(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    assert window.select_article(filled["kite"])
    pane = window.parts.pane
    assert "李明 · Tags…" in pane.toPlainText()
    pane.anchorClicked.emit(QUrl("#reader-edit-tags"))
    editor = window.organizing.editor
    assert editor is not None and editor.isVisible()
    assert "湖畔小城举办国际风筝节" in editor.findChild(QLabel).text()
    editor.reject()
