"""The author read from a page's text: a person in the article's byline, never a control,
a navigation box, a date line, a job title or a related story's byline."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html

_TEXT = (
    "<p>The lamps on the north pier were lit at dusk by the "
    "keeper, who walked the length of the pier twice each evening, whatever the weather.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches and "
    "the keeper would not trust the old gas taps in a gale.</p>"
)
_STORY = f"<h1>Lamps of the north pier</h1>{_TEXT}"


def author(body: str, head: str = "") -> str | None:
    markup = f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return import_html(markup.encode(), "a.html").author


def test_a_sign_in_label_in_the_site_header_is_no_author() -> None:
    body = (
        '<header id="site"><div class="nav-right"><span class="username">Username</span>'
        '</div></header><article><div class="sig"><span class="story-byline">By '
        f'<a href="/people/mara-quist">Mara Quist</a></span></div>{_STORY}</article>'
    )
    assert author(body) == "Mara Quist"


def test_a_follow_button_is_no_author() -> None:
    body = (
        f"<article>{_STORY}"
        '<span class="tweet-authors"><a class="follow-button" href="https://x.test/@mq">'
        'Follow @maraquist</a></span><p class="byline">By <a href="/p/mq">Mara Quist</a></p>'
        "</article>"
    )
    assert author(body) == "Mara Quist"


def test_a_navigation_box_heading_is_no_author() -> None:
    body = (
        f"<article>{_STORY}</article>"
        '<div role="navigation" class="navbox authority-list"><table><tr><th>'
        '<a href="/help/lists">Authority lists</a></th><td>Harbour records</td></tr></table></div>'
    )
    assert author(body) is None


def test_a_date_line_is_no_author() -> None:
    body = (
        '<article><div class="author-details"><div><em>Last Updated:</em> January 7, 2025'
        f"</div></div>{_STORY}</article>"
    )
    assert author(body) is None


def test_a_job_title_on_its_own_line_is_not_part_of_the_name() -> None:
    body = (
        '<article><div class="author"><a href="/author/mara-quist">Mara Quist</a>'
        f'<div class="author-title">Harbour Editor</div></div>{_STORY}</article>'
    )
    assert author(body) == "Mara Quist"


def test_a_related_story_byline_is_not_the_pages_author() -> None:
    teaser = (
        '<li><article><h2><a href="/2022/other-story.html">The south pier reopens</a></h2>'
        '<p>Work on the south pier is done.</p><div class="byline">By Ines Harrow</div>'
        "</article></li>"
    )
    body = f"<main>{_STORY}</main><ol>{teaser}</ol>"
    assert author(body) is None


def test_a_news_agency_bylined_article_keeps_the_agency_over_a_related_card() -> None:
    body = (
        '<article><header><h1>Lamps of the north pier</h1><span class="author">'
        '<a href="/auteur/agency">AFP</a></span></header><aside><ul><li><a href="/other">'
        '<h2>The south pier reopens</h2></a><span class="author">Par <span class="authorname">'
        f"Ines Harrow</span></span></li></ul></aside>{_TEXT}</article>"
    )
    assert author(body) == "AFP"


def test_a_user_name_gives_way_to_the_full_name_it_opens() -> None:
    head = (
        '<meta property="article:author" content="mara">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Lamps of the north pier", '
        '"author": [{"@type": "Person", "name": "Mara Quist"}]}</script>'
    )
    assert author(f"<article>{_STORY}</article>", head) == "Mara Quist"


@pytest.mark.parametrize("handle", ["Mara", "mq"])
def test_a_user_name_that_opens_no_full_name_stays(handle: str) -> None:
    head = f'<meta property="article:author" content="{handle}">'
    assert author(f"<article>{_STORY}</article>", head) == handle


def test_the_sites_name_split_at_its_ampersand_is_no_author() -> None:
    head = (
        '<meta property="og:site_name" content="Pier &amp; i">'
        '<meta name="DC.creator" content="Pier &amp; i">'
    )
    assert author(f"<article>{_STORY}</article>", head) is None


def test_a_blog_posts_own_header_holds_its_byline() -> None:
    body = (
        '<header id="site"><a href="/">Pier notes</a></header><div class="post"><header>'
        '<h2>Lamps of the north pier</h2><div class="author">Mara Quist</div></header>'
        f"{_TEXT}</div>"
    )
    assert author(body) == "Mara Quist"


def test_every_dublin_core_creator_in_reading_order() -> None:
    head = (
        '<meta name="DC.Creator" content="Quist, M.">'
        '<meta name="DC.Creator" content="Harrow, Ines">'
    )
    assert author(f"<article>{_STORY}</article>", head) == "M. Quist, Ines Harrow"


def test_a_degree_after_the_comma_is_no_given_name() -> None:
    head = '<meta name="DC.Creator" content="Mara Quist, PhD">'
    assert author(f"<article>{_STORY}</article>", head) == "Mara Quist, PhD"
