"""A gallery's row of thumbnails that only open the page's viewer is not a list of pictures."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.slideshow_strips import drop_slideshow_strips

# The extractor's body for a gallery: its heading, its large picture, then the strip under it.
BODY = (
    "<body><p>The lamps on the north pier were lit at dusk by the keeper.</p>"
    '<head rend="h4">Gallery: the lamps | 14 photos</head><graphic src="lamp-0.jpg"/>'
    '<list rend="ul"><item><graphic src="lamp-1.jpg"/></item><item><graphic src="lamp-2.jpg"/>'
    '</item><item><graphic src="lamp-3.jpg"/> +10</item></list>'
    "<p>The log notes the weather and the ships that passed.</p></body>"
)


def page(href: str) -> lxml.html.HtmlElement:
    thumbs = "".join(f'<li><a href="{href}"><img src="lamp-{n}.jpg"></a></li>' for n in (1, 2))
    last = f'<li><a href="{href}"><img src="lamp-3.jpg"></a><a href="{href}">+10</a></li>'
    main = '<a href="#"><img src="lamp-0.jpg"></a>'
    return lxml.html.fromstring(f"<div><h4>Gallery</h4>{main}<ul>{thumbs}{last}</ul></div>")


def pictures_left(href: str) -> list[str | None]:
    body = etree.fromstring(BODY)
    drop_slideshow_strips(body, page(href))
    return [graphic.get("src") for graphic in body.iter("graphic")]


def test_thumbnails_opening_the_viewer_are_left_out() -> None:
    assert pictures_left("#") == ["lamp-0.jpg"]
    assert pictures_left("javascript:void(0)") == ["lamp-0.jpg"]


def test_thumbnails_linking_to_their_pictures_or_pages_stay() -> None:
    assert len(pictures_left("https://harbour.example/lamp.jpg")) == 4
    assert len(pictures_left("https://harbour.example/lamps")) == 4
