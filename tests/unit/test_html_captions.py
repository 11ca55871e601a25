"""A figure's caption is kept with its image."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.captions import restore_captions
from reader.importers.html import import_html
from reader.importers.tree import text_of
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


def test_the_credit_after_a_figure_without_caption_follows_its_image() -> None:
    # Each figure's credit is the short paragraph after it, mostly a link: the extractor
    # drops it; two pictures by one artist each get theirs back.
    credit = '<p>(<span><a href="https://art.example/ines">Artist: Ines</a></span>)</p>'
    figures = [
        f'<figure><img src="{data_uri(png(40, 30 + n))}" alt="Pier"></figure>' for n in (0, 1)
    ]
    first, second = (f"{figure}{credit}" for figure in figures)
    body = f"<p>{LINE}</p>{first}<p>{LINE} Again.</p>{second}<p>{LINE} Last.</p>"
    page = f"<html><head><title>Pier</title></head><body><article>{body}</article></body></html>"
    article = import_html(page.encode(), "pier.html")
    assert article.html.count("<img") == 2
    assert article.html.count("<figcaption>(Artist: Ines)</figcaption>") == 2
    assert article.text.count("(Artist: Ines)") == 2


def test_an_ad_slot_between_a_figure_and_its_credit_is_passed_over() -> None:
    figure = f'<figure><img src="{data_uri(png(40, 30))}" alt="Pier"></figure>'
    slot = '<div class="ad"><span>Advertisement</span><div id="slot-3"></div></div>'
    credit = '<p>(<a href="https://art.example/ines">Artist: Ines</a>)</p>'
    body = f"<p>{LINE}</p>{figure}{slot}{credit}<p>{LINE} Again.</p><p>{LINE} Last.</p>"
    page = f"<html><head><title>Pier</title></head><body><article>{body}</article></body></html>"
    html = import_html(page.encode(), "pier.html").html
    assert html.index("<img") < html.index("<figcaption>(Artist: Ines)</figcaption>")


def test_a_caption_named_by_its_class_follows_its_image() -> None:
    # No <figure>: a picture's box, then a box whose class says caption. The extractor's
    # body (its XML, as trafilatura gives it) kept the picture and dropped the caption.
    picture = '<div class="media"><div class="image"><img src="pier.png"></div></div>'
    caption = (
        '<div class="media-caption">The pier lamps at <a href="https://lamps.example/">dusk'
        "</a>. Image: the harbour office</div>"
    )
    source = lxml.html.fromstring(f"<html><body><p>{LINE}</p>{picture}{caption}</body></html>")
    body = etree.fromstring(f'<body><p>{LINE}</p><graphic src="pier.png"/><p>Next.</p></body>')
    restore_captions(body, source)
    assert [element.tag for element in body] == ["p", "graphic", "figcaption", "p"]
    assert body[2].text == "The pier lamps at dusk. Image: the harbour office"
    restore_captions(body, source)  # a caption kept already is not put back twice
    assert [element.tag for element in body].count("figcaption") == 1


def test_a_box_whose_class_says_caption_but_holds_the_pictures_gives_none() -> None:
    images = "".join(f'<img src="{data_uri(png(40, 30 + n))}">' for n in (0, 1))
    gallery = f'<div class="gallery-caption-box">{images}<span>Two lamps</span></div>'
    body = f"<p>{LINE}</p>{gallery}<p>{LINE} Again.</p><p>{LINE} Last.</p>"
    page = f"<html><head><title>Pier</title></head><body><article>{body}</article></body></html>"
    assert "<figcaption>" not in import_html(page.encode(), "pier.html").html


def test_a_picture_shown_again_gets_its_caption_once() -> None:
    # A gallery's slides all show one stand-in picture until a script loads theirs.
    figure = '<figure><img src="wait.png"><figcaption>The north pier</figcaption></figure>'
    source = lxml.html.fromstring(f"<html><body><p>{LINE}</p>{figure * 3}</body></html>")
    slides = '<graphic src="wait.png"/>' * 3
    body = etree.fromstring(f"<body><p>{LINE}</p>{slides}</body>")
    restore_captions(body, source)
    assert [element.tag for element in body].count("figcaption") == 1


def test_a_credit_inside_the_figure_is_its_caption_not_the_line_after_it() -> None:
    source = lxml.html.document_fromstring(
        '<html><body><figure><div><img src="pier.jpg" alt="Pier">'
        "<div>HARBOUR OFFICE</div></div></figure>"
        f"<p>By Ann Keeper, 22 Dec 2016</p><p>{LINE}</p></body></html>"
    )
    body = etree.fromstring(f'<body><graphic src="pier.jpg"/><p>{LINE}</p></body>')
    restore_captions(body, source)
    assert [text_of(caption) for caption in body.iter("figcaption")] == ["HARBOUR OFFICE"]


def test_a_figcaption_after_its_figure_outside_it_is_the_caption() -> None:
    # A step's box sets the <figcaption> after the <figure>, not inside it.
    source = lxml.html.document_fromstring(
        '<div class="box"><figure><img src="pier.png"></figure>'
        "<figcaption> The north pier at dusk (Ines) </figcaption></div>"
    )
    body = etree.Element("body")
    etree.SubElement(body, "p").text = LINE
    etree.SubElement(body, "graphic", src="pier.png")
    restore_captions(body, source)
    assert [(e.tag, text_of(e)) for e in body][1:] == [
        ("graphic", ""),
        ("figcaption", "The north pier at dusk (Ines)"),
    ]


def test_a_caption_the_extractor_kept_as_lines_is_the_pictures_caption() -> None:
    # A short item: the extractor keeps the figcaption's sentence (a paragraph in a span) as
    # a paragraph of the article and its credit as loose text after it. Both are the
    # picture's caption again, said once.
    caption = (
        '<figcaption><span class="caption"><p>The north pier at dusk, before the lamps.</p>'
        '</span><span class="credit"> Harbour office </span></figcaption>'
    )
    figure = f'<figure><span><img src="{data_uri(png(40, 30))}" alt="Pier"></span>{caption}'
    body = f"<nav><a href='/'>Home</a></nav><article>{figure}</figure><p>{LINE}</p></article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "pier.html")
    html = article.html
    assert "<figcaption>The north pier at dusk, before the lamps.<br>Harbour office</fig" in html
    assert html.index("<img") < html.index("<figcaption>")
    assert article.text.count("Harbour office") == 1
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [" ".join(p.text_content().split()) for p in root.iter("p")] == [LINE]
    assert (root.text or "").strip() == ""
    assert all(not (child.tail or "").strip() for child in root)


def test_kept_caption_lines_keep_their_links_and_order() -> None:
    figure = (
        '<figure><img src="pier.png"><figcaption><p>Keepers from the <a href="/guild">Guild'
        "</a> at the pier.</p><span>Photo: Ines</span></figcaption></figure>"
    )
    source = lxml.html.fromstring(f"<html><body>{figure}<p>{LINE}</p></body></html>")
    body = etree.fromstring(
        '<body><graphic src="pier.png"/><p>Keepers from the <ref target="/guild">Guild</ref>'
        f" at the pier.</p>Photo: Ines<p>{LINE}</p></body>"
    )
    restore_captions(body, source)
    assert [element.tag for element in body] == ["graphic", "figcaption", "p"]
    assert etree.tostring(body[1], encoding="unicode") == (
        '<figcaption>Keepers from the <ref target="/guild">Guild</ref> at the pier.'
        "<lb/>Photo: Ines</figcaption>"
    )


def test_kept_lines_saying_more_than_the_caption_stay_the_articles() -> None:
    # The line after a figure without a caption is read as its credit only when the
    # extractor dropped it; and lines that run on past a caption are the article's.
    source = lxml.html.fromstring(
        '<html><body><figure><img src="a.png"></figure><p>The keeper said no.</p>'
        '<figure><img src="b.png"><figcaption>The pier</figcaption></figure>'
        f"<p>{LINE}</p></body></html>"
    )
    xml = (
        '<body><graphic src="a.png"/><p>The keeper said no.</p>'
        f'<graphic src="b.png"/><p>The pier</p>at dusk<p>{LINE}</p></body>'
    )
    body = etree.fromstring(xml)
    restore_captions(body, source)
    assert etree.tostring(body, encoding="unicode") == xml
