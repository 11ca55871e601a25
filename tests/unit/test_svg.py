"""The SVG sanitizer: a plain drawing is rewritten from the allow-list, anything hostile refused."""

from __future__ import annotations

import pytest

from reader.core.svg import MAX_SVG_BYTES, sanitize_svg, svg_data_uri_bytes, svg_size
from tests.drawings import HOSTILE, SAFE, SQUARE, base64_uri, percent_uri, utf8_uri


def test_a_plain_drawing_keeps_its_shapes_text_and_local_references() -> None:
    svg = sanitize_svg(SAFE.encode())
    assert svg is not None
    assert (svg.width, svg.height) == (120, 80)
    out = svg.data.decode()
    for kept in (
        "<linearGradient",
        'stop-color="#036"',
        'fill="url(#sea)"',
        'stroke="black"',
        'xlink:href="#dot"',
        "High &amp; low",
        "<title>Tides</title>",
    ):
        assert kept in out, kept
    assert "style=" not in out  # its declarations became presentation attributes
    assert sanitize_svg(svg.data) == svg  # what we write, we read back unchanged


def test_transforms_of_plain_numbers_are_kept() -> None:
    # Most drawings an editor or a chart library writes place their groups this way.
    moved = SQUARE.replace("<path", '<path transform="translate(2, 3) rotate(-45) scale(1.5e-1)"')
    svg = sanitize_svg(moved.encode())
    assert svg is not None
    assert b'transform="translate(2, 3) rotate(-45) scale(1.5e-1)"' in svg.data


def test_an_unsized_drawing_is_shown_150_px_high_in_its_view_box_ratio() -> None:
    svg = sanitize_svg(SQUARE.encode())
    assert svg is not None and (svg.width, svg.height) == (150, 150)
    wide = sanitize_svg(SQUARE.replace("0 0 24 24", "0 0 48 24").encode())
    assert wide is not None and (wide.width, wide.height) == (300, 150)
    sized = SQUARE.replace("viewBox=", "width='90000' height='30000' viewBox=")
    giant = sanitize_svg(sized.encode())
    assert giant is not None and (giant.width, giant.height) == (4000, 1333)


def test_the_size_read_from_the_root_alone_is_the_size_the_drawing_is_shown_at() -> None:
    """A pane lays a drawing out at this size before it is sanitized and drawn (on a worker)."""
    for drawing in (
        SQUARE,
        SAFE,
        SQUARE.replace("0 0 24 24", "0 0 48 24"),
        SQUARE.replace("viewBox=", "width='90000' height='30000' viewBox="),
        SQUARE.replace("viewBox=", "style='width: 64px; height: 32px' viewBox="),
    ):
        svg = sanitize_svg(drawing.encode())
        assert svg is not None and svg_size(drawing.encode()) == (svg.width, svg.height)
    head = SAFE.encode()[: SAFE.index(">") + 1]  # the start of a file: its root element only
    assert svg_size(head) == svg_size(SAFE.encode())
    hostile = '<svg xmlns="http://www.w3.org/2000/svg" onload="go()"><rect/></svg>'
    for refused in ("<html><svg/></html>", '<svg xmlns="urn:x"/>', "<svg", "nothing", hostile):
        assert svg_size(refused.encode()) is None


def test_unknown_elements_go_with_their_content() -> None:
    svg = sanitize_svg(
        (
            SAFE[:-6] + "<metadata><rdf>secret</rdf></metadata><style>rect{fill:red}</style>"
            '<sodipodi:namedview xmlns:sodipodi="urn:x"/></svg>'
        ).encode()
    )
    assert svg is not None
    assert not any(word in svg.data for word in (b"metadata", b"secret", b"style", b"sodipodi"))


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_drawings_are_refused_whole(hostile: str) -> None:
    assert sanitize_svg(hostile.encode()) is None


def test_the_size_limit_is_checked_before_parsing() -> None:
    padded = SAFE.replace("<title>", "<desc>" + "x" * MAX_SVG_BYTES + "</desc><title>")
    assert sanitize_svg(padded.encode()) is None


@pytest.mark.parametrize("encode", [utf8_uri, percent_uri, base64_uri])
def test_svg_data_uris_in_every_encoding_give_the_drawing(encode: object) -> None:
    assert callable(encode)
    assert svg_data_uri_bytes(encode(SQUARE)) == SQUARE.encode()


def test_other_data_uris_give_nothing() -> None:
    assert svg_data_uri_bytes("data:image/png;base64,AAAA") is None
    assert svg_data_uri_bytes("data:image/svg+xml;base64,***") is None
    assert svg_data_uri_bytes("https://example.org/a.svg") is None
