"""Groups in the window: others' highlights show their author and cannot be edited; All
Annotations filters by author."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.all_annotations import AllAnnotationsDialog
from reader.gui.views.notes_panel import NotesPanel
from reader.paths import DataPaths
from reader.services.library import Library
from tests.unit.test_sync_groups import group as group  # the fixture, shared


@pytest.fixture
def bob(group: tuple[Library, Library]) -> Iterator[Library]:
    yield group[1]


def test_the_notes_panel_shows_others_annotations_read_only(qtbot: QtBot, bob: Library) -> None:
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.is_mine = bob.annotations.is_mine
    article = bob.list_articles()[0].id
    panel.show_annotations(bob.annotations.for_article(article))
    by_note = {h.note: h for h in bob.annotations.highlights(article)}
    texts = {panel.list.item(r).text().split("\n")[1]: panel.list.item(r) for r in range(2)}
    assert "By alice (read-only)" in texts["alice's highlight"].text()
    assert "By" not in texts["bob's highlight"].text()
    panel.choose(by_note["alice's highlight"].id)
    assert not panel.editor.isEnabled() and not panel.delete_button.isEnabled()
    panel.choose(by_note["bob's highlight"].id)
    assert panel.editor.isEnabled() and panel.delete_button.isEnabled()
    assert panel.article_note.isReadOnly()  # alice wrote the article's note


def test_all_annotations_filters_by_author(qtbot: QtBot, bob: Library) -> None:
    dialog = AllAnnotationsDialog(bob)
    qtbot.addWidget(dialog)
    assert [dialog.author.itemText(i) for i in range(dialog.author.count())][1:] == [
        "alice",
        "bob",
    ]
    assert dialog.model.rowCount() == 2
    dialog.author.setCurrentIndex(dialog.author.findData("alice"))
    assert dialog.model.rowCount() == 1
    assert dialog.model.highlight(0).note == "alice's highlight"


def test_without_a_group_the_author_filter_is_no_choice(qtbot: QtBot, tmp_path: Path) -> None:
    lib = Library(DataPaths(tmp_path / "alone"))
    try:
        dialog = AllAnnotationsDialog(lib)
        qtbot.addWidget(dialog)
        assert not dialog.author.isEnabled()
    finally:
        lib.close()
