"""The sidebar: smart views, sections and sites with counts; choosing one filters the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.models.articles import ARTICLE_IDS_MIME
from reader.gui.models.sidebar import (
    COUNT_ROLE,
    KEY_ROLE,
    SECTION,
    SITE,
    VIEW,
    LibraryCounts,
    SidebarModel,
    count_text,
)
from reader.services.library import Library
from tests.gui.conftest import html_article


def rows(model: SidebarModel, group: int) -> dict[str, int]:
    header = model.index(group, 0)
    found = {}
    for row in range(model.rowCount(header)):
        index = model.index(row, 0, header)
        found[index.data(KEY_ROLE)] = index.data(COUNT_ROLE)
    return found


def listed_ids(window: MainWindow) -> set[int]:
    model = window.parts.article_model
    return {model.article_id(row) for row in range(model.rowCount())}  # type: ignore[misc]


def test_counts_of_views_sections_and_sites(window: MainWindow, library: Library) -> None:
    model = window.parts.sidebar_model
    views = {"all": 3, "unread": 3, "bookmarked": 0, "recent": 0, "trash": 0}
    if "annotated" in library.view_counts():  # the view appears once annotations exist
        views["annotated"] = 0
    assert rows(model, 0) == views
    assert rows(model, 1) == {"国际": 1, "World": 1, "Essays": 1}
    assert rows(model, 2) == {"The Meridian Review": 2, "华文天下": 1}
    assert "3 articles" in window.parts.counts_label.text()


def test_choosing_a_section_filters_the_list(window: MainWindow, filled: dict[str, int]) -> None:
    assert listed_ids(window) == set(filled.values())
    assert window.parts.sidebar.choose(SECTION, "国际")
    assert listed_ids(window) == {filled["kite"]}
    assert window.parts.sidebar.choose(SITE, "The Meridian Review")
    assert listed_ids(window) == {filled["harbour"], filled["essay"]}


def test_the_keyboard_and_clicks_pass_over_the_group_headings(
    window: MainWindow, qtbot: QtBot, filled: dict[str, int]
) -> None:
    sidebar, model = window.parts.sidebar, window.parts.sidebar_model
    sidebar.setFocus()
    qtbot.waitUntil(sidebar.hasFocus)
    assert sidebar.choose(VIEW, "trash")  # the last view, above the SECTIONS heading
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    first_section = model.index(0, 0, model.index(1, 0))
    assert sidebar.currentIndex() == first_section
    assert sidebar.chosen[0] == SECTION and len(listed_ids(window)) == 1  # one article each
    qtbot.keyClick(sidebar, Qt.Key.Key_Up)
    assert sidebar.chosen == (VIEW, "trash")
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right):  # found in review: Left chose a section
        qtbot.keyClick(sidebar, key)
        assert sidebar.chosen == (VIEW, "trash")
    qtbot.keyClick(sidebar, Qt.Key.Key_Home)
    assert sidebar.chosen == (VIEW, "all") and listed_ids(window) == set(filled.values())
    qtbot.keyClick(sidebar, Qt.Key.Key_End)
    assert sidebar.currentIndex().flags() & Qt.ItemFlag.ItemIsSelectable
    assert sidebar.chosen[0] in (SITE, SECTION)
    chosen = sidebar.chosen
    heading = sidebar.visualRect(model.index(2, 0))  # SITES
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=heading.center())
    assert sidebar.chosen == chosen
    assert sidebar.currentIndex().flags() & Qt.ItemFlag.ItemIsSelectable
    assert listed_ids(window)


def test_every_smart_view_filters(window: MainWindow, library: Library) -> None:
    for key in library.view_counts():
        assert window.parts.sidebar.choose(VIEW, key), key
        assert window.parts.article_model.rowCount() == library.view_counts()[key]


def test_unread_view_and_counts_follow_reading(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    window.parts.sidebar.choose(VIEW, "unread")
    assert window.select_article(filled["kite"])
    model = window.parts.sidebar_model
    qtbot.waitUntil(lambda: rows(model, 0)["unread"] == 2)
    assert rows(model, 0)["recent"] == 1
    # Read rows stay while the reader goes down the list, and leave when the view is chosen.
    assert filled["kite"] in listed_ids(window)
    window.parts.sidebar.choose(VIEW, "recent")
    window.parts.sidebar.choose(VIEW, "unread")
    assert filled["kite"] not in listed_ids(window)


def test_dropping_articles_on_a_section_moves_them(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    model = window.parts.sidebar_model
    target = model.index_of(SECTION, "World")
    mime = QMimeData()
    mime.setData(ARTICLE_IDS_MIME, f"[{filled['kite']}]".encode())
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: rows(model, 1) == {"World": 2, "Essays": 1})
    assert library.get_article(filled["kite"]).summary.section == "World"


def test_list_drag_carries_the_selected_ids(window: MainWindow, filled: dict[str, int]) -> None:
    model = window.parts.article_model
    row = model.row_of(filled["essay"])
    assert row is not None
    mime = model.mimeData([model.index(row, 0), model.index(row, 2)])
    assert bytes(mime.data(ARTICLE_IDS_MIME).data()) == f"[{filled['essay']}]".encode()


def test_renaming_a_section(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: QInputDialog) -> int:
        dialog.setTextValue("Abroad")
        return 1

    monkeypatch.setattr(QInputDialog, "exec", answer)
    window.parts.sidebar.choose(SECTION, "World")
    window.parts.sidebar.rename_requested.emit("World")
    qtbot.waitUntil(lambda: "Abroad" in rows(window.parts.sidebar_model, 1))
    assert dict(library.sections()) == {"国际": 1, "Abroad": 1, "Essays": 1}
    # The renamed section stays chosen.
    assert window.parts.sidebar.chosen == (SECTION, "World") or listed_ids(window)


def test_new_counts_with_a_new_site_keep_the_list_as_it_is(
    window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    # An import brings a site the sidebar has no row for: its rows are rebuilt, and the view
    # chosen stays chosen without the list being queried and reset again (a UI stall).
    assert window.parts.sidebar.choose(SECTION, "国际")
    resets: list[None] = []
    window.parts.article_model.modelReset.connect(lambda: resets.append(None))
    library.add_article(html_article("A new site", "<p>Harbour news.</p>", site="New Site"))
    window.parts.sidebar_model.populate(LibraryCounts.read(library))
    assert "New Site" in rows(window.parts.sidebar_model, 2)
    assert window.parts.sidebar.chosen == (SECTION, "国际")
    assert window.parts.sidebar.currentIndex().data(KEY_ROLE) == "国际"
    assert resets == []
    assert listed_ids(window) == {filled["kite"]}


def test_a_narrow_window_elides_long_site_names_and_never_scrolls_sideways(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    long_name = "The Extraordinarily Long-Winded Quarterly Review of Harbours and Lighthouses"
    # Enough sites for a vertical scroll bar: it took the room the names' column kept.
    for site in [long_name, *(f"harbour-news-{n}.example.com" for n in range(30))]:
        library.add_article(html_article(f"Lights of {site}", "<p>Harbour news.</p>", site=site))
    window.parts.sidebar_model.populate(LibraryCounts.read(library))
    window.resize(480, 700)
    sidebar = window.parts.sidebar
    qtbot.waitUntil(lambda: window.width() <= 480 and window.settled, timeout=10_000)
    qtbot.waitUntil(sidebar.verticalScrollBar().isVisible, timeout=10_000)
    assert sidebar.horizontalScrollBar().maximum() == 0
    assert not sidebar.horizontalScrollBar().isVisible()
    # Each row fits the viewport, its name cut short with an ellipsis...
    index = window.parts.sidebar_model.index_of(SITE, long_name)
    assert sidebar.columnWidth(0) <= sidebar.viewport().width()
    assert sidebar.visualRect(index).right() < sidebar.viewport().width()
    # ...and the row's tooltip names it in full.
    assert index.data(Qt.ItemDataRole.ToolTipRole) == long_name


@pytest.mark.parametrize(
    ("language", "shown"),
    [(QLocale.Language.English, "102,000"), (QLocale.Language.German, "102.000")],
)
def test_counts_are_written_in_the_users_language_as_in_the_status_bar(
    qapp: QApplication, language: QLocale.Language, shown: str
) -> None:
    """The sidebar's counts and the status bar's (QLocale) group digits alike."""
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        assert count_text(102_000) == shown
        assert count_text(None) == ""
    finally:
        QLocale.setDefault(before)


def test_a_long_new_site_widens_the_sidebar_only_while_nothing_is_read(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    """Found by a user's test: an import adding long site names widened the sidebar under
    the article being read, moving the list and the pane at every update."""
    splitter = window.parts.splitter
    splitter.setSizes([120, 400, 660])
    assert window.open_article(filled["kite"])
    before = splitter.sizes()
    site = "The Long-Established Harbour and Lighthouse Gazette"
    library.add_article(html_article("Lamps", "<p>The lamps.</p>", site=site))
    window.reload()
    qtbot.waitUntil(lambda: site in rows(window.parts.sidebar_model, 2))
    qtbot.waitUntil(lambda: window.settled)
    assert splitter.sizes() == before
    window.reading.show_placeholder()
    library.add_article(html_article("Wicks", "<p>The wicks.</p>", site=site + " Weekly"))
    window.reload()
    qtbot.waitUntil(lambda: splitter.sizes()[0] > before[0])
