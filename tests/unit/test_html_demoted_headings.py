"""Section headings of a page without an article container stay headings."""

from __future__ import annotations

import re

from reader.importers.html import import_html

LINE = (
    "The lamps on the pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening, in all weathers, with a lantern and a can of oil."
)


def test_headings_between_loose_paragraphs_stay_headings() -> None:
    # A page of sections whose paragraphs read alike: the extractor falls back to collecting
    # the page's loose blocks, and writes the headings among them as paragraphs.
    image = "<img src='https://example.org/pier.jpg' alt='The pier'>"
    sections = (
        f"<hr><h2>Season one</h2><p>{image}</p><p>{LINE}</p>"
        f"<hr><h2>Season two</h2><figure>{image}<figcaption>At dusk</figcaption></figure>"
        f"<p>{LINE}</p><hr><h2>Season three</h2><ul><li>{image}</li></ul><p>{LINE}</p>"
    )
    body = f"<h1>Pier</h1><p>{LINE}</p>{sections}"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    html = import_html(page.encode(), "pier.html").html
    assert re.findall(r"<h2>([^<]*)</h2>", html) == ["Season one", "Season two", "Season three"]


def test_a_paragraph_that_repeats_a_heading_elsewhere_stays_a_paragraph() -> None:
    body = f"<h3>Note</h3><p>{LINE}</p><div><p>Note</p><p>{LINE} Again.</p></div>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    html = import_html(page.encode(), "pier.html").html
    assert "<p>Note</p>" in html or "Note" not in html
