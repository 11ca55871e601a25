"""How the reading pane's stylesheet lays out code from an imported page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextBlock, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.gui.style import THEMES
from reader.gui.views.article_html import reading_css
from reader.importers.html import import_html

DATA = Path(__file__).parent.parent / "data" / "html"


def laid_out(name: str, width: int) -> QTextDocument:
    article = import_html((DATA / name).read_bytes(), name)
    document = QTextDocument()
    document.setDefaultStyleSheet(reading_css(THEMES["light"], ["DejaVu Serif"], 12))
    document.setHtml(article.html)
    document.setTextWidth(width)
    document.size()  # lays the document out
    return document


def block_with(document: QTextDocument, text: str) -> QTextBlock:
    block = document.begin()
    while block.isValid():
        if text in block.text():
            return block
        block = block.next()
    pytest.fail(f"no block holds {text!r}")


def test_inline_code_is_monospaced_on_a_tint_inside_its_paragraph(qapp: QApplication) -> None:
    document = laid_out("docs-inline-code.html", 600)
    block = block_with(document, "The daemon reads lantern.conf at start-up")
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragments.append(iterator.fragment())
        iterator += 1
    code = next(f for f in fragments if f.text() == "lantern.conf")
    plain = next(f for f in fragments if f.text().startswith("The daemon"))
    assert code.charFormat().background().color() == QColor(THEMES["light"].code_background)
    assert code.charFormat().fontFamilies() != plain.charFormat().fontFamilies()


def test_code_blocks_wrap_inside_the_pane(qapp: QApplication) -> None:
    document = laid_out("docs-inline-code.html", 300)
    block = block_with(document, "light_at = 19:00")
    assert not block.blockFormat().nonBreakableLines()
    assert document.size().width() <= 300 + 1
