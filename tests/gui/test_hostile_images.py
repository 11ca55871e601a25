"""The reading pane decodes only checked raster images: no SVG, no file it names, no pixel bomb."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader
from pytestqt.qtbot import QtBot

from reader.gui.views import resources
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.gui.panes import images_decoded, shown_image
from tests.hostile_images import WatchedFifo, data_uri, gif, png, svg_naming, svgz_bomb


def encoded(fmt: str, width: int = 37, height: int = 21) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt, 80)  # type: ignore[call-overload]
    return bytes(data.data())


def is_blank(resource: object) -> bool:
    """The pane's refusal: an invisible 1x1 image (None would make Qt read the URL itself)."""
    return isinstance(resource, QImage) and resource.width() == 1 and resource.height() == 1


@pytest.fixture
def pane(qtbot: QtBot, library: Library, tmp_path: Path) -> ReadingPane:
    view = ReadingPane()
    qtbot.addWidget(view)
    view.resize(800, 600)
    return view


def test_real_raster_images_are_still_shown(pane: ReadingPane, tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    samples = {
        "png": encoded("PNG"),
        "jpeg": encoded("JPEG"),
        "webp": encoded("WEBP"),
        "gif": gif(37, 21),
        "grey": png(37, 21, pixels=bytes(21 * 38)),
    }
    pane._assets_dir = assets
    for name, data in samples.items():
        (assets / f"{name}.img").write_bytes(data)
        for url in (data_uri(data), f"assets/{name}.img"):
            image = shown_image(pane, url)
            assert isinstance(image, QImage), (name, url)
            assert (image.width(), image.height()) == (37, 21), (name, url)


def test_svg_is_never_decoded_and_opens_nothing(
    pane: ReadingPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SVG (declared PNG, gzipped, or an asset) names a FIFO relative to the working folder
    and one by absolute path: before the fix Qt opened both (and hung on a plain FIFO)."""
    monkeypatch.chdir(tmp_path)
    assets = tmp_path / "assets"
    assets.mkdir()
    pane._assets_dir = assets
    with WatchedFifo(tmp_path / "relative") as relative, WatchedFifo(tmp_path / "abs") as absolute:
        svg = svg_naming("relative", absolute.path, "/etc/passwd")
        (assets / "picture.png").write_bytes(svg)
        (assets / "picture.svgz").write_bytes(gzip.compress(svg))
        for url in (
            data_uri(svg),
            data_uri(svg, "image/svg+xml"),
            data_uri(gzip.compress(svg)),
            data_uri(b"\x89PNG\r\n\x1a\n" + svg),  # PNG magic, SVG inside
            "assets/picture.png",
            "assets/picture.svgz",
        ):
            assert is_blank(shown_image(pane, url)), url[:40]
    assert not relative.opened
    assert not absolute.opened


def test_svgz_bomb_costs_nothing(pane: ReadingPane, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before the fix this inflated and parsed 8 MB of SVG elements on every view (2 s, 300 MB).
    # Costing nothing means no decoder ever sees the bytes: the sniffer refuses them first.
    decoders: list[object] = []

    def recording(*args: object) -> QImageReader:
        decoders.append(args)
        return QImageReader(*args)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(resources, "QImageReader", recording)
    assert is_blank(shown_image(pane, data_uri(svgz_bomb())))
    assert decoders == []
    shown = shown_image(pane, data_uri(png(3, 3)))
    assert isinstance(shown, QImage) and shown.width() == 3
    assert len(decoders) == 1  # the spy does see a decode: a PNG goes to the decoder


def test_pixel_bombs_are_refused_before_decoding(pane: ReadingPane) -> None:
    # 7,000 x 7,000 = 49 megapixels in a 50 KB file: Qt's own 256 MB limit lets it through.
    for width, height in ((7_000, 7_000), (100_000, 100_000), (60_000, 1)):
        bomb = data_uri(png(width, height))
        assert is_blank(shown_image(pane, bomb)), (width, height)


def test_a_whole_hostile_article_renders_without_opening_files(
    pane: ReadingPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pane asked by Qt itself, while laying out an article, as a reader would see it."""
    monkeypatch.chdir(tmp_path)
    with WatchedFifo(tmp_path / "fifo") as fifo:
        svg = svg_naming("fifo", fifo.path)
        pane.setHtml(
            f'<p>before</p><img src="{data_uri(svg)}" alt="drawing">'
            f'<img src="{data_uri(encoded("PNG"))}"><p>after</p>'
        )
        pane.show()
        pane.document().adjustSize()
        images_decoded(pane)  # the drawing is read again, and judged, on a worker
    assert not fifo.opened
    assert "before" in pane.toPlainText() and "after" in pane.toPlainText()
