"""The site's own chrome around an article: its logo, its banner, its language bars."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html
from reader.importers.site_chrome import site_chrome

BODY = (
    "<h1>Styles in the harbour log</h1><p>Every entry in the harbour log uses one of four "
    "styles, chosen from the sidebar before the keeper starts to write the evening's notes.</p>"
    "<p>The styles can be changed for one log book and saved as a template for the next.</p>"
)


def imported(body: str, title: str = "Styles in the harbour log") -> tuple[str, str | None]:
    head = f'<meta charset="utf-8"><title>{title}</title>'
    article = import_html(f"<html><head>{head}</head><body>{body}</body></html>".encode(), "p.html")
    return article.text, article.site


def test_the_site_logo_above_every_page_is_not_the_article() -> None:
    logo = (
        '<header id="TopLeftHeader"><a class="logo" href="index.html"><p>Harbour 7.4 Help</p>'
        '</a><div class="dropdowns"><button type="button">Module</button></div></header>'
    )
    text, _ = imported(f'{logo}<div id="DisplayArea">{BODY}</div>')
    assert "Harbour 7.4 Help" not in text
    assert text.startswith("Every entry in the harbour log")


def test_a_sentence_about_logging_out_is_not_a_logo() -> None:
    note = '<p class="logout-note">Log out before you leave the hut.</p>'
    text, _ = imported(f"<article>{BODY}{note}</article>")
    assert "Log out before you leave the hut." in text


def manual_page(content: str) -> tuple[str, str | None]:
    """A page of a software manual: a menu, the manual's name, then the page's own content."""
    header = (
        '<div id="page-header"><p class="menu"><a href="/mod/">Modules</a> | '
        '<a href="/faq.html">FAQ</a> | <a href="/map.html">Sitemap</a></p>'
        '<p class="apache">Harbour Log Manual 2.4</p><img alt="" src="feather.png"></div>'
    )
    path = '<div id="path"><a href="/">Harbour</a> &gt; <a href="/docs/">Docs</a></div>'
    main = f'<div id="page-content"><div id="preamble"><h1>Log styles</h1>{content}</div></div>'
    body = header + path + main
    return imported(body, "Log styles - Harbour Log Manual 2.4")


LANGUAGES = (
    '<div class="toplang"><p><span>Available Languages: </span><a href="/en/log.html" '
    'title="English">&nbsp;en&nbsp;</a> | <a href="/fr/log.html" hreflang="fr" '
    'rel="alternate">&nbsp;fr&nbsp;</a> | <a href="/ja/log.html" hreflang="ja">'
    "&nbsp;ja&nbsp;</a></p></div>"
)


def test_a_banner_naming_the_site_does_not_open_the_article() -> None:
    text, site = manual_page(BODY.replace("<h1>Styles in the harbour log</h1>", ""))
    assert site == "Harbour Log Manual 2.4"
    assert text.startswith("Every entry in the harbour log")


def test_a_short_page_loses_its_menu_banner_and_language_bar_but_not_its_links() -> None:
    content = (
        f'{LANGUAGES}<div class="warning">This page has moved to the pages on each pier.</div><ul>'
        '<li><b>North pier</b> - See <a href="north.html">North pier styles</a></li>'
        '<li><b>South pier</b> - See <a href="south.html">South pier styles</a></li></ul>'
    )
    text, _ = manual_page(content)
    assert text == (
        "This page has moved to the pages on each pier.\n\n"
        "North pier - See North pier styles\n\nSouth pier - See South pier styles"
    )


def test_an_index_page_of_links_keeps_its_lists_once_the_chrome_is_gone() -> None:
    lists = "".join(
        f'<div class="category"><h2><a name="s{n}">Section {n}</a></h2><ul>'
        + "".join(f'<li><a href="p{n}{m}.html">Page {n}.{m} of the log</a></li>' for m in range(4))
        + "</ul></div>"
        for n in range(3)
    )
    text, _ = manual_page(f"{LANGUAGES}<table><tr><td>{lists}</td></tr></table>")
    assert "Section 0\n\nPage 0.0 of the log\n\nPage 0.1 of the log" in text
    assert "Page 2.3 of the log" in text
    for chrome in ("Modules", "Available Languages", "Harbour Log Manual"):
        assert chrome not in text


def test_a_paragraph_holding_an_anchor_and_one_link_is_no_menu_bar() -> None:
    topics = "".join(
        f'<div class="embedded"><p><a name="t{n}"></a><a href="t{n}.html">Topic {n} of the '
        "lamp log</a></p></div>"
        for n in range(4)
    )
    text, _ = manual_page(f"<p>There are several ways to light a lamp.</p>{topics}")
    assert text == "There are several ways to light a lamp.\n\n" + "\n\n".join(
        f"Topic {n} of the lamp log" for n in range(4)
    )


def test_the_shops_boxes_beside_the_article_are_not_imported() -> None:
    shop = (
        '<aside class="shop-widget"><div class="product-card"><p>Brass storm lantern</p>'
        '<p class="price">$49.99</p><button type="button">Add to cart</button></div></aside>'
        '<div class="promo-banner"><p>Free shipping on orders over $50. Shop now!</p></div>'
    )
    text, _ = imported(f"<article>{BODY}</article>{shop}")
    assert text.startswith("Every entry in the harbour log")
    for junk in ("Brass storm lantern", "$49.99", "Add to cart", "Free shipping"):
        assert junk not in text


def test_logos_are_found_by_a_class_or_id_in_any_case_on_the_elements_that_hold_them() -> None:
    page = lxml.html.document_fromstring(
        "<html><body><span class='Site-LOGO'>Harbour Help</span><nav id='x logos'>Quay</nav>"
        "<div class='logout'>Sign out</div><h2 class='logo'>A heading</h2>"
        "<a class='brand' id='main_logo_link' href='/'>Pier</a><p>Body words here.</p>"
        "</body></html>"
    )
    assert site_chrome(page) == {"Harbour Help", "Quay", "Pier"}
