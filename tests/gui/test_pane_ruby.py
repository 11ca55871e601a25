"""Ruby in the reading pane: the reading drawn small after its base, outside the text that
highlights, selections and copies refer to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.annotation import Utf16Offsets
from reader.gui.text_mapping import TextMap
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library

DATA = Path(__file__).parent.parent / "data" / "html"


def shown_ruby_page(qtbot: QtBot, library: Library) -> ReadingPane:
    result = library.import_path(DATA / "ruby-ja.html")
    assert result.article_id is not None
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show_article(library.get_article(result.article_id), None)
    return pane


def document_span(pane: ReadingPane, text_map: TextMap, text: str, quote: str) -> str:
    start = text.index(quote)
    found = text_map.to_document(start, start + len(quote))
    assert found is not None
    document = pane.toPlainText()
    units = Utf16Offsets(document)
    return document[units.to_codepoint(found[0]) : units.to_codepoint(found[1])]


def test_the_reading_is_drawn_small_after_its_base(qtbot: QtBot, library: Library) -> None:
    pane = shown_ruby_page(qtbot, library)
    document = pane.toPlainText()
    assert "一面の銀世界(ぎんせかい)になっていた" in document
    cursor = pane.document().find("ぎんせかい")
    base = pane.document().find("銀世界")
    assert cursor.charFormat().font().pointSizeF() < 0.7 * base.charFormat().font().pointSizeF()


def test_highlights_land_on_the_base_text_not_the_reading(qtbot: QtBot, library: Library) -> None:
    pane = shown_ruby_page(qtbot, library)
    article = pane.article
    assert article is not None and pane.text_map is not None
    text = article.text
    # The reading きょう is followed by the same kana in the text: a highlight of the word
    # きょうりゅう must not start on the reading.
    assert document_span(pane, pane.text_map, text, "きょうりゅうの本") == "きょうりゅうの本"
    assert document_span(pane, pane.text_map, text, "銀世界") == "銀世界"
    spanning = document_span(pane, pane.text_map, text, "銀世界になって")
    assert spanning == "銀世界(ぎんせかい)になって"


def test_selecting_and_copying_across_a_ruby_word_gives_the_base_text(
    qtbot: QtBot, library: Library, qapp: QApplication
) -> None:
    pane = shown_ruby_page(qtbot, library)
    article = pane.article
    assert article is not None
    cursor = pane.document().find("一面の銀世界(ぎんせかい)になっていた")
    assert not cursor.isNull()
    pane.setTextCursor(cursor)
    span = pane.selected_span()
    assert span is not None
    assert article.text[span[0] : span[1]] == "一面の銀世界になっていた"
    pane.copy()
    assert qapp.clipboard().text() == "一面の銀世界になっていた"
