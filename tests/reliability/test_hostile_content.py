"""Hostile content: images that are not what they claim, and hostile W3C annotation files."""

from __future__ import annotations

import gzip
import re
import struct
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from reader.core.images import MAX_PIXELS, allowed_image, sniff_image
from reader.importers import import_bytes
from tests.hostile_images import data_uri, gif, png, svg_naming

SVG = svg_naming("/etc/passwd", "fifo")
PARAGRAPH = "The harbour lights came on one by one as the ferry turned towards the pier. " * 3


def jpeg(width: int, height: int) -> bytes:
    """The header of a baseline JPEG: SOI, a JFIF APP0 segment, then the frame (SOF0)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp(width: int, height: int) -> bytes:
    """An extended-format (VP8X) WebP header."""
    body = b"VP8X" + struct.pack("<I", 10) + bytes(4)
    body += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def image_sources(html: str) -> list[str]:
    return re.findall(r'<img[^>]*\ssrc="([^"]*)"', html)


# -- the sniffer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(37, 21), ("png", 37, 21)),
        (jpeg(640, 480), ("jpeg", 640, 480)),
        (gif(3, 2), ("gif", 3, 2)),
        (webp(1000, 700), ("webp", 1000, 700)),
    ],
)
def test_raster_formats_are_recognised_with_their_size(
    data: bytes, expected: tuple[str, int, int]
) -> None:
    info = allowed_image(data)
    assert info is not None and (info.format, info.width, info.height) == expected


@pytest.mark.parametrize(
    "data",
    [
        SVG,
        gzip.compress(SVG),
        b"\x89PNG\r\n\x1a\n" + SVG,  # the right magic, then no image header
        b"BM" + bytes(60),  # BMP: a format Qt reads, not one we allow
        b"",
        png(100_000, 100_000),  # a decompression bomb: 10 gigapixels in a few kilobytes
        png(7_000, 7_000),  # 49 megapixels
        png(0, 10),
        jpeg(65_000, 65_000),
        webp(16_000, 16_000),
        b"GIF89a" + struct.pack("<HHBBB", 65_535, 65_535, 0, 0, 0),
    ],
)
def test_anything_else_is_refused_by_its_bytes(data: bytes) -> None:
    assert allowed_image(data) is None


def test_the_pixel_cap_is_about_forty_megapixels() -> None:
    assert allowed_image(png(6_000, 6_000)) is not None  # 36 MP: a large photograph
    assert MAX_PIXELS == 40_000_000
    assert sniff_image(png(100_000, 100_000)) is not None  # recognised, then refused by size


# -- import -------------------------------------------------------------------------------------

HOSTILE_IMAGES = {
    "svg declared png": data_uri(SVG),
    "svg declared svg": data_uri(SVG, "image/svg+xml"),
    "svgz declared png": data_uri(gzip.compress(SVG)),
    "png magic then svg": data_uri(b"\x89PNG\r\n\x1a\n" + SVG),
    "pixel bomb": data_uri(png(100_000, 100_000)),
}


@pytest.mark.parametrize("uri", list(HOSTILE_IMAGES.values()), ids=list(HOSTILE_IMAGES))
def test_markdown_keeps_no_image_that_is_not_an_allowed_raster(uri: str) -> None:
    source = f"# Ferry\n\n{PARAGRAPH}\n\n![a drawing]({uri})\n\n{PARAGRAPH}\n"
    article = import_bytes(source.encode(), "ferry.md")
    assert image_sources(article.html) == []
    assert "harbour lights" in article.text


def test_markdown_keeps_real_rasters_declaring_what_they_are() -> None:
    images = [png(4, 3), jpeg(40, 30), gif(3, 2), webp(20, 10)]
    # Each declared with the wrong type: the stored URI names the type of its bytes.
    lines = [f"![picture {n}]({data_uri(data, 'image/gif')})" for n, data in enumerate(images)]
    article = import_bytes(f"{PARAGRAPH}\n\n{' '.join(lines)}\n".encode(), "ferry.md")
    sources = image_sources(article.html)
    assert [s.split(";")[0] for s in sources] == [
        "data:image/png",
        "data:image/jpeg",
        "data:image/gif",
        "data:image/webp",
    ]


@pytest.mark.parametrize("uri", list(HOSTILE_IMAGES.values()), ids=list(HOSTILE_IMAGES))
def test_html_stores_no_asset_and_no_source_for_a_hostile_image(uri: str) -> None:
    page = (
        "<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>"
        f'<p>{PARAGRAPH}</p><figure><img src="{uri}" alt="drawing"></figure><p>{PARAGRAPH}</p>'
        "</article></body></html>"
    )
    article = import_bytes(page.encode(), "ferry.html")
    assert article.assets == {}
    assert all(s.startswith("assets/") for s in image_sources(article.html))
    assert image_sources(article.html) == []


def test_mhtml_image_parts_are_judged_by_their_bytes() -> None:
    page = (
        f"<html><head><title>Ferry</title></head><body><article><p>{PARAGRAPH}</p>"
        '<img src="https://example.org/a.png" alt="a"><img src="https://example.org/b.png" alt="b">'
        f'<img src="https://example.org/c.png" alt="c"><p>{PARAGRAPH}</p></article></body></html>'
    )
    archive = MIMEMultipart("related")
    html_part = MIMEText(page, "html", "utf-8")
    html_part["Content-Location"] = "https://example.org/ferry.html"
    archive.attach(html_part)
    parts = {"a.png": SVG, "b.png": png(100_000, 100_000), "c.png": png(4, 3)}
    for name, data in parts.items():
        part = MIMEImage(data, "png")  # every part declares PNG
        part["Content-Location"] = f"https://example.org/{name}"
        archive.attach(part)
    article = import_bytes(archive.as_bytes(), "ferry.mhtml")
    assert list(article.assets.values()) == [parts["c.png"]]
