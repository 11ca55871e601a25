"""The reading pane shows a page's SVG drawings, drawn from their sanitized form only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.drawings import HOSTILE, NS, SAFE, SQUARE, base64_uri, percent_uri, utf8_uri
from tests.gui.panes import images_decoded, shown_image
from tests.hostile_images import WatchedFifo

IMAGE = QTextDocument.ResourceType.ImageResource.value
PARAGRAPH = "The harbour lights came on one by one as the ferry turned towards the pier. " * 3
AFTER = "Gulls followed the wake all the way across the bay, calling over the engine noise. " * 3


def is_black_square(image: object, side: int = 150) -> bool:
    if not isinstance(image, QImage) or (image.width(), image.height()) != (side, side):
        return False
    corners = [(1, 1), (side - 2, side - 2), (side // 2, side // 2)]
    return all(image.pixelColor(x, y) == QColor(0, 0, 0, 255) for x, y in corners)


@pytest.fixture
def pane(qtbot: QtBot) -> ReadingPane:
    view = ReadingPane()
    qtbot.addWidget(view)
    return view


@pytest.mark.parametrize("encode", [utf8_uri, percent_uri, base64_uri])
def test_a_drawing_data_uri_is_drawn_at_its_size(pane: ReadingPane, encode: object) -> None:
    assert callable(encode)
    assert is_black_square(shown_image(pane, encode(SQUARE)))
    tides = shown_image(pane, base64_uri(SAFE))
    assert isinstance(tides, QImage) and (tides.width(), tides.height()) == (120, 80)
    assert tides.pixelColor(60, 40).blue() > tides.pixelColor(60, 40).red()  # the gradient


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_drawing_shows_nothing(pane: ReadingPane, hostile: str) -> None:
    image = shown_image(pane, base64_uri(hostile))
    assert isinstance(image, QImage) and (image.width(), image.height()) == (1, 1)


def test_a_drawing_naming_a_fifo_opens_nothing(
    pane: ReadingPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with WatchedFifo(tmp_path / "fifo") as fifo:
        for reference in ("fifo#a", fifo.path.as_uri() + "#a", str(fifo.path)):
            svg = f'<svg {NS}><rect id="a"/><use xlink:href="{reference}"/></svg>'
            pane.setHtml(f'<p>before</p><img src="{base64_uri(svg)}"><p>after</p>')
            pane.document().adjustSize()
            images_decoded(pane)  # the drawing is read again, and judged, on a worker
    assert not fifo.opened


def test_an_imported_page_shows_its_drawings(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(
        "<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>"
        f'<p>{PARAGRAPH}</p><figure><img src="{utf8_uri(SQUARE)}"></figure>'
        f'<figure><img src="{base64_uri(SQUARE)}"></figure><p>{AFTER}</p></article></body></html>',
        "utf-8",
    )
    article_id = library.import_path(page).article_id
    assert article_id is not None
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_article(library.get_article(article_id), library.assets_dir(article_id))
    html = library.get_article(article_id).html
    (name,) = {part.split('"')[0] for part in html.split('src="assets/')[1:]}
    assert name.endswith(".svg")
    assert is_black_square(shown_image(pane, f"assets/{name}"))
    assert is_black_square(pane.document().resource(IMAGE, QUrl(f"assets/{name}")))
