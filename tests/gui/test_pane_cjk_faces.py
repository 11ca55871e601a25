"""CJK articles are drawn with their script's CJK face first: quotes and marks that Latin
faces also have are then full-width CJK glyphs, not narrow Latin ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from reader.gui.preferences import ReadingPreferences, cjk_script
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.gui.panes import shown_pane

DATA = Path(__file__).parent.parent / "data" / "html"


def drawn_family(pane: ReadingPane, needle: str, offset: int) -> str:
    """The family of the font that draws needle[offset] in the pane."""
    cursor = pane.document().find(needle)
    assert not cursor.isNull()
    block = cursor.block()
    position = cursor.selectionStart() - block.position() + offset
    runs = block.layout().glyphRuns(position, 1)
    assert runs
    return runs[0].rawFont().familyName()


@pytest.mark.parametrize(
    ("name", "needle", "face"),
    [
        ("wechat-like.html", "来。“风一大，", "Noto Serif CJK SC"),
        ("ruby-ja.html", "した。「明日も", "Noto Serif CJK JP"),
    ],
)
def test_quotes_in_a_cjk_article_use_the_cjk_face(
    qtbot: QtBot, library: Library, name: str, needle: str, face: str
) -> None:
    if face not in QFontDatabase.families():
        pytest.skip(f"{face} is not installed")
    result = library.import_path(DATA / name)
    pane = shown_pane(qtbot, library, result.article_id, 800, 600)
    quote = 2 if needle.startswith("来") else 3
    # The CJK face of the article's own script, for the quote and the text around it.
    assert drawn_family(pane, needle, quote) == face
    assert drawn_family(pane, needle, 0) == face


def test_an_english_article_keeps_the_latin_faces_first() -> None:
    prefs = ReadingPreferences()
    assert prefs.families_for("en") is None
    assert prefs.families_for(None) is None
    ja = prefs.families_for("ja")
    assert ja is not None and ja[0] == "Noto Serif CJK JP" and "Charter" in ja
    assert [cjk_script(tag) for tag in ("zh", "zh-Hans", "zh-TW", "zh-Hant", "ko-KR")] == [
        "zh-Hans",
        "zh-Hans",
        "zh-Hant",
        "zh-Hant",
        "ko",
    ]
