"""Typography in Preferences (live, remembered), title sizes, the last article reopened."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.preferences import PreferencesDialog
from reader.gui.main_window import MainWindow
from reader.gui.preferences import ReadingPreferences
from reader.gui.views.article_html import title_class
from reader.services.library import Library
from tests.gui.conftest import HARBOUR_TITLE, html_article
from tests.gui.settling import settled


def css(window: MainWindow) -> str:
    return window.parts.pane.document().defaultStyleSheet()


def test_line_height_and_paragraph_spacing_change_the_stylesheet(window: MainWindow) -> None:
    prefs = replace(window.preferences, size=12, zoom=100)  # 16 px per em
    window.apply_preferences(prefs)
    assert "p { line-height: 28px; margin-top: 0px; margin-bottom: 13px; }" in css(window)
    window.apply_preferences(replace(prefs, line_height=200, paragraph_spacing=150))
    assert "p { line-height: 32px; margin-top: 0px; margin-bottom: 24px; }" in css(window)


def test_column_width_follows_the_measure(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    window.open_article(filled["essay"])
    pane = window.parts.pane
    window.parts.splitter.setSizes([100, 200, 1200])
    qtbot.waitUntil(lambda: pane.viewport().width() > 900)
    window.apply_preferences(replace(window.preferences, measure=30))
    narrow = pane.column_width()
    window.apply_preferences(replace(window.preferences, measure=40))
    wide = pane.column_width()
    em = window.preferences.effective_size * pane.logicalDpiY() / 72
    assert narrow == pytest.approx(30 * em, abs=2)
    assert wide == pytest.approx(40 * em, abs=2)


def test_an_installed_font_comes_first_and_keeps_the_cjk_fallbacks(window: MainWindow) -> None:
    family = QFontDatabase.families()[0]
    window.apply_preferences(replace(window.preferences, font="installed", family=family))
    families = window.parts.pane.document().defaultFont().families()
    assert families[0] == family
    assert "Noto Serif CJK SC" in families
    assert f"font-family: {family}" in css(window) or f"font-family: '{family}'" in css(window)


def test_typography_is_remembered(settings: QSettings) -> None:
    prefs = ReadingPreferences(
        font="installed", family="DejaVu Sans", line_height=160, paragraph_spacing=40, measure=44
    )
    prefs.save(settings)
    assert ReadingPreferences.load(settings) == prefs


def test_out_of_range_typography_is_bounded(settings: QSettings) -> None:
    settings.setValue("reading/line_height", "9000")
    settings.setValue("reading/measure", "x")
    loaded = ReadingPreferences.load(settings)
    assert loaded.line_height == 250
    assert loaded.measure == ReadingPreferences().measure


def test_the_dialog_previews_live_and_cancel_puts_the_old_look_back(
    qtbot: QtBot, window: MainWindow, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.apply_preferences(replace(window.preferences, size=12, zoom=100))
    seen: list[str] = []

    def run(dialog: PreferencesDialog) -> int:
        dialog.line_height_box.setValue(200)  # as the reader turns the spin box
        seen.append(css(window))
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    window.menu_actions.preferences.trigger()
    assert "p { line-height: 32px;" in seen[0]
    assert "p { line-height: 28px;" in css(window)
    assert settings.value("reading/line_height") in (None, 175, "175")


def test_the_dialog_saves_what_is_chosen(
    window: MainWindow, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = QFontDatabase.families()[-1]

    def run(dialog: PreferencesDialog) -> int:
        dialog.font_box.setCurrentIndex(dialog.font_box.findData("installed"))
        assert dialog.family_box.isEnabled()
        dialog.family_box.setCurrentFont(QFont(family))
        dialog.paragraph_box.setValue(120)
        dialog.measure_box.setValue(30)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    window.menu_actions.preferences.trigger()
    loaded = ReadingPreferences.load(settings)
    assert (loaded.font, loaded.paragraph_spacing, loaded.measure) == ("installed", 120, 30)
    assert loaded.family == window.parts.pane.document().defaultFont().families()[0]


def test_long_titles_get_a_smaller_face() -> None:
    assert title_class("Morning light on the old harbour") == "title"
    assert title_class("湖畔小城举办国际风筝节") == "title"
    assert title_class("A" * 100) == "title-long"
    assert title_class("湖" * 50) == "title-long"  # 100 columns: CJK characters are wide
    assert title_class("word " * 60) == "title-longest"


def test_a_long_title_is_set_smaller_than_a_short_one(
    window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    title = (
        "The long and winding history of the harbour town's annual lantern festival, "
        "told by the families who have kept it alive through wars, floods and a pandemic"
    )
    added = library.add_article(html_article(title, "<p>Body.</p>"))
    assert added.article_id is not None
    sizes = []
    for article_id in (filled["harbour"], added.article_id):
        assert window.open_article(article_id)
        block = window.parts.pane.document().firstBlock()
        assert block.text() in (title, HARBOUR_TITLE)
        # The size the text is laid out in (Qt's heading scale would make both 2x the body).
        sizes.append(block.begin().fragment().charFormat().font().pointSizeF())
    body = window.preferences.effective_size
    assert sizes == [pytest.approx(body * 1.6, abs=0.1), pytest.approx(body * 1.15, abs=0.1)]


def test_subheadings_are_set_at_the_stylesheets_size(
    window: MainWindow, filled: dict[str, int]
) -> None:
    assert window.open_article(filled["harbour"])
    block = window.parts.pane.document().firstBlock()
    while block.isValid() and block.text() != "Visitors":
        block = block.next()
    assert block.blockFormat().headingLevel() == 2
    size = block.begin().fragment().charFormat().font().pointSizeF()
    assert size == pytest.approx(window.preferences.effective_size * 1.2, abs=0.1)


def test_the_last_article_is_reopened_at_its_place(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings, filled: dict[str, int]
) -> None:
    essay = filled["essay"]
    assert window.select_article(essay)
    pane = window.parts.pane
    pane.set_fraction(0.5)
    pane.flush_position()
    window.close()
    qtbot.waitUntil(lambda: library.get_article(essay).reading_position > 0.4)
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    again.resize(1200, 800)
    again.show()
    qtbot.waitExposed(again)
    settled(again, qtbot)  # reopened after the first paint, its row once the ids are read
    assert again.current.article_id == essay
    assert again.parts.pane.fraction() == pytest.approx(0.5, abs=0.05)
    assert again.parts.article_list.selected_ids() == [essay]
    again.close()


def test_an_article_in_the_trash_is_not_reopened(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings, filled: dict[str, int]
) -> None:
    assert window.select_article(filled["harbour"])
    window.close()
    library.trash([filled["harbour"]])
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    again.show()
    settled(again, qtbot)
    assert again.current.article_id is None
    again.close()
