"""A page's own table of contents, set among the article's paragraphs, stays a list."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html

SECTIONS = {
    "lighting": "Lighting the lamps",
    "wicks": "Trimming the wicks",
    "log": "Keeping the log",
    "winter": "Winter evenings",
}
PARAGRAPH = (
    "The keeper walked the length of the north pier twice each evening, trimming every "
    "wick and writing the hour, the weather and the oil burned into the harbour's log."
)


def contents(nav: bool, numbered: bool) -> str:
    entries = "".join(
        f'<li><a href="#{name}">{f"{number}. " if numbered else ""}{title}</a></li>'
        for number, (name, title) in enumerate(SECTIONS.items(), 1)
    )
    nested = entries.replace('</a></li><li><a href="#log"', '</a><ul><li><a href="#log"', 1)
    nested = nested.replace("Keeping the log</a></li>", "Keeping the log</a></li></ul></li>", 1)
    box = f"<p>Contents</p><ul>{nested}</ul>"
    return f"<nav>{box}</nav>" if nav else f"<div class='outline'>{box}</div>"


def page(nav: bool, numbered: bool = True) -> bytes:
    sections = "".join(
        f'<div id="{name}"><h2>{title}</h2>'
        + "".join(f"<p>{title}: {PARAGRAPH} ({n})</p>" for n in range(3))
        + "</div>"
        for name, title in SECTIONS.items()
    )
    intro = f"<p>Before the lamps were wired in 1931, {PARAGRAPH}</p><p>Every night {PARAGRAPH}</p>"
    if nav:  # the outline in a column beside the article, not in its text
        article = f"{contents(nav, numbered)}<div class='text'>{intro}{sections}</div>"
    else:
        article = f"{intro}{contents(nav, numbered)}{sections}"
    body = f"<article><h1>The north pier lamps</h1>{article}</article>"
    head = "<title>The north pier lamps</title>"
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_the_article_s_table_of_contents_stays_a_nested_list_under_its_label() -> None:
    html = import_html(page(nav=False), "lamps.html").html
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    outline = next(tree.iter("ul"))
    entries = [" ".join(a.text_content().split()) for a in outline.iter("a")]
    assert entries == [f"{n}. {title}" for n, title in enumerate(SECTIONS.values(), 1)]
    assert len(list(outline.iter("ul"))) == 2  # "Keeping the log" nested, as the page has it
    assert html.index("Before the lamps were wired") < html.index("Contents")
    assert html.index("Contents") < html.index("1. Lighting the lamps")
    assert html.index("4. Winter evenings") < html.index("<h2")


def test_the_entries_lead_to_their_sections_headings() -> None:
    html = import_html(page(nav=False), "lamps.html").html
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    ids = {heading.get("id") for heading in tree.iter("h2")}
    assert ids == set(SECTIONS)


def test_an_outline_beside_the_article_is_left_out() -> None:
    html = import_html(page(nav=True), "lamps.html").html
    assert "Trimming the wicks: " in html
    assert "<li>" not in html


def test_a_link_to_a_section_leads_to_its_heading_not_to_an_entry_of_the_same_words() -> None:
    # The link in the text names the section's box; the extractor keeps only its heading. A
    # contents entry reading like the heading must not take the heading's name.
    html = import_html(page(nav=False, numbered=False), "lamps.html").html
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert len(list(tree.iter("li"))) == len(SECTIONS)
    named = {element.get("id"): element.tag for element in tree.iter() if element.get("id")}
    assert named == dict.fromkeys(SECTIONS, "h2")
