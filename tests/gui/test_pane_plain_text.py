"""A plain-text document in a <pre> keeps its lines in a face that fits the column; code
keeps its size."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.views.plain_text import prose_width
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.gui.panes import shown_pane

PARAGRAPH = (
    "   The keepers of the north pier light the lamps at dusk and walk the\n"
    "   length of the pier twice each evening, noting in the log every lamp\n"
    "   that failed to light and the hour at which it was lit again by hand.\n"
    "   In winter the walk is made with a lantern, since the wind off the\n"
    "   harbour puts out the matches before they reach the wick of a lamp.\n"
)
MEMO = "Pier Lamps Working Group                                   H. Quist\n\n" + "\n".join(
    f"{n}. Section {n}\n\n{PARAGRAPH}" for n in range(1, 5)
)
CODE = "\n".join(
    f"def lamp_{n}(pier):\n    return {{'lit': pier.lamps[{n}] == 1}};" for n in range(9)
)


def shown(
    qtbot: QtBot, library: Library, text: str, width: int, pre: str | None = None
) -> ReadingPane:
    """`text` shown in a <pre> (or `pre`, its markup) in a pane `width` wide."""
    body = f"<p>The memo follows.</p><pre>{pre or html.escape(text)}</pre>"
    result = library.add_article(Article(title="Memo", text=text, html=body))
    pane = shown_pane(qtbot, library, result.article_id, width, 700)
    return pane


def size_at(pane: ReadingPane, words: str) -> tuple[float, int]:
    """The point size of `words` and how many lines its block takes."""
    document = pane.document()
    cursor = QTextCursor(document)
    cursor.setPosition(document.toPlainText().index(words) + 1)
    return cursor.charFormat().fontPointSize(), cursor.block().layout().lineCount()


def test_plain_prose_is_told_from_code() -> None:
    assert prose_width(MEMO) == 71
    assert prose_width(CODE) is None


def test_a_plain_text_keeps_its_lines_in_a_smaller_face_where_that_fits(
    qtbot: QtBot, library: Library
) -> None:
    wide = shown(qtbot, library, MEMO, 1000)
    size, lines = size_at(wide, "length of the pier")
    assert lines == 1
    pane = shown(qtbot, library, MEMO + "\n", 640)
    smaller, lines = size_at(pane, "length of the pier")
    assert smaller < size and lines == 1  # a line of the text is a line on screen


def test_a_link_in_a_plain_text_takes_its_face(qtbot: QtBot, library: Library) -> None:
    # A contents line links its section and page numbers, as an RFC's does.
    line = 'Contents: <a href="#s9">9</a>. Lamps at dusk ......... <a href="#p9">page 9</a>\n'
    pane = shown(qtbot, library, MEMO, 640, pre=line + html.escape(MEMO))
    text, _ = size_at(pane, "length of the pier")
    link, _ = size_at(pane, "page 9")
    family = QTextCursor(pane.document().find("page 9")).charFormat().fontFamilies()
    assert link == text and "monospace" in (family or [])


def test_code_keeps_its_size(qtbot: QtBot, library: Library) -> None:
    wide = shown(qtbot, library, CODE, 1000)
    narrow = shown(qtbot, library, CODE + "\n", 640)
    assert size_at(narrow, "lamp_3")[0] == size_at(wide, "lamp_3")[0]


def test_a_code_block_ends_with_its_last_line(qtbot: QtBot, library: Library) -> None:
    body = "<p>Light the lamps:</p><pre><code>$ lamps light --all\n</code></pre><p>Done.</p>"
    result = library.add_article(Article(title="Lamps", text="Lamps", html=body))
    assert result.article_id is not None
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(library.get_article(result.article_id), None)
    document = pane.document()
    block = document.findBlock(document.toPlainText().index("--all"))
    assert block.next().text() == "Done."  # no empty line drawn at the foot of the block
