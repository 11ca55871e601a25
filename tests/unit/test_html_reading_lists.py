"""Reading lists (a heading over links to other sites) kept in the article; link menus not."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html
from reader.importers.reading_lists import ReadingLists

PARAGRAPHS = (
    "The lamps on the north pier were lit at dusk by the keeper, who walked out along the "
    "breakwater with a can of oil and a box of wicks whatever the weather.",
    "In winter the walk was made with a lantern, since the wind off the sea put out the "
    "matches before they could reach the wick, and the spray froze on the rail.",
    "The keeper's log records every night the lamps failed, and why: a cracked chimney, a "
    "gull in the housing, once a wick trimmed too short by a tired apprentice.",
    "When the harbour board brought in gas in 1911, the keeper stayed on to tend the mantles, "
    "and the log goes on in the same hand for another twenty years after that.",
)
MENU = "".join(
    f'<li><a href="/{name.lower()}/">{name}</a></li>'
    for name in ("Home", "Archive", "Harbours", "Lamps", "Keepers", "About", "Contact")
)


def page(between: str, closing: str = "") -> bytes:
    first, second, third, fourth = (f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        "<html><head><title>The pier lamps</title></head><body>"
        f'<div id="menu"><ul>{MENU}</ul></div>'
        f'<div id="main"><div class="article"><h1>The pier lamps</h1>{first}{second}'
        f"{between}{third}{fourth}{closing}</div></div>"
        f'<div id="footer"><ul>{MENU}</ul></div></body></html>'
    ).encode()


def links(*targets: str) -> str:
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in pairs(targets))
    return f"<ul>{items}</ul>"


def pairs(targets: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(href, f"Site {number}") for number, href in enumerate(targets, start=1)]


OUTSIDE = ("https://lamps.example/oil/", "https://wicks.example/", "https://glass.example/c")


def test_a_heading_over_links_to_other_sites_between_paragraphs_is_kept() -> None:
    html = import_html(page(f"<h2>Suppliers</h2>{links(*OUTSIDE)}"), "pier.html").html
    assert "<h2>Suppliers</h2>" in html
    assert '<a href="https://wicks.example/"' in html  # the items keep their links
    assert html.index("Suppliers") < html.index(PARAGRAPHS[2][:30])


def test_a_sources_list_closing_the_article_is_kept() -> None:
    closing = f"<h2>Sources &amp; links</h2>{links(*OUTSIDE)}"
    html = import_html(page("", closing), "pier.html").html
    assert "Sources &amp; links" in html and html.count("<li>") == 3
    assert html.index(PARAGRAPHS[3][:30]) < html.index("Sources")


def test_links_back_to_the_site_and_share_buttons_stay_out() -> None:
    related = links("/lamps/one", "/lamps/two", "/keepers/three")
    share = links(
        "https://social.example/share?u=http%3A%2F%2Fpier.example%2F",
        "https://chat.example/intent?text=pier",
    )
    html = import_html(page(f"<h2>Related</h2>{related}", f"<h2>Share</h2>{share}"), "p.html").html
    assert "<li>" not in html and "Site 1" not in html


def test_a_list_of_links_to_one_outside_site_is_no_reading_list() -> None:
    source = lxml.html.document_fromstring(page(links(*["https://one.example/a"] * 4)))
    listing = source.xpath("//div[@class='article']/ul")[0]
    assert not ReadingLists(source).is_reading_list(listing)
    mixed = lxml.html.document_fromstring(page(links(*OUTSIDE)))
    assert ReadingLists(mixed).is_reading_list(mixed.xpath("//div[@class='article']/ul")[0])


def closing_links_section(entries: str) -> str:
    """A closing "External links" section as an encyclopedia sets it: a sister archive's
    badge (a box marked as presentation, its icon a link) beside the list, a navigation box
    after it."""
    badge = (
        '<table role="presentation"><tr><td><a href="/file/archive-logo">'
        '<img src="https://img.example/archive.png" width="30" height="40" alt=""></a></td>'
        "<td>The harbour archive has media related to <i><b>"
        '<a href="https://archive.example/pier">Pier lamps</a></b></i>.</td></tr></table>'
    )
    navigation = f'<div role="navigation"><ul>{MENU}</ul></div>'
    return f"<h2>External links</h2>{badge}<ul>{entries}</ul>{navigation}"


ENTRIES = (
    '<li><a href="https://lamps.example/">Official website</a>, including '
    '<a href="https://lamps.example/history">the lamp history</a></li>'
    '<li><a href="https://wicks.example/">Wick makers</a>'
    '(<a href="https://wicks.example/timeline">a timeline of the trade</a>)</li>'
    '<li><a href="https://glass.example/c">Glass chimney catalogue</a></li>'
)


def test_a_closing_section_of_links_saying_a_little_more_is_kept_without_its_badge() -> None:
    html = import_html(page("", closing_links_section(ENTRIES)), "pier.html").html
    assert "<h2>External links</h2>" in html
    assert html.index(PARAGRAPHS[3][:30]) < html.index("External links")
    assert html.count("<li>") == 3
    # Each entry whole, its words around the links kept and every link with them.
    assert "</a>, including <a" in html and 'href="https://wicks.example/timeline"' in html
    # Nothing of the badge beside the list: not its line, nor its link left loose ("Pier lamps.").
    assert "Pier lamps" not in html and "archive" not in html


def test_a_closing_section_of_links_back_to_the_site_stays_out() -> None:
    related = (
        '<li><a href="/lamps/one">The north pier lamps relit</a>, with photos</li>'
        '<li><a href="/lamps/two">A keeper remembered</a></li>'
        '<li><a href="/lamps/three">Gas comes to the harbour</a></li>'
    )
    html = import_html(page("", closing_links_section(related)), "pier.html").html
    assert "External links" not in html and "A keeper remembered" not in html
