"""An article whose page splits its body into containers of one kind, advertisements between."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.html import import_html
from reader.importers.split_body import restore_continuations

PARTS = [
    [
        "The harbour board met on Tuesday to decide the fate of the old north pier, which has "
        "stood at the mouth of the harbour since the last years of the nineteenth century.",
        "Engineers told the board that the timber piles had rotted below the waterline and that "
        "the deck could no longer bear the weight of a crowd on a summer evening.",
    ],
    [
        "Residents asked for an independent survey before any demolition, and after a long "
        "debate the board agreed to commission one from a firm in the county town.",
    ],
    [
        "The survey is due in the spring; until then the pier stays closed to walkers and to "
        "the fishing boats that have moored along its eastern side for generations.",
    ],
]
ADVERT = '<div class="row ad"><span>Advertisement</span><div class="slot"></div></div>'


def split_page(container: str = '<div class="article-body">') -> str:
    """The extractor keeps only the first of such containers: it takes the first element its
    rules for an article body match."""
    parts = [container + "".join(f"<p>{text}</p>" for text in part) + "</div>" for part in PARTS]
    return (
        "<html><head><title>Pier to close</title></head><body><main><h1>Pier to close</h1>"
        + ADVERT.join(
            f'<div class="grid">{part}<aside><p>Most popular</p></aside></div>' for part in parts
        )
        + "</main></body></html>"
    )


def test_every_part_of_a_split_article_is_imported() -> None:
    text = import_html(split_page().encode(), "page.html").text
    for part in PARTS:
        for paragraph in part:
            assert paragraph in text
    assert "Most popular" not in text


def body_with(*texts: str) -> etree._Element:
    body = etree.Element("body")
    for text in texts:
        etree.SubElement(body, "p").text = text
    return body


def test_later_containers_of_the_same_kind_are_appended_in_order() -> None:
    source = lxml.html.document_fromstring(split_page())
    body = body_with(*PARTS[0])
    restore_continuations(body, source)
    assert [p.text for p in body] == [text for part in PARTS for text in part]


def test_containers_of_another_class_or_none_are_left_out() -> None:
    for container in ('<div class="comment">', "<div>"):
        page = split_page().replace('<div class="article-body">', container)
        source = lxml.html.document_fromstring(page.replace(container, '<div class="story">', 1))
        body = body_with(*PARTS[0])
        restore_continuations(body, source)
        assert [p.text for p in body] == PARTS[0]


def test_a_container_the_extractor_took_part_of_is_not_added_again() -> None:
    source = lxml.html.document_fromstring(split_page())
    body = body_with(*PARTS[0], PARTS[1][0])
    restore_continuations(body, source)
    assert [p.text for p in body] == [*PARTS[0], *PARTS[1], *PARTS[2]]


def test_links_and_emphasis_of_a_continuation_are_kept() -> None:
    page = split_page().replace(
        "independent survey", '<a href="https://example.org/s">independent</a> <b>survey</b>'
    )
    body = body_with(*PARTS[0])
    restore_continuations(body, lxml.html.document_fromstring(page))
    added = body[2]
    assert [(e.tag, e.get("target") or e.get("rend"), e.text) for e in added] == [
        ("ref", "https://example.org/s", "independent"),
        ("hi", "#b", "survey"),
    ]
    assert "".join(added.itertext()) == PARTS[1][0]
