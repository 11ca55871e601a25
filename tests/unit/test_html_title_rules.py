"""Which of a page's titles becomes the article's: meta tags, JSON-LD, <title> and <h1>."""

from __future__ import annotations

from reader.importers.html import import_html

BODY = (
    "<article><p>The lamps on the north pier were lit at dusk by the keeper, who walked the "
    "length of the pier twice each evening.</p><p>In winter the walk was made with a lantern, "
    "since the wind put out the matches.</p></article>"
)


def title_of(head: str, body: str = BODY) -> str:
    markup = f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return import_html(markup.encode(), "page.html").title


def test_dublin_core_title_names_the_document() -> None:
    head = (
        '<meta property="og:title" content="Share this: lamps!">'
        '<meta name="DC.title" content="Lamps of the north pier">'
        "<title>Unrelated page title</title>"
    )
    assert title_of(head) == "Lamps of the north pier"


def test_dublin_core_title_confirmed_inside_a_longer_page_title() -> None:
    head = (
        '<meta name="dc.title" content="pierLamps">'
        "<title>draft-keeper-pierlamps-04 - pierLamps</title>"
    )
    assert title_of(head) == "pierLamps"


def test_parsely_title_when_the_page_has_no_other() -> None:
    head = '<meta name="parsely-title" content="Lamps of the north pier">'
    body = "<h1>Harbour notes</h1>" + BODY
    assert title_of(head, body) == "Lamps of the north pier"


def test_json_ld_wrapped_in_cdata_is_read() -> None:
    head = (
        '<script type="application/ld+json">\n<![CDATA[\n{"@type": "NewsArticle", '
        '"headline": "Lamps of the north pier"}\n]]>\n</script>'
        '<meta property="og:title" content="You will not believe these lamps">'
        "<title>Lamps of the north pier - Harbour Press</title>"
    )
    assert title_of(head) == "Lamps of the north pier"


def test_an_empty_title_element_does_not_hide_the_real_one() -> None:
    head = "<title></title><title>Lamps of the north pier</title>"
    assert title_of(head) == "Lamps of the north pier"


def test_site_logo_heading_at_the_end_of_the_title_is_the_site() -> None:
    head = "<title>Outside the harbour: lamps of the north pier · PL</title>"
    body = "<header><h1>PL</h1></header>" + BODY
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    article = import_html(markup.encode(), "page.html")
    assert (article.title, article.site) == ("Outside the harbour: lamps of the north pier", "PL")


def test_short_headline_after_a_site_name_stays_the_headline() -> None:
    # "Site | Headline": the heading is the headline here, the rule must not take the site.
    head = "<title>Harbour Press | Pier lamps</title>"
    assert title_of(head, "<h1>Pier lamps</h1>" + BODY) == "Pier lamps"


def test_a_logo_heading_linking_home_is_not_the_headline() -> None:
    head = "<title>Winter lighting: the north pier — Pier lamps handbook</title>"
    body = (
        '<div class="header"><h1><a href="../index.html">Pier lamps handbook</a></h1></div>'
        '<h1><a href="#contents">Winter lighting: the north pier</a></h1>' + BODY
    )
    assert title_of(head, body) == "Winter lighting: the north pier"


def test_a_headline_linking_to_its_own_page_stays_the_headline() -> None:
    head = "<title>Harbour Press | Pier lamps</title>"
    body = '<h1><a href="/2024/11/pier-lamps/">Pier lamps</a></h1>' + BODY
    assert title_of(head, body) == "Pier lamps"


def test_a_site_suffix_after_the_headline_is_the_site() -> None:
    head = "<title>Lamps of the north pier · PL</title>"
    body = '<header><h1><a href="/">PL</a></h1></header><h1>Lamps of the north pier</h1>' + BODY
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    article = import_html(markup.encode(), "page.html")
    assert (article.title, article.site) == ("Lamps of the north pier", "PL")


def test_a_two_part_suffix_names_the_section_then_the_site() -> None:
    head = "<title>北码头的灯_科技_港口网</title>"
    body = "<h1>北码头的灯</h1>" + BODY
    markup = f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    article = import_html(markup.encode(), "page.html")
    assert (article.title, article.site, article.section) == ("北码头的灯", "港口网", "科技")


def test_a_hyphenated_site_name_is_one_name() -> None:
    head = "<title>Lamps of the north pier - Pier-Lamps Weekly</title>"
    markup = f"<html><head>{head}</head><body><h1>Lamps of the north pier</h1>{BODY}</body></html>"
    article = import_html(markup.encode(), "page.html")
    assert (article.site, article.section) == ("Pier-Lamps Weekly", None)
