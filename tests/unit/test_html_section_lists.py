"""A section that is only a list of links ("See also") keeps its list under its heading."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

SITE = "https://lamps.example.org"
SEE_ALSO = ("Lamp oil", "Harbour lights", "The keeper's log")
NOTES = (
    "Harbour office records, 1890 to 1931, kept in the town's archive and read in 2019.",
    "A letter from the last keeper to his daughter, written in the spring of 1931.",
)


def page(between: str = "", *, links: bool = True) -> bytes:
    names = ((title, title.replace(" ", "_")) for title in SEE_ALSO)
    items = "".join(f'<li><a href="{SITE}/wiki/{name}">{title}</a></li>' for title, name in names)
    listing = f"<ul>{items}</ul>" if links else ""
    notes = "".join(f"<li>{note}</li>" for note in NOTES)
    article = (
        f"<h1>The north pier lamps</h1>{KEEPER_HTML}<h2>See also</h2>{between}{listing}"
        f"<h2>Notes</h2><ol>{notes}</ol>"
    )
    head = "<title>The north pier lamps</title>"
    return f"<html><head>{head}</head><body><article>{article}</article></body></html>".encode()


def section(html: str, heading: str) -> list[str]:
    """The texts of the items of the list right after `heading`'s <h2>, if there is one."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    found = next(h for h in tree.iter("h2") if h.text_content().strip() == heading)
    listing = found.getnext()
    if listing is None or listing.tag not in {"ul", "ol"}:
        return []
    return [item.text_content().strip() for item in listing.iter("li")]


def test_a_section_of_links_keeps_its_list_under_its_heading() -> None:
    html = import_html(page(), "lamps.html").html
    assert section(html, "See also") == list(SEE_ALSO)
    assert f'href="{SITE}/wiki/Lamp_oil"' in html


def test_a_navigation_badge_beside_the_list_stays_out() -> None:
    badge = f'<ul><li><a href="{SITE}/wiki/Portal:Lights">Lights portal</a></li></ul>'
    badge = f'<div role="navigation">{badge}</div>'
    html = import_html(page(badge), "lamps.html").html
    assert section(html, "See also") == list(SEE_ALSO)
    assert "Lights portal" not in html


def test_a_strip_of_tabs_under_a_heading_stays_out() -> None:
    tabs = f'<ul role="tablist"><li><a href="{SITE}/#wicks">Wicks</a></li>'
    tabs += f'<li><a href="{SITE}/#glass">Glass</a></li></ul>'
    html = import_html(page(tabs, links=False), "x.html").html
    assert "Wicks" not in html
