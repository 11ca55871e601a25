"""Hostile content: images that are not what they claim, and hostile W3C annotation files."""

from __future__ import annotations

import gzip
import json
import re
import struct
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.article import Article
from reader.core.images import MAX_PIXELS, allowed_image, sniff_image
from reader.importers import import_bytes
from reader.paths import DataPaths
from reader.services.library import Library
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


# -- hostile W3C annotation files ---------------------------------------------------------------

W3C_TEXT = "The ferry turned towards the pier while the harbour lights came on one by one."


def annotation(**changes: object) -> dict[str, object]:
    """A good highlight on the test article; `changes` replace its fields."""
    good: dict[str, object] = {
        "type": "Annotation",
        "id": "urn:uuid:7f0c2a48-0000-4000-8000-000000000001",
        "target": {
            "source": "https://example.org/ferry",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "harbour lights"},
                {"type": "TextPositionSelector", "start": 49, "end": 63},
            ],
        },
    }
    return {**good, **changes}


def target(*selectors: object) -> dict[str, object]:
    return {"source": "https://example.org/ferry", "selector": list(selectors)}


QUOTE = {"type": "TextQuoteSelector", "exact": "harbour lights"}
BIG = 10**30


def _whole_file_refusals() -> dict[str, str]:
    deep = "[" * 100_000 + "]" * 100_000
    return {
        "not json": "{",
        "empty": "",
        "a number": "42",
        "a string": '"Annotation"',
        "nan": '{"type": "Annotation", "x": NaN}',
        "infinity": '[{"type": "Annotation", "x": -Infinity}]',
        "1e400": '{"type": "Annotation", "target": 1e400}',
        "deep nesting": deep,
        "deep objects": '{"a":' * 100_000 + "1" + "}" * 100_000,
        "lone surrogate": '{"type": "Annotation", "bodyValue": "\\ud800"}',
        "lone surrogate key": '{"\\udfff": 1, "type": "Annotation"}',
        "huge integer literal": '{"type": "Annotation", "x": ' + "9" * 5000 + "}",
        "no annotation types": '{"type": "Collection"}',
        "type is an object": '{"type": {"a": 1}}',
    }


def _partial_imports() -> dict[str, object]:
    """Files whose good annotation is imported and whose bad ones are skipped."""
    bad = [
        annotation(type=[{"unhashable": 1}]),
        annotation(target=[[]]),
        annotation(target={"source": ["a", "b"]}),
        annotation(target={"source": {"id": {"nested": 1}}}),
        annotation(target=target({"type": "TextQuoteSelector", "exact": ["x"]})),
        annotation(target=target({"type": "TextQuoteSelector", "exact": {"a": 1}})),
        annotation(target=target({"type": "TextPositionSelector", "start": 1, "end": 3})),
        annotation(target=target()),
        annotation(target={"source": 12}),
        annotation(target=None),
        annotation(body=[{"value": "x", "purpose": {"a": 1}}], id=7),
        annotation(**{"reader:status": {"a": 1}}, id="urn:uuid:3"),
        5,
        "text",
        None,
        [],
    ]
    positions = [
        (-5, 3),
        (30, 2),
        (0, BIG),
        (BIG, BIG + 1),
        (1.5, 3),
        ("1", "3"),
        (True, False),
    ]
    odd = [
        annotation(
            id=f"urn:uuid:pos-{n}",
            target=target(QUOTE, {"type": "TextPositionSelector", "start": s, "end": e}),
        )
        for n, (s, e) in enumerate(positions)
    ]
    odd.append(annotation(id="urn:uuid:dup", target=target(QUOTE, QUOTE, {"type": "Nope"})))
    odd.append(annotation(id="urn:uuid:long", bodyValue="note " * 200_000, created=BIG))
    odd.append(annotation(id="urn:uuid:types", type=["Annotation", 3, None], modified=[1]))
    return {"bad shapes": [annotation(), *bad], "odd positions": [annotation(), *odd]}


@pytest.fixture
def w3c_library(paths: DataPaths) -> DataPaths:
    with Library(paths) as lib:
        lib.add_article(Article(title="Ferry", text=W3C_TEXT, html=f"<p>{W3C_TEXT}</p>",
                                url="https://example.org/ferry"))  # fmt: skip
    return paths


def import_file(
    capsys: pytest.CaptureFixture[str], paths: DataPaths, file: Path
) -> tuple[int, str, str]:
    status = main(["--data-dir", str(paths.root), "annotations", "import", str(file)])
    out, err = capsys.readouterr()
    assert "internal error" not in err and "Traceback" not in err, err
    return status, out, err


def highlight_count(paths: DataPaths) -> int:
    with Library(paths) as lib:
        return len(lib.annotations.for_article(1).highlights)


@pytest.mark.parametrize("name", list(_whole_file_refusals()))
def test_a_hostile_w3c_file_is_refused_whole_in_one_line(
    capsys: pytest.CaptureFixture[str], w3c_library: DataPaths, tmp_path: Path, name: str
) -> None:
    file = tmp_path / "hostile.jsonld"
    file.write_text(_whole_file_refusals()[name], encoding="utf-8", errors="surrogatepass")
    status, _, err = import_file(capsys, w3c_library, file)
    assert status == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith("reader: error: "), err
    assert highlight_count(w3c_library) == 0


@pytest.mark.parametrize("name", list(_partial_imports()))
def test_bad_annotations_are_skipped_and_reported(
    capsys: pytest.CaptureFixture[str], w3c_library: DataPaths, tmp_path: Path, name: str
) -> None:
    file = tmp_path / "partial.jsonld"
    file.write_text(json.dumps(_partial_imports()[name]), encoding="utf-8")
    status, out, err = import_file(capsys, w3c_library, file)
    # A partial import says so in its exit status as well as in its line.
    assert status == (1 if name == "bad shapes" else 0), err
    assert len(out.strip().splitlines()) == 1, out
    # Bad shapes are skipped and said so; odd positions only lose the position (the quote
    # places the highlight).
    assert ("skipped" in out) is (name == "bad shapes"), out
    count = highlight_count(w3c_library)
    assert count >= 1
    with Library(w3c_library) as lib:  # the article still opens, every highlight placed
        for h in lib.annotations.for_article(1).highlights:
            assert W3C_TEXT[h.position.start : h.position.end] == h.quote.exact


@pytest.mark.slow
def test_an_import_is_capped_per_file_and_per_article(
    capsys: pytest.CaptureFixture[str], w3c_library: DataPaths, tmp_path: Path
) -> None:
    many = [annotation(id=f"urn:uuid:many-{n}") for n in range(25_000)]
    file = tmp_path / "many.jsonld"
    file.write_text(json.dumps(many), encoding="utf-8")
    status, out, err = import_file(capsys, w3c_library, file)
    assert status == 1, err  # partial: said in the exit status too
    assert highlight_count(w3c_library) == 5_000
    assert "20000 skipped" in out, out
