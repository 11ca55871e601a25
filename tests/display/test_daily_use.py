"""What a daily user met on a real display: widths, the sidebar, the keyboard, focus."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.shortcuts_sheet import ShortcutsSheet
from reader.gui.main_window import MainWindow
from reader.gui.views.sidebar import SidebarView
from reader.services.library import Library
from tests.display.test_keyboard_flows import press, shown_id, type_text
from tests.gui.conftest import html_article
from tests.gui.test_reading_pane import link_point

pytestmark = pytest.mark.display

LONG_SITE = "Apache HTTP Server Version 2.4 Documentation"


def elided_names(sidebar: SidebarView) -> list[str]:
    """The rows whose name the sidebar's own delegate cuts at the width it has now."""
    model, delegate, cut = sidebar.model(), sidebar.itemDelegate(), []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            option = QStyleOptionViewItem()
            option.initFrom(sidebar.viewport())
            option.rect = sidebar.visualRect(index)
            delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
            if option.text != index.data(Qt.ItemDataRole.DisplayRole):
                cut.append(option.text)
    return cut


def test_at_1920_px_the_sidebar_shows_whole_site_names(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    library.add_article(html_article("mod_speling", "<p>Spelling fixes.</p>", site=LONG_SITE))
    window.refresh.reload()
    sidebar = window.parts.sidebar
    # At the 1200 px the window opens with, the name is cut (so the check below can fail).
    qtbot.waitUntil(lambda: any(n.startswith(LONG_SITE[:8]) for n in elided_names(sidebar)))
    window.resize(1920, 1000)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.waitUntil(lambda: not elided_names(sidebar), timeout=5000)


@pytest.fixture
def active(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.activateWindow()
    qtbot.waitActive(window)
    return window


class Browser(QObject):
    """Stands in for the desktop's browser: Qt hands it the URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_o_opens_the_articles_web_page(
    qtbot: QtBot, active: MainWindow, library: Library, browser: Browser
) -> None:
    page = html_article("Tides", "<p>High water at noon.</p>", url="https://example.org/tides")
    result = library.add_article(page)
    assert result.article_id is not None
    active.open_article(result.article_id)
    active.parts.pane.setFocus()
    qtbot.waitUntil(active.parts.pane.hasFocus)
    press("o")
    qtbot.waitUntil(lambda: browser.opened == ["https://example.org/tides"], timeout=5000)


def test_space_at_the_end_of_an_article_reads_on_into_the_next_unread(
    qtbot: QtBot, active: MainWindow, filled: dict[str, int]
) -> None:
    view, pane = active.parts.article_list, active.parts.pane
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # The short article listed first (so an unread one follows it): it fits the pane.
    row_of = active.parts.article_model.row_of
    short = min((filled["harbour"], filled["kite"]), key=lambda i: row_of(i) or 0)
    view.go_to_row(row_of(short) or 0)
    qtbot.waitUntil(lambda: shown_id(active) == short)
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    bar = pane.verticalScrollBar()
    press("space")  # the short article fits: the first Space is already at its end
    qtbot.waitUntil(lambda: shown_id(active) not in (None, short), timeout=5000)
    opened = shown_id(active)
    assert opened is not None and row_of(opened) == (row_of(short) or 0) + 1
    assert bar.value() == 0 and pane.hasFocus()


def open_sheet(qtbot: QtBot) -> ShortcutsSheet:
    sheets: list[ShortcutsSheet] = []

    def shown() -> bool:
        sheets[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet)]
        return bool(sheets) and sheets[0].isVisible()

    qtbot.waitUntil(shown, timeout=15_000)  # a generous hang guard on a busy machine
    return sheets[0]


@pytest.mark.parametrize("key", ["question", "ctrl+slash"])
def test_question_mark_and_ctrl_slash_show_the_shortcuts_sheet(
    qtbot: QtBot, active: MainWindow, key: str
) -> None:
    view = active.parts.article_list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    press(key)
    sheet = open_sheet(qtbot)
    rows = {
        sheet.table.item(r, 0).text(): sheet.table.item(r, 1).text()
        for r in range(sheet.table.rowCount())
    }
    assert rows["Bookmark"] == "Ctrl+D" and rows["Next Article"] == "J"
    assert "1" in rows.values()  # the pane's highlight keys are listed too
    # The window manager activates the sheet a moment after it shows: Escape goes to it then.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    press("Escape")  # closes it (and it goes: one sheet at a time, none left behind)

    def gone() -> bool:
        # Deletion is deferred, and qtbot's waiting runs a nested event loop, which does not
        # run deletions posted from an outer one: they are run here.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return not any(isinstance(w, ShortcutsSheet) for w in QApplication.topLevelWidgets())

    qtbot.waitUntil(gone)


def test_tab_from_the_search_field_goes_into_the_results_and_keeps_the_search(
    qtbot: QtBot, active: MainWindow, filled: dict[str, int]
) -> None:
    press("ctrl+k")
    field, results = active.parts.search_field, active.parts.search_list
    qtbot.waitUntil(field.hasFocus)
    type_text("harbour")
    qtbot.waitUntil(lambda: active.searching and results.model().rowCount() == 1, timeout=5000)
    press("Tab")
    qtbot.waitUntil(results.hasFocus, timeout=5000)
    press("Down")
    assert active.searching and field.text() == "harbour"
    assert not active.parts.sidebar.hasFocus()


def ring_drawn(widget: QWidget) -> bool:
    """The widget's left edge, half way down, is in the highlight colour."""
    image = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    return image.pixelColor(0, image.height() // 2).name() == highlight.name()


def test_tab_and_escape_show_where_the_keyboard_is(
    qtbot: QtBot, active: MainWindow, filled: dict[str, int]
) -> None:
    p = active.parts
    p.article_list.setFocus()
    qtbot.waitUntil(p.article_list.hasFocus)
    qtbot.waitUntil(lambda: ring_drawn(p.article_list))
    assert not ring_drawn(p.sidebar) and not ring_drawn(p.pane)
    press("Return")  # into the pane
    qtbot.waitUntil(p.pane.hasFocus)
    qtbot.waitUntil(lambda: ring_drawn(p.pane) and not ring_drawn(p.article_list))
    press("Escape")  # back to the list
    qtbot.waitUntil(lambda: ring_drawn(p.article_list) and not ring_drawn(p.pane))
    press("shift+Tab")  # on to the sidebar
    qtbot.waitUntil(p.sidebar.hasFocus)
    qtbot.waitUntil(lambda: ring_drawn(p.sidebar) and not ring_drawn(p.pane))


def test_the_window_shrinks_to_480_px_and_the_list_still_shows_20_title_characters(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    title = "Why cities are planting forests on their rooftops, and what it means for summer heat"
    added = library.add_article(html_article(title, "<p>Green roofs.</p>", site="Green Desk"))
    assert added.article_id is not None
    window.refresh.reload()
    model, view = window.parts.article_model, window.parts.article_list
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    window.resize(480, 700)  # the window manager grants it only above the minimum width
    qtbot.waitUntil(lambda: window.width() == 480, timeout=5000)
    assert window.minimumSizeHint().width() <= 480
    splitter = window.parts.splitter
    for list_width in (240, 320, 480):
        window.resize(list_width + 420, 700)
        qtbot.waitUntil(lambda w=list_width: window.width() == w + 420, timeout=5000)
        sizes = splitter.sizes()
        splitter.setSizes([100, list_width, sum(sizes) - 100 - list_width])
        qtbot.waitUntil(lambda w=list_width: splitter.sizes()[1] == w)
        assert view.width() == list_width
        row = model.row_of(added.article_id)
        summary = model.summary_at(row) if row is not None else None
        assert row is not None and summary is not None
        row_width = view.visualRect(model.index(row, 0)).width()
        lines = view.row_delegate().row_text(summary, row_width).title_lines
        shown = "".join(line.removesuffix("…") for line in lines)
        assert shown.replace(" ", "").startswith(title[:20].replace(" ", "")), (list_width, lines)


def test_tab_in_the_list_goes_to_the_next_pane_not_the_next_cell(
    qtbot: QtBot, active: MainWindow
) -> None:
    view = active.parts.article_list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.go_to_row(0)
    qtbot.waitUntil(lambda: shown_id(active) is not None)
    opened = shown_id(active)
    press("Tab")
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert view.currentIndex().row() == 0 and shown_id(active) == opened
    model = active.parts.article_model
    listed = [model.article_id(row) for row in range(model.rowCount())]
    qtbot.wait(300)  # a mark-read of a walked cell would be on the edit lane by now
    summaries = active.library.summaries([i for i in listed if i is not None]).values()
    assert [s.id for s in summaries if s.read] in ([], [opened])  # never one per cell walked


def test_delete_in_the_highlights_list_deletes_the_highlight(
    qtbot: QtBot, active: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    harbour = filled["harbour"]
    library.annotations.highlight_quote(harbour, "smell of bread", note="Lovely")
    assert active.select_article(harbour)
    panel, toggle = active.annotations.panel, active.menu_actions.notes_panel
    assert toggle is not None
    if not toggle.isChecked():
        toggle.trigger()  # View → Notes Panel
    qtbot.waitUntil(lambda: panel.list.isVisible() and panel.list.count() == 1)
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    press("Delete")
    qtbot.waitUntil(lambda: library.annotations.highlights(harbour) == [], timeout=5000)
    assert library.summaries([harbour])[harbour].trashed is None  # not Move to Trash


def test_n_skips_read_articles(qtbot: QtBot, active: MainWindow) -> None:
    view, model = active.parts.article_list, active.parts.article_model
    middle = model.article_id(1)
    assert middle is not None
    active.library.mark_read([middle])
    model.refresh([middle])
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.go_to_row(0)
    qtbot.waitUntil(lambda: shown_id(active) == model.article_id(0))
    qtbot.waitUntil(lambda: not active.edit_lane.busy)
    press("n")
    qtbot.waitUntil(lambda: shown_id(active) == model.article_id(2), timeout=5000)


def test_compact_list_with_the_notes_panel_open_at_960_px_keeps_its_title_column(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.list_options.compact.trigger()
    toggle = window.menu_actions.notes_panel
    assert toggle is not None
    if not toggle.isChecked():
        toggle.trigger()
    window.resize(960, 700)
    qtbot.waitUntil(lambda: window.width() == 960, timeout=5000)
    view = window.parts.article_list
    qtbot.waitUntil(lambda: window.annotations.panel.isVisible())
    needed = QFontMetrics(view.font()).averageCharWidth() * 20

    def fits() -> bool:
        shown = sum(view.columnWidth(c) for c in range(4) if not view.isColumnHidden(c))
        # A readable title, and nothing falling off the right edge.
        return view.columnWidth(0) >= needed and shown <= view.viewport().width() + 1

    qtbot.waitUntil(fits, timeout=5000)


def test_down_in_the_search_field_goes_into_the_results(
    qtbot: QtBot, active: MainWindow, filled: dict[str, int]
) -> None:
    press("ctrl+k")
    field, results = active.parts.search_field, active.parts.search_list
    qtbot.waitUntil(field.hasFocus)
    type_text("harbour")
    press("Down")
    qtbot.waitUntil(results.hasFocus, timeout=5000)
    assert shown_id(active) == filled["harbour"]


def test_a_click_on_a_web_link_opens_it_without_a_question(
    qtbot: QtBot, active: MainWindow, library: Library, browser: Browser
) -> None:
    body = '<p>Read <a href="https://example.com/story">the full story</a> today.</p>'
    added = library.add_article(html_article("Linked", body))
    assert added.article_id is not None and active.open_article(added.article_id)
    pane = active.parts.pane
    # The page is laid out again once its text map is built and the window has settled.
    qtbot.waitUntil(lambda: pane.text_map is not None and active.settled, timeout=10_000)
    point = pane.viewport().mapToGlobal(link_point(pane, "full story"))
    subprocess.run(
        ["xdotool", "mousemove", "--sync", str(point.x()), str(point.y()), "click", "1"],
        check=True,
        timeout=20,
    )
    qtbot.waitUntil(lambda: browser.opened == ["https://example.com/story"], timeout=5000)
    assert QApplication.activeModalWidget() is None  # no confirmation asked


def test_ctrl_home_opens_and_selects_the_first_row(qtbot: QtBot, active: MainWindow) -> None:
    view, model = active.parts.article_list, active.parts.article_model
    assert active.select_article(model.article_id(2) or 0)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    press("ctrl+Home")
    first = model.article_id(0)
    qtbot.waitUntil(lambda: shown_id(active) == first, timeout=5000)
    assert view.selected_ids() == [first] and active.target_ids() == [first]
