"""Tables in the reading pane: prose gets a fair share, a narrowed placeholder stays legible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument, QTextTable
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.views.figures import image_positions
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.gui.panes import shown_pane

FAULTS = (
    (
        "The lamp is dark at night",
        "The keeper forgot to fill the reservoir with oil before the evening walk began",
    ),
    (
        "The lamp flickers badly",
        "A draught through the broken pane in the lantern room, seen as soot on the glass",
    ),
    (
        "Visitors cannot find the museum",
        "The sign at the gate was taken down for repainting and never put back",
    ),
)


def column_widths(pane: ReadingPane) -> list[float]:
    document = pane.document()
    layout = document.documentLayout()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    last = tables[0].rows() - 1
    return [
        layout.blockBoundingRect(tables[0].cellAt(last, c).firstCursorPosition().block()).width()
        for c in range(tables[0].columns())
    ]


@pytest.mark.parametrize("width", [480, 600, 800])
def test_a_column_of_prose_beside_short_headings_is_not_squeezed(
    qtbot: QtBot, library: Library, width: int
) -> None:
    rows = "".join(f"<tr><td><p><b>{a}</b></p></td><td><p>{b}</p></td></tr>" for a, b in FAULTS)
    body = f"<p>Faults of the pier lamps.</p><table><tr><th>Fault</th><th>Cause</th></tr>{rows}"
    result = library.add_article(Article(title="Faults", text="Faults", html=body + "</table>"))
    pane = shown_pane(qtbot, library, result.article_id, width, 700)
    headings, prose = column_widths(pane)
    # The prose is three times as long as its heading: never the narrower by much.
    assert prose >= 0.8 * headings, (headings, prose)


def test_a_web_image_placeholder_narrowed_into_a_table_is_drawn_at_its_width(
    qtbot: QtBot, library: Library
) -> None:
    name = "web-" + "b" * 32 + ".png"
    image = f'<img src="assets/{name}" alt="The north pier lamp seen from the harbour wall">'
    rows = "".join(
        f"<tr><td>{label}</td><td>{value}</td></tr>"
        for label, value in (("Lit", "February 28, 1898; long ago"), ("Keeper", "Ada Quist"))
    )
    body = f"<p>The lamp.</p><table><tr><td>{image}</td><td></td></tr>{rows}</table>"
    result = library.add_article(Article(title="Lamp", text="Lamp", html=body))
    pane = shown_pane(qtbot, library, result.article_id, 480, 700)
    document = pane.document()
    cursor = QTextCursor(document)
    (position,) = image_positions(document)
    cursor.setPosition(position + 1)
    fmt = cursor.charFormat().toImageFormat()
    drawn = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(fmt.name()))
    assert isinstance(drawn, QImage)
    assert fmt.width() < 400  # narrowed beside the other column
    # Drawn at the width it is shown: its text at the size of type, not scaled down.
    assert abs(drawn.width() - fmt.width()) < 1 and abs(drawn.height() - fmt.height()) < 1
