"""Spaces after links and emphasis in text written straight into a container survive import."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.html import import_html
from reader.importers.inline_spaces import restore_inline_spaces

LINES = [
    "The new laptop keeps the same processors as the "
    '<a href="https://example.org/compare">earlier models</a> but runs them cooler, so under '
    "a long load it holds its top speed for minutes rather than seconds.",
    "What every owner <strong>will</strong> notice, though, is the keyboard: the keys travel "
    "further and the arrow keys are back in their old inverted T.",
    "The battery is larger by a fifth, which in our tests gave close to two more hours of "
    "video playback at half brightness with the radios on.",
]


def br_page() -> bytes:
    """Paragraphs as text and blank lines straight inside a div, as some sites write them."""
    text = "<br><br>\n".join(LINES)
    return (
        "<html><head><title>Laptop review</title></head><body><div class='story'>"
        f"<h1>Laptop review</h1><div class='text'>{text}</div></div></body></html>"
    ).encode()


def test_words_after_a_link_or_bold_word_stay_apart() -> None:
    """A guard over the whole import (the extractor keeps these spaces on this small page)."""
    text = " ".join(import_html(br_page(), "page.html").text.split())
    assert "earlier models but runs" in text
    assert "will notice" in text


def test_a_lost_space_is_put_back_only_where_the_page_has_it() -> None:
    """The extractor's XML as it comes out of a long page written as `<span>` text and `<br>`s."""
    source = lxml.html.document_fromstring(
        "<p><a href='/a'>Anchor</a> text and <b>glued</b>text</p>"
    )
    body = etree.fromstring(
        "<body><p><ref target='/a'>Anchor</ref>text and <hi rend='#b'>glued</hi>text</p></body>"
    )
    restore_inline_spaces(body, source)
    assert "".join(body.itertext()) == "Anchor text and gluedtext"
