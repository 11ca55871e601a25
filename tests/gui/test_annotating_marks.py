"""Colour meanings wherever a colour is chosen, fuzzy highlights marked and confirmed, and
moving from highlight to highlight in the pane."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from reader.core.annotation import AnchorStatus, Color
from reader.gui.main_window import MainWindow
from reader.gui.views.notes_panel import swatch_icon
from reader.services.library import Library
from tests.gui.settling import settled


def test_colour_meanings_name_the_menus_swatches_and_filter(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    library.annotations.highlight_quote(filled["harbour"], "smell of bread", color="blue")
    window.select_article(filled["harbour"])
    dialog = window.annotations.edit_color_meanings()
    qtbot.addWidget(dialog)
    dialog.fields[Color.BLUE].setText("  Question  ")
    dialog.accept()
    blue = window.menu_actions.highlight_colors[Color.BLUE]
    qtbot.waitUntil(lambda: blue.text() == "Blue — Question")
    assert library.annotations.color_meanings()[Color.BLUE] == "Question"
    assert blue.toolTip() == "Highlight in Blue — Question (3)"
    assert window.menu_actions.highlight_colors[Color.YELLOW].text() == "Yellow"
    panel = window.annotations.panel
    assert panel.colour_buttons.button(3).toolTip() == "Blue — Question"
    assert panel.list.item(0).toolTip() == "Blue — Question"
    all_annotations = window.annotations.show_all()
    combo = all_annotations.color
    assert combo.itemText(combo.findData("blue")) == "Blue — Question"
    all_annotations.close()


def test_a_new_window_shows_the_stored_meanings(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    library.annotations.set_color_meaning("yellow", "Key claim")
    window.annotations.show_color_meanings()
    assert window.menu_actions.highlight_colors[Color.YELLOW].text() == "Yellow — Key claim"


def test_a_disabled_swatch_is_faint_not_a_white_disc(window: MainWindow) -> None:
    window.set_theme("dark")
    for color in Color:
        image = swatch_icon(color.value).pixmap(QSize(14, 14), QIcon.Mode.Disabled).toImage()
        centre = image.pixelColor(7, 7)
        assert centre.alpha() < 100, (color, centre.name(), centre.alpha())
        normal = swatch_icon(color.value).pixmap(14).toImage().pixelColor(7, 7)
        assert abs(centre.hue() - normal.hue()) <= 3  # the same colour, only fainter


def test_a_fuzzy_highlight_is_marked_and_confirmed_undoably(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    made = library.annotations.highlight_quote(harbour, "smell of bread")
    with library.db.transaction() as conn:  # as re-anchoring after a new version leaves it
        conn.execute("UPDATE highlights SET status = 'fuzzy' WHERE id = ?", (made.id,))
    window.select_article(harbour)
    panel, pane = window.annotations.panel, window.parts.pane
    assert panel.list.item(0).text().startswith("≈ Found approximately")
    assert [m.fuzzy for m in pane.marks] == [True]
    panel.choose(made.id)
    window.annotations.commands.choose(made.id)
    assert not panel.confirm_button.isHidden()
    assert window.menu_actions.confirm_highlight.isEnabled()
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        panel.confirm_button.click()
    assert library.annotations.highlights(harbour)[0].status is AnchorStatus.ANCHORED
    assert [m.fuzzy for m in pane.marks] == [False]
    assert not panel.list.item(0).text().startswith("≈")
    assert panel.confirm_button.isHidden()
    window.history.undo.trigger()
    settled(window, qtbot)
    assert library.annotations.highlights(harbour)[0].status is AnchorStatus.FUZZY
    qtbot.waitUntil(lambda: panel.list.item(0).text().startswith("≈"))


def test_reattach_is_undone_to_the_old_anchor(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    from tests.gui.test_annotations import select

    harbour = filled["harbour"]
    made = library.annotations.highlight_quote(harbour, "smell of bread")
    with library.db.transaction() as conn:
        conn.execute("UPDATE highlights SET status = 'orphaned' WHERE id = ?", (made.id,))
    window.select_article(harbour)
    window.annotations.commands.choose(made.id)
    select(window, "painted warehouses")
    with qtbot.waitSignal(window.annotations.commands.saved, timeout=5000):
        window.annotations.panel.reattach_button.click()
    assert library.annotations.highlights(harbour)[0].quote.exact == "painted warehouses"
    window.history.undo.trigger()
    settled(window, qtbot)
    [back] = library.annotations.highlights(harbour)
    assert (back.quote.exact, back.status) == ("smell of bread", AnchorStatus.ORPHANED)


def test_next_and_previous_highlight_step_through_the_text_and_wrap(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    late = library.annotations.highlight_quote(harbour, "smell of bread")
    early = library.annotations.highlight_quote(harbour, "fishing boats")
    window.select_article(harbour)
    a, panel = window.menu_actions, window.annotations.panel
    assert a.next_highlight.isEnabled()
    chosen = []
    for action in (a.next_highlight, a.next_highlight, a.next_highlight, a.previous_highlight):
        action.trigger()
        chosen.append(panel.chosen)
    assert chosen == [early.id, late.id, early.id, late.id]
    assert window.parts.pane.marks  # drawn, and the chosen one revealed in the pane
    assert [k.toString() for k in a.next_highlight.shortcuts()] == ["]"]
    assert [k.toString() for k in a.previous_highlight.shortcuts()] == ["["]


def test_delete_removes_every_selected_highlight_and_one_undo_restores_them(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    for quote in ("fishing boats", "quay is quiet", "smell of bread"):
        library.annotations.highlight_quote(harbour, quote)
    window.select_article(harbour)
    panel = window.annotations.panel
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    panel.list.item(0).setSelected(True)
    panel.list.item(2).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    settled(window, qtbot)
    left = library.annotations.highlights(harbour)
    assert [h.quote.exact for h in left] == ["quay is quiet"]
    assert library.count() == 3  # not the window's Delete (Move to Trash)
    assert panel.list.count() == 1
    window.history.undo.trigger()
    settled(window, qtbot)
    back = library.annotations.highlights(harbour)
    assert [h.quote.exact for h in back] == ["fishing boats", "quay is quiet", "smell of bread"]
    qtbot.waitUntil(lambda: panel.list.count() == 3)
