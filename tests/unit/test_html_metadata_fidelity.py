"""Metadata of real-world kinds of page: manual pages, site suffixes, publishers, Word HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.importers.html import import_html
from reader.importers.html_metadata import strip_site_name

DATA = Path(__file__).parent.parent / "data" / "html"


def imported(name: str) -> Article:
    return import_html((DATA / name).read_bytes(), name)


def page(head: str, body: str = "") -> bytes:
    text = (
        "<article><h1>Lamps of the north pier</h1><p>The lamps on the north pier were lit at "
        "dusk by the keeper, who walked the length of the pier twice each evening.</p><p>In "
        "winter the walk was made with a lantern, since the wind put out the matches.</p>"
        "</article>"
    )
    markup = f'<html><head><meta charset="utf-8">{head}</head><body>{body or text}</body></html>'
    return markup.encode()


def test_man_page_is_titled_by_its_name_line() -> None:
    article = imported("manpage.html")
    assert article.title == "lampctl — light, dim and put out the harbour lamps"


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("NAME", "ls - list directory contents", "ls — list directory contents"),
        ("名称", "ls - 列出目录内容", "ls — 列出目录内容"),
        (
            "名前",
            "ls - ディレクトリの内容をリスト表示する",
            "ls — ディレクトリの内容をリスト表示する",
        ),
    ],
)
def test_man_pages_in_three_languages_are_titled_by_their_name_line(
    name: str, line: str, expected: str
) -> None:
    body = (
        f'<div class="manual-text"><h1 class="Sh" id="NAME">{name}</h1><p>{line}</p>'
        '<h1 class="Sh">SYNOPSIS</h1><p><b>ls</b> [OPTION]... [FILE]...</p>'
        '<h1 class="Sh">DESCRIPTION</h1><p>List information about the FILEs (the current '
        "directory by default), sorted alphabetically unless an option says otherwise.</p></div>"
    )
    assert import_html(page("<title>LS(1)</title>", body), "ls.1.html").title == expected


def test_docbook_page_in_japanese_is_titled_by_its_name_line() -> None:
    article = imported("docbook-ja.html")
    assert article.title == "lampctl — 港の灯台を点灯・消灯する"
    assert "説明\n\nコマンドラインで" in article.text  # headings stay paragraphs of their own


def test_site_suffix_publisher_breadcrumb_and_junk_section() -> None:
    article = imported("suffix-publisher.html")
    assert article.title == "Ferry timetable changes for the winter season"
    assert article.author == "Mara Quist"  # not the publisher named in meta and JSON-LD
    assert article.site == "Harbour Gazette"
    assert article.section == "Transport"  # from the breadcrumbs, not the junk "tags"
    assert article.published == date(2024, 11, 2)


def test_word_html_author_and_date() -> None:
    article = imported("word.html")
    assert article.author == "Ines Harrow"
    assert article.published == date(2023, 3, 14)
    assert article.title == "Minutes of the lamp keepers' meeting"
    assert "<h2>Rota</h2><p>Each keeper takes one week in four" in article.html


def test_site_without_a_name_is_the_readable_host() -> None:
    article = imported("afpbb-like.html")
    assert article.site == "minatoshinbun.example"
    assert article.title == "港の灯台、来月から新しい灯に"


def test_site_name_from_open_graph() -> None:
    head = (
        '<meta property="og:site_name" content="AFPBB News">'
        "<title>Lamps of the north pier - AFPBB News</title>"
    )
    article = import_html(page(head), "a.html")
    assert (article.site, article.title) == ("AFPBB News", "Lamps of the north pier")


def test_meta_section_is_read() -> None:
    article = import_html(page('<meta name="section" content="Harbour life">'), "a.html")
    assert article.section == "Harbour life"


def test_generic_og_title_gives_way_to_the_headline_the_title_confirms() -> None:
    head = (
        '<meta property="og:title" content="News from the Harbour Press">'
        "<title>Lamps of the north pier | Harbour Press</title>"
    )
    assert import_html(page(head), "a.html").title == "Lamps of the north pier"


def test_json_ld_description_as_headline_gives_way_to_the_h1() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Wikimedia list '
        'article"}</script><title>Lamps of the north pier - Piers wiki</title>'
    )
    assert import_html(page(head), "a.html").title == "Lamps of the north pier"


def test_space_separated_meta_properties() -> None:
    head = '<meta property="og:title twitter:title" content="Lamps of the north pier">'
    assert import_html(page(head, "<p>" + "Words of the article. " * 20 + "</p>"), "a").title == (
        "Lamps of the north pier"
    )


def test_json_ld_organization_is_never_the_author() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lamps", '
        '"author": {"@type": "Organization", "name": "Pier Media"}}</script>'
    )
    assert import_html(page(head), "a.html").author != "Pier Media"


@pytest.mark.parametrize(
    ("title", "host", "expected"),
    [
        ("Mozilla - Wikipedia", "en.wikipedia.org", "Mozilla"),
        ("How to Build a Terrarium | eHow", "ehow.com", "How to Build a Terrarium"),
        ("Lamps - a history", "harbour.example", "Lamps - a history"),
        ("Lamps, chapter 2 [Pier Tales]", "piertales.example", "Lamps, chapter 2"),
    ],
)
def test_site_suffix_named_by_the_host(title: str, host: str, expected: str) -> None:
    assert strip_site_name(title, host, domain=True) == expected


def test_author_name_as_title_suffix() -> None:
    head = (
        '<meta name="author" content="Ines Harrow">'
        "<title>Lamps of the north pier | Notes | Ines Harrow</title>"
    )
    body = "<article><p>" + "The keeper lit the lamps at dusk. " * 12 + "</p></article>"
    assert import_html(page(head, body), "a.html").title == "Lamps of the north pier | Notes"


def test_a_docs_title_of_three_dashed_parts_keeps_headline_and_site_apart() -> None:
    head = "<title>lampctl.wick — Wick trimming &#8212; Lantern 2.1 documentation</title>"
    body = (
        '<div class="body" role="main"><h1><a href="#module-lampctl.wick"><code>lampctl.wick'
        '</code></a> — Wick trimming<a class="headerlink" href="#m">¶</a></h1><p>The module '
        "trims every wick of the harbour lamps to the same height before dusk, so that each "
        "flame burns evenly and none of the glasses blackens during the night.</p></div>"
    )
    article = import_html(page(head, body), "wick.html")
    assert article.title == "lampctl.wick — Wick trimming"
    assert article.site == "Lantern 2.1 documentation"


@pytest.mark.parametrize(
    ("value", "section"),
    [("/world/middle_east", "World"), ("/local-news/", "Local news"), ("nil", None)],
)
def test_a_section_given_as_a_path_or_a_placeholder_reads_as_words_or_none(
    value: str, section: str | None
) -> None:
    article = import_html(page(f'<meta property="article:section" content="{value}">'), "a.html")
    assert article.section == section


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By <b>Ines Marta Harrow</b>\n<br>March 25, 2015", "Ines Marta Harrow"),
        ("By <b>Ines Harrow</b>\n<br>Tuesday 4 June", "Ines Harrow"),
        # A name ending in a month's word, no date after it: whole.
        ("By <b>Ines Harrow May</b>", "Ines Harrow May"),
    ],
)
def test_byline_box_date_is_not_part_of_the_name(byline: str, expected: str) -> None:
    body = (
        '<div class="main"><h1>Lamps of the north pier</h1>'
        f'<div class="FeatureByline">{byline}</div>'
        "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length "
        "of the pier twice each evening, noting every lamp that failed.</p><p>In winter the "
        "walk was made with a lantern, since the wind off the harbour put out the matches "
        "before they reached the wick.</p></div>"
    )
    assert import_html(page("", body), "a.html").author == expected
