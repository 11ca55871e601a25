"""Title fitting: where a title may break decides how small it must be set."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument, QTextFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.views.headings import fit_title, size_headings, title_size
from reader.services.library import Library
from tests.gui.panes import shown_pane

_ADJUSTMENT = QTextFormat.Property.FontSizeAdjustment


def _title_document(title: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(f"<h1>{title}</h1>")
    size_headings(document)  # as the pane does: without, Qt's heading scale sets the size
    return document


@pytest.mark.parametrize(
    "title",
    [
        "漢字" * 20,  # CJK Unified Ideographs
        "𠮟𠀋" * 20,  # Han outside the BMP (Extension B): breaks anywhere just the same
    ],
)
def test_a_long_han_title_keeps_its_size_since_it_breaks_anywhere(
    qapp: QApplication, title: str
) -> None:
    document = _title_document(title)
    fit_title(document, 200.0, 24.0, 10.0)
    assert title_size(document) == pytest.approx(24.0)


def test_a_long_latin_word_sets_the_title_smaller(qapp: QApplication) -> None:
    document = _title_document("Reliability" * 4)
    fit_title(document, 200.0, 24.0, 10.0)
    assert title_size(document) < 24.0


def _adjusted(document: QTextDocument, text: str) -> bool:
    """Whether the block reading `text` still carries Qt's heading scale."""
    block = document.find(text).block()
    assert block.isValid() and block.blockFormat().headingLevel()
    return bool(block.begin().fragment().charFormat().hasProperty(_ADJUSTMENT))


_CELLS = "".join(f"<tr><td>r{n}</td><td>v{n}</td></tr>" for n in range(300))


def test_headings_past_a_large_table_are_sized_without_walking_its_cells(
    qapp: QApplication,
) -> None:
    document = QTextDocument()
    document.setHtml(
        f"<h1>Top</h1><table>{_CELLS}<tr><td><h3>Cell</h3></td></tr></table><h2>End</h2>"
    )
    size_headings(document, in_tables=False)
    assert not _adjusted(document, "Top") and not _adjusted(document, "End")
    assert _adjusted(document, "Cell")  # its table was not looked at
    size_headings(document)
    assert not _adjusted(document, "Cell")


def test_the_pane_sizes_a_heading_inside_a_table_as_it_sizes_the_others(
    qtbot: QtBot, library: Library
) -> None:
    """The pane skips the cells of tables only when none of them holds a heading."""
    body = f"<table>{_CELLS}<tr><td><h3>Inner heading</h3></td></tr></table><h3>Outer heading</h3>"
    headed = library.add_article(Article(title="Headed", text="Inner heading", html=body))
    pane = shown_pane(qtbot, library, headed.article_id, 900)
    inner, outer = pane.document().find("Inner heading"), pane.document().find("Outer heading")
    assert not _adjusted(pane.document(), "Inner heading")
    assert not _adjusted(pane.document(), "Outer heading")
    assert inner.charFormat().font().pointSizeF() == outer.charFormat().font().pointSizeF()
