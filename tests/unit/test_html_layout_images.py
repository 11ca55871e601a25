"""A layout's rounded corners and spacers, pictures a few pixels a side, are not the article's."""

from __future__ import annotations

import base64
import struct
import zlib

from reader.importers.html import import_html

ARTICLE = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
)


def html_of(pictures: str) -> str:
    box = f"<table><tr><td>{pictures}</td></tr></table>"
    body = f"<div class='story'><h1>The north pier lamps</h1>{box}{ARTICLE}{box}</div>"
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_corners_and_spacers_of_a_few_pixels_are_left_out() -> None:
    corners = (
        '<img src="https://harbour.example/corner_1.gif" width="7" height="7">'
        '<img src="https://harbour.example/spacer.gif" width="8px" height="3">'
    )
    html = html_of(corners)
    assert "keeper" in html
    assert "<img" not in html


def test_small_pictures_that_show_something_stay() -> None:
    for width, height in (("12", "12"), ("7", "40"), ("", "6")):
        picture = f'<img src="https://harbour.example/flag.png" width="{width}" height="{height}">'
        assert "<img" in html_of(picture), (width, height)


def palette_png(colours: bytes, alphas: bytes | None, width: int = 16, height: int = 9) -> str:
    """A palette PNG as a data: URI: `colours` RGB triples, `alphas` its tRNS chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + bytes(width) for _ in range(height)))
    trns = chunk(b"tRNS", alphas) if alphas is not None else b""
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", colours) + trns
    png += chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode()


def test_a_fully_transparent_spacer_of_any_size_is_left_out() -> None:
    spacer = palette_png(bytes(3), bytes(1))
    html = html_of(f'<img src="{spacer}">')
    assert "keeper" in html
    assert "<img" not in html


def test_pictures_with_a_colour_that_shows_stay() -> None:
    black = palette_png(bytes(3), b"\xff")
    one_opaque = palette_png(bytes(3) + b"\xff\x00\x00", b"\x00")  # entries past tRNS: opaque
    no_transparency = palette_png(bytes(3), None)
    for source in (black, one_opaque, no_transparency):
        assert "<img" in html_of(f'<img src="{source}">')


def gif(pixels: bytes, width: int, clear_index: int | None, frames: int = 1) -> str:
    """A GIF of two colours (black, white) as a data: URI; `clear_index` its transparent one.

    The pixels are coded with a clear code before every two, so the codes stay 3 bits wide.
    """
    codes: list[int] = []
    for start in range(0, len(pixels), 2):
        codes += [4, *pixels[start : start + 2]]
    codes.append(5)
    packed = sum(code << (3 * n) for n, code in enumerate(codes))
    data = packed.to_bytes((3 * len(codes) + 7) // 8, "little")
    blocks = b"".join(
        bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255)
    )
    height = len(pixels) // width
    control = b""
    if clear_index is not None:
        control = b"\x21\xf9\x04\x01\x00\x00" + bytes([clear_index]) + b"\x00"
    frame = (
        control
        + b"\x2c"
        + struct.pack("<HHHH", 0, 0, width, height)
        + b"\x00\x02"
        + blocks
        + b"\x00"
    )
    screen = (
        b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\x00\x00" + bytes(3) + b"\xff" * 3
    )
    return "data:image/gif;base64," + base64.b64encode(screen + frame * frames + b";").decode()


def test_a_gif_whose_every_pixel_is_clear_is_left_out() -> None:
    for spacer in (gif(b"\x01", 1, 1), gif(b"\x00" * 12, 4, 0)):
        html = html_of(f'<img src="{spacer}" alt="Illustration">')
        assert "keeper" in html
        assert "<img" not in html


def test_gifs_that_show_a_pixel_stay() -> None:
    for picture in (
        gif(b"\x00" * 11 + b"\x01", 4, 0),  # one white pixel among the clear ones
        gif(b"\x01", 1, None),  # no transparent colour: a white dot
        gif(b"\x01", 1, 1, frames=2),  # a second frame may show anything
    ):
        assert "<img" in html_of(f'<img src="{picture}">')
