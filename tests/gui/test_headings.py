"""Title fitting: where a title may break decides how small it must be set."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from reader.gui.views.headings import fit_title, size_headings, title_size


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
