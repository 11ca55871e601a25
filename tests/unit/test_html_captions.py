"""A figure's caption is kept with its image."""

from __future__ import annotations

from reader.importers.html import import_html
from tests.hostile_images import data_uri, png

LINE = (
    "The lamps on the pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening, in all weathers, with a lantern and a can of oil."
)


def test_a_figure_caption_follows_its_image() -> None:
    figure = (
        f'<figure><img src="{data_uri(png(40, 30))}" alt="Pier">'
        "<figcaption>The north pier at dusk. Photo: the harbour office</figcaption></figure>"
    )
    body = f"<article><p>{LINE}</p>{figure}<p>{LINE} Again.</p><p>{LINE} Last.</p></article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "pier.html")
    assert "<figcaption>The north pier at dusk. Photo: the harbour office</figcaption>" in (
        article.html
    )
    assert article.html.index("<img") < article.html.index("<figcaption>")
    assert article.text.count("The north pier at dusk") == 1


def test_a_caption_of_several_lines_is_said_once() -> None:
    lines = '<p class="caption">The north pier at dusk.</p><p class="source">(Photo: harbour)</p>'
    figure = f'<figure><img src="{data_uri(png(40, 30))}"><figcaption>{lines}</figcaption></figure>'
    body = f"<article><p>{LINE}</p>{figure}<p>{LINE} Again.</p><p>{LINE} Last.</p></article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "pier.html")
    assert "<figcaption>The north pier at dusk. (Photo: harbour)</figcaption>" in article.html
    assert article.text.count("The north pier at dusk") == 1


def test_a_caption_box_after_its_picture_box_is_the_caption() -> None:
    picture = f'<div class="image"><img src="{data_uri(png(40, 30))}"></div>'
    figure = f'{picture}<span class="caption">The north pier at dusk</span>'
    body = f"<article><p>{LINE}</p>{figure}<p>{LINE} Again.</p><p>{LINE} Last.</p></article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "pier.html")
    assert "<figcaption>The north pier at dusk</figcaption>" in article.html
    assert article.text.count("The north pier at dusk") == 1
