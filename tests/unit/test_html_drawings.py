"""SVG pictures a page embeds survive import as sanitized assets; hostile ones are dropped."""

from __future__ import annotations

import re

import pytest

from reader.core.svg import sanitize_svg
from reader.importers import import_bytes
from reader.importers.sanitize import sanitize_html
from tests.drawings import HOSTILE, SAFE, SQUARE, base64_uri, percent_uri, utf8_uri

PARAGRAPH = "The harbour lights came on one by one as the ferry turned towards the pier. " * 3
AFTER = "Gulls followed the wake all the way across the bay, calling over the engine noise. " * 3


def page(*images: str) -> bytes:
    return inline_page(*(f"<img src=\"{src}\" alt='drawing'>" for src in images))


def sources(html: str) -> list[str]:
    return re.findall(r'<img[^>]*\ssrc="([^"]*)"', html)


def test_svg_data_uris_become_one_sanitized_svg_asset() -> None:
    # The utf8 form carries quotes the attribute holds; single quotes keep it readable.
    article = import_bytes(page(utf8_uri(SQUARE), base64_uri(SQUARE), percent_uri(SAFE)), "f.html")
    names = sorted(article.assets)
    assert len(names) == 2 and all(name.endswith(".svg") for name in names)
    for data in article.assets.values():
        assert sanitize_svg(data) is not None and sanitize_svg(data).data == data  # type: ignore[union-attr]
    assert sorted(set(sources(article.html))) == [f"assets/{name}" for name in names]
    assert len(sources(article.html)) == 3


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_svg_pictures_are_dropped(hostile: str) -> None:
    for uri in (base64_uri(hostile), percent_uri(hostile)):
        article = import_bytes(page(uri), "f.html")
        assert article.assets == {}
        assert sources(article.html) == []
        assert "harbour lights" in article.text


def test_an_svg_stand_in_for_a_lazy_web_image_gives_way_to_it() -> None:
    markup = page(base64_uri(SQUARE)).replace(
        b"alt='drawing'", b"alt='drawing' data-src='https://images.example/photo.jpg'"
    )
    article = import_bytes(markup, "f.html")
    assert article.assets == {}
    assert [s.startswith("assets/web-") for s in sources(article.html)] == [True]


def test_markdown_and_the_sanitizer_keep_a_drawing_as_a_sanitized_data_uri() -> None:
    source = f"# Ferry\n\n{PARAGRAPH}\n\n![tides]({base64_uri(SAFE)})\n"
    article = import_bytes(source.encode(), "ferry.md")
    [uri] = sources(article.html)
    assert uri.startswith("data:image/svg+xml;base64,")
    assert sanitize_html(f'<img src="{percent_uri(SQUARE)}">').startswith(
        '<img src="data:image/svg+xml;base64,'
    )
    hostile = base64_uri(HOSTILE["onload"])
    assert sources(sanitize_html(f'<img src="{hostile}">')) == []


DIAGRAM = (
    '<svg width="300" height="200" viewBox="0 0 300 200" xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"><title>Tide heights</title><defs>'
    '<linearGradient id="sea"><stop offset="0" stop-color="#036"/></linearGradient></defs>'
    '<rect width="300" height="200" fill="url(#sea)"/><text x="10" y="20">High &amp; low</text>'
    "</svg>"
)


def inline_page(*drawings: str) -> bytes:
    figures = "".join(f"<figure>{drawing}</figure>" for drawing in drawings)
    return (
        "<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>"
        f"<p>{PARAGRAPH}</p>{figures}<p>{AFTER}</p></article></body></html>"
    ).encode()


def test_an_inline_diagram_is_kept_as_a_sanitized_drawing() -> None:
    article = import_bytes(inline_page(DIAGRAM), "f.html")
    [(name, data)] = article.assets.items()
    assert name.endswith(".svg") and sources(article.html) == [f"assets/{name}"]
    assert b"<linearGradient" in data and b'viewBox="0 0 300 200"' in data  # SVG's own case
    assert b'fill="url(#sea)"' in data and b"High &amp; low" in data
    assert 'alt="Tide heights"' in article.html
    responsive = DIAGRAM.replace('width="300" height="200" ', 'width="100%" ')
    assert len(import_bytes(inline_page(responsive), "f.html").assets) == 1


@pytest.mark.parametrize(
    "drawing",
    [
        DIAGRAM.replace('width="300" height="200"', 'width="24" height="24"'),  # an icon
        DIAGRAM.replace("<svg ", '<svg aria-hidden="true" '),
        f'<a href="https://example.org/">{DIAGRAM}</a>',  # a linked logo
        f"<button>{DIAGRAM}</button>",
        DIAGRAM.replace("</svg>", '<image href="file:///etc/passwd"/></svg>'),
        DIAGRAM.replace("</svg>", "<script>alert(1)</script></svg>"),
        DIAGRAM.replace("<rect ", '<rect onclick="alert(1)" '),
    ],
    ids=["icon", "hidden", "linked", "button", "file image", "script", "event"],
)
def test_inline_icons_and_hostile_drawings_are_not_kept(drawing: str) -> None:
    article = import_bytes(inline_page(drawing), "f.html")
    assert article.assets == {} and sources(article.html) == []
    assert "harbour lights" in article.text and "Gulls" in article.text
