"""Highlights and notes in the window: made from a selection, drawn, edited, listed, exported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.annotation import AnchorStatus, Color, Utf16Offsets
from reader.errors import ReaderError
from reader.gui.dialogs.export_annotations import ExportChoice
from reader.gui.main_window import MainWindow
from reader.gui.style import THEMES, highlight_colour
from reader.gui.views.notes_panel import ID_ROLE
from reader.paths import DataPaths
from reader.services.library import Library
from tests.gui.conftest import html_article

EMOJI_HTML = "<p>😀😀 Start 𠀋 with emoji 🎉.</p><p>The target sentence sits here.</p>"


def select(window: MainWindow, words: str) -> None:
    """Select words in the pane as a mouse would, in Qt's UTF-16 positions."""
    pane = window.parts.pane
    text = pane.toPlainText()
    units = Utf16Offsets(text)
    start = text.index(words)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(units.to_utf16(start))
    cursor.setPosition(units.to_utf16(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def highlight_via_gui(qtbot: QtBot, window: MainWindow, words: str, color: Color) -> None:
    select(window, words)
    action = window.menu_actions.highlight_colors[color]
    assert action.isEnabled()
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        action.trigger()


def test_a_highlight_made_in_the_pane_survives_a_restart(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int], data_dir: Path
) -> None:
    window.select_article(filled["harbour"])
    highlight_via_gui(qtbot, window, "painted warehouses", Color.GREEN)
    with Library(DataPaths(data_dir)) as again:
        [found] = again.annotations.highlights(filled["harbour"])
    assert (found.quote.exact, found.color) == ("painted warehouses", Color.GREEN)
    assert window.annotations.panel.list.count() == 1
    assert [m.highlight_id for m in window.parts.pane.marks] == [found.id]


def test_emoji_before_the_selection_do_not_shift_it(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    added = library.add_article(html_article("Emoji first", EMOJI_HTML))
    assert added.article_id is not None
    window.open_article(added.article_id)
    highlight_via_gui(qtbot, window, "target sentence", Color.BLUE)
    [found] = library.annotations.highlights(added.article_id)
    assert found.quote.exact == "target sentence"
    [mark] = window.parts.pane.marks
    assert mark.cursor.selectedText() == "target sentence"


@pytest.mark.parametrize("theme", ["light", "sepia", "dark"])
def test_highlights_are_drawn_in_every_theme(
    window: MainWindow, library: Library, filled: dict[str, int], theme: str
) -> None:
    library.annotations.highlight_quote(filled["kite"], "夜间项目", color=Color.PINK)
    window.select_article(filled["kite"])
    window.set_theme(theme)
    drawn = [
        s for s in window.parts.pane.extraSelections() if s.cursor.selectedText() == "夜间项目"
    ]
    assert len(drawn) == 1
    background = drawn[0].format.background().color()
    assert background == highlight_colour(THEMES[theme], "pink")
    assert 0 < background.alpha() < 255  # translucent: the text keeps its theme colour
    page = QColor(THEMES[theme].background)
    assert background.rgb() != page.rgb()


def test_clicking_a_highlight_in_the_panel_scrolls_the_pane(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    late = library.annotations.highlight_quote(filled["essay"], "Paragraph 110: the river")
    window.select_article(filled["essay"])
    pane = window.parts.pane
    pane.verticalScrollBar().setValue(0)
    panel = window.annotations.panel
    item = panel.list.item(0)
    assert item.data(ID_ROLE) == late.id
    panel.list.setCurrentItem(item)
    qtbot.waitUntil(lambda: pane.verticalScrollBar().value() > 0)  # once the text is mapped
    [mark] = pane.marks
    assert pane.viewport().rect().contains(pane.cursorRect(mark.cursor).center())


def test_clicking_a_highlight_in_the_pane_chooses_it(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    made = library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    window.select_article(filled["harbour"])
    pane = window.parts.pane
    [mark] = pane.marks
    inside = QTextCursor(mark.cursor)
    inside.setPosition(mark.cursor.selectionStart() + 2)
    centre = pane.cursorRect(inside).center()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.annotations.panel.chosen == made.id


def test_editing_a_note_saves_it(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    made = library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    window.select_article(filled["harbour"])
    panel = window.annotations.panel
    panel.choose(made.id)
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        panel.note.setPlainText("Bakeries open **early**.")  # saved after a pause in typing
    assert library.annotations.highlights(filled["harbour"])[0].note == "Bakeries open **early**."
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        panel.article_note.setPlainText("A calm piece.")
    note = library.annotations.for_article(filled["harbour"]).note
    assert note is not None and note.text == "A calm piece."


@pytest.mark.logs
def test_a_failed_save_keeps_the_typed_text(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    filled: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    window.select_article(filled["harbour"])

    def refuse(*args: object, **kwargs: object) -> None:
        raise ReaderError("the disk is full")

    monkeypatch.setattr(library.annotations, "update_highlight", refuse)
    panel = window.annotations.panel
    panel.choose(made.id)
    with qtbot.waitSignal(window.annotations.commands.save_failed, timeout=5000):
        panel.note.setPlainText("Precious thought")
        panel.flush()
    assert panel.note.toPlainText() == "Precious thought"
    assert "the disk is full" in panel.status.text()
    assert library.annotations.highlights(filled["harbour"])[0].note == ""


def test_an_orphan_is_listed_and_can_be_reattached(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    made = library.annotations.highlight_quote(filled["harbour"], "smell of bread")
    with library.db.transaction() as conn:
        conn.execute("UPDATE highlights SET status = 'orphaned' WHERE id = ?", (made.id,))
    window.select_article(filled["harbour"])
    panel, pane = window.annotations.panel, window.parts.pane
    assert panel.list.item(0).text().startswith("⚠")
    assert pane.marks == []
    panel.choose(made.id)
    assert not panel.reattach_button.isHidden()
    select(window, "painted warehouses")
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        panel.reattach_button.click()
    [again] = library.annotations.highlights(filled["harbour"])
    assert (again.status, again.quote.exact) == (AnchorStatus.ANCHORED, "painted warehouses")
    assert [m.cursor.selectedText() for m in pane.marks] == ["painted warehouses"]


def test_all_annotations_filters_by_colour_and_opens_the_place(
    window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    library.annotations.highlight_quote(filled["harbour"], "smell of bread", color="yellow")
    green = library.annotations.highlight_quote(filled["kite"], "夜间项目", color="green")
    dialog = window.annotations.show_all()
    assert dialog.model.rowCount() == 2
    dialog.color.setCurrentIndex(dialog.color.findData("green"))
    assert dialog.model.rowCount() == 1
    assert dialog.model.highlight(0).id == green.id
    dialog.table.activated.emit(dialog.model.index(0, 2))
    assert window.parts.pane.article is not None
    assert window.parts.pane.article.id == filled["kite"]
    assert window.annotations.panel.chosen == green.id
    dialog.close()


def test_export_writes_the_quote(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], tmp_path: Path
) -> None:
    library.annotations.highlight_quote(filled["harbour"], "smell of bread", note="Lovely")
    exchange = window.annotations.exchange
    target = tmp_path / "out.md"
    with qtbot.waitSignal(exchange.exported, timeout=5000):
        exchange.export(ExportChoice("markdown", "library"), target, None, None)
    written = target.read_text(encoding="utf-8")
    assert "smell of bread" in written and "Lovely" in written


def test_bookmark_shortcut_and_the_annotated_view(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    window.select_article(filled["harbour"])
    with qtbot.waitSignal(window.commands.articles_changed, timeout=5000):
        window.menu_actions.bookmark.trigger()
    assert library.summaries([filled["harbour"]])[filled["harbour"]].bookmarked
    library.annotations.highlight_quote(filled["kite"], "夜间项目")
    window.refresh_counts()
    assert window.parts.sidebar.choose("view", "annotated")
    assert window.parts.article_model.rowCount() == 1


def test_a_removed_annotated_article_waits_in_the_trash_with_its_notes(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    library.annotations.highlight_quote(harbour, "smell of bread", note="Lovely")
    assert window.select_article(harbour)
    window.menu_actions.remove.trigger()  # no question: the Trash keeps it, and undo works
    qtbot.waitUntil(lambda: library.count() == 2)
    assert window.parts.sidebar.choose("view", "trash")
    assert window.select_article(harbour)
    assert window.menu_actions.restore.isEnabled()
    assert not window.menu_actions.remove.isEnabled()
    window.menu_actions.restore.trigger()
    qtbot.waitUntil(lambda: library.count() == 3)
    assert [h.note for h in library.annotations.highlights(harbour)] == ["Lovely"]


def test_digit_keys_highlight_while_the_pane_has_focus(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    window.select_article(filled["harbour"])
    window.activateWindow()
    select(window, "smell of bread")
    pane = window.parts.pane
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        qtbot.keyClick(pane, Qt.Key.Key_2)
    [made] = library.annotations.highlights(filled["harbour"])
    assert (made.quote.exact, made.color) == ("smell of bread", Color.GREEN)
    # The same key typed into the search field is just text.
    field = window.parts.search_field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_3)
    assert "3" in field.text()
    assert len(library.annotations.highlights(filled["harbour"])) == 1


def test_toolbar_swatch_highlights_the_selection(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int], library: Library
) -> None:
    window.select_article(filled["harbour"])
    select(window, "painted warehouses")
    action = window.menu_actions.highlight_colors[Color.PINK]
    button = window.parts.toolbar.widgetForAction(action)
    assert button is not None and button.focusPolicy() == Qt.FocusPolicy.NoFocus
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [found] = library.annotations.highlights(filled["harbour"])
    assert (found.quote.exact, found.color) == ("painted warehouses", Color.PINK)


def test_colour_meanings_dialog_saves(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    dialog = window.annotations.edit_color_meanings()
    qtbot.addWidget(dialog)
    dialog.fields[Color.BLUE].setText("  question  ")
    dialog.accept()  # saved on the edit lane
    qtbot.waitUntil(lambda: window.settled)
    meanings = library.annotations.color_meanings()
    assert meanings[Color.BLUE] == "question"
    assert meanings[Color.YELLOW] is None


def test_import_annotations_accepts_other_tools_files(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    from reader.storage.foreign import ForeignImportReport
    from tests.interop_library import FIXTURES

    exchange = window.annotations.exchange
    with qtbot.waitSignal(exchange.imported, timeout=10000) as signal:
        exchange.import_file(FIXTURES / "koreader.json")
    report = signal.args[0]
    assert isinstance(report, ForeignImportReport) and report.format == "koreader"
    assert sum(r.in_books for r in report.sources.values()) == 3
    assert any(a.title == "Harbour Songs" for a in library.list_articles())


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("hypothesis.json", "Hypothesis"),
        ("hypothesis-api.json", "Hypothesis"),
        ("readwise.csv", "Readwise"),
        ("My Clippings.txt", "Kindle"),
        ("koreader.json", "KOReader"),
        ("obsidian-clipper.json", "Obsidian Web Clipper"),
        ("zotero.json", "Zotero"),
    ],
)
def test_import_annotations_detects_each_format_and_reports_per_source(
    qtbot: QtBot, window: MainWindow, library: Library, name: str, label: str
) -> None:
    from tests.interop_library import FIXTURES

    exchange = window.annotations.exchange
    with qtbot.waitSignal(exchange.imported, timeout=10000) as signal:
        exchange.import_file(FIXTURES / name)  # no format given: told from the content
    [(source, counts)] = signal.args[0].sources.items()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{label}: {counts.exact} matched exactly, {counts.fuzzy} fuzzy, ")
    assert f"{counts.orphaned} orphaned" in message
    total = counts.exact + counts.fuzzy + counts.orphaned + counts.in_books
    assert total > 0
    with qtbot.waitSignal(exchange.imported, timeout=10000) as again:
        exchange.import_file(FIXTURES / name)
    assert again.args[0].sources[source].already_present == total  # adds nothing


def test_a_malformed_annotation_file_is_one_line_and_imports_nothing(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    bad = tmp_path / "My Clippings.txt"
    bad.write_text("Title (A)\nno metadata line\n==========\n", encoding="utf-8")
    before = library.count()
    exchange = window.annotations.exchange
    with qtbot.waitSignal(exchange.failed, timeout=10000):
        exchange.import_file(bad)
    [message] = warned
    assert "entry 1" in message and "\n" not in message
    assert library.count() == before
    assert all(not library.annotations.highlights(a.id) for a in library.list_articles())


class _Shouting(QTranslator):
    """A catalogue for the annotation exchange's strings only: they come out in capitals (the
    {placeholders} left as they are)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context != "AnnotationExchange":
            return None
        return re.sub(r"[^{}]+(?=\{|$)", lambda m: m.group().upper(), source)


def test_the_import_report_is_in_the_interface_language(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    from tests.interop_library import FIXTURES

    shouting = _Shouting()
    QCoreApplication.installTranslator(shouting)
    try:
        with qtbot.waitSignal(window.annotations.exchange.imported, timeout=10000):
            window.annotations.exchange.import_file(FIXTURES / "koreader.json")
    finally:
        QCoreApplication.removeTranslator(shouting)
    message = window.statusBar().currentMessage()
    assert message.startswith("KOReader: 0 MATCHED EXACTLY, 0 FUZZY, 0 ORPHANED"), message
    assert "NEW BOOK ENTRIES MADE OF THEIR QUOTES: 3" in message
