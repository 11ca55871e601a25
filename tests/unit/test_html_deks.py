"""The subtitle set right under the article's headline (its dek) is kept."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.deks import restore_dek
from reader.importers.html import import_html
from reader.importers.tree import text_of

LINE = (
    "The lamps on the pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening, in all weathers, with a lantern and a can of oil."
)
DEK = "A keeper's forty winters on the north pier, told by his daughter."


def restored(header: str, after: str = "") -> list[tuple[str, str | None, str]]:
    page = f"<body><article><header>{header}</header><p>{LINE}</p></article>{after}</body>"
    body = etree.Element("body")
    etree.SubElement(body, "p").text = LINE
    restore_dek(body, lxml.html.document_fromstring(page))
    return [(e.tag, e.get("rend"), text_of(e)) for e in body]


def test_a_dek_heading_under_the_headline_comes_back_as_that_heading() -> None:
    header = f'<h1>The pier</h1><h2 itemprop="description">{DEK}</h2>'
    assert restored(header) == [("head", "h2", DEK), ("p", None, LINE)]


def test_a_dek_paragraph_comes_back_as_a_paragraph() -> None:
    header = f'<h1>The pier</h1><p class="article-dek">{DEK}</p>'
    assert restored(header) == [("p", None, DEK), ("p", None, LINE)]


def test_lines_not_named_a_dek_or_too_short_stay_out() -> None:
    assert restored(f'<h1>The pier</h1><p class="byline">{DEK}</p>') == [("p", None, LINE)]
    assert restored('<h1>The pier</h1><p class="subtitle">By Ines</p>') == [("p", None, LINE)]


def test_a_banners_subtitle_below_the_article_is_no_dek() -> None:
    banner = f'<div><h1>See fewer ads</h1><h2 class="banner__subtitle">{DEK}</h2></div>'
    assert restored("<h1>The pier</h1>", banner) == [("p", None, LINE)]


def test_a_dek_the_extractor_kept_is_said_once() -> None:
    header = f'<header><h1>The pier</h1><h2 itemprop="description">{DEK}</h2></header>'
    body = f"<article>{header}<div>{''.join(f'<p>{LINE} {n}</p>' for n in range(3))}</div>"
    page = f"<html><head><title>The pier</title></head><body>{body}</article></body></html>"
    article = import_html(page.encode(), "pier.html")
    assert f"<h2>{DEK}</h2>" in article.html.replace("&#39;", "'")
    assert article.text.count("forty winters") == 1
