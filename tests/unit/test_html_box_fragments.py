"""Loose pieces of a side box the extractor took apart are dropped; a line of the page stays."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.box_fragments import drop_box_fragments

BODY = (
    "<body><p>The keeper lit the lamps at dusk.</p>"
    '<ref target="/file/logo"/><hi rend="#i"><ref target="/pier">Pier lamps</ref></hi>.'
    "</body>"
)


def texts(body: etree._Element) -> list[str]:
    return ["".join(child.itertext()) + (child.tail or "") for child in body]


def test_a_link_left_loose_from_a_boxs_line_is_dropped() -> None:
    source = lxml.html.document_fromstring(
        "<p>The keeper lit the lamps at dusk.</p><table><tr><td>"
        '<a href="/file/logo"><img src="logo.png"></a></td><td>The archive has media related '
        'to <i><a href="/pier">Pier lamps</a></i>.</td></tr></table>'
    )
    body = etree.fromstring(BODY)
    drop_box_fragments(body, source)
    assert texts(body) == ["The keeper lit the lamps at dusk."]


def test_a_loose_link_that_is_a_line_of_the_page_stays() -> None:
    source = lxml.html.document_fromstring(
        '<p>The keeper lit the lamps at dusk.</p><div><i><a href="/pier">Pier lamps</a></i>.</div>'
    )
    body = etree.fromstring(BODY)
    drop_box_fragments(body, source)
    assert texts(body) == ["The keeper lit the lamps at dusk.", "", "Pier lamps."]


def test_loose_text_opening_a_run_keeps_the_run() -> None:
    source = lxml.html.document_fromstring(
        '<p>The keeper lit the lamps at dusk.</p><td>See <a href="/pier">Pier lamps</a>. Now</td>'
    )
    body = etree.fromstring(BODY.replace("</p>", "</p>See "))
    drop_box_fragments(body, source)
    assert len(body) == 3
