"""A lazy figure with no <img>, named only by its microdata, keeps its picture."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html
from reader.importers.image_objects import fill_image_objects

LINE = (
    "The lamps on the pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening, in all weathers, with a lantern and a can of oil."
)
PHOTO = "https://images.example/2019/pier-large.jpg?quality=90"


def _figure(itemid: str, inner: str = "") -> str:
    return (
        f'<figure itemscope itemtype="http://schema.org/ImageObject" itemid="{itemid}">'
        f'<div class="lazy"><span>Image</span><div style="height:257px"></div></div>{inner}'
        "<figcaption>The north pier at dusk. Credit Ines</figcaption></figure>"
    )


def filled(figure: str) -> list[str]:
    tree = lxml.html.document_fromstring(f"<body>{figure}</body>")
    fill_image_objects(tree)
    return [image.get("src") or "" for image in tree.iter("img")]


def test_the_microdata_address_becomes_the_figures_picture_before_its_caption() -> None:
    tree = lxml.html.document_fromstring(f"<body>{_figure(PHOTO)}</body>")
    fill_image_objects(tree)
    image = next(tree.iter("img"))
    assert image.get("src") == PHOTO
    assert image.getnext().tag == "figcaption"


def test_a_content_url_inside_the_figure_is_read_too() -> None:
    meta = f'<meta itemprop="contentUrl" content="{PHOTO}">'
    assert filled(_figure("", meta)) == [PHOTO]


def test_figures_with_a_picture_or_no_image_address_are_left_alone() -> None:
    assert filled(_figure(PHOTO, '<img src="own.jpg">')) == ["own.jpg"]
    assert filled(_figure("https://news.example/story/123")) == []
    assert filled(_figure("javascript:void(0).jpg")) == []


def test_an_imported_article_keeps_the_lazy_figure_and_its_caption() -> None:
    paragraphs = "".join(f"<p>{LINE} {n}</p>" for n in range(3))
    body = f"<article>{paragraphs}{_figure(PHOTO)}{paragraphs}</article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "pier.html")
    assert article.html.count("<img") == 1
    assert "The north pier at dusk" in article.text
