"""Headings and lists put back between two paragraphs the extractor kept."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.captions import restore_captions
from reader.importers.gaps import restore_dropped_blocks
from reader.importers.html import import_html
from tests.hostile_images import data_uri, png

FIRST = "The lamps on the north pier were lit at dusk by the keeper."
SECOND = "In winter the walk was made with a lantern, since the wind put out the matches."


def extracted(*texts: str) -> etree._Element:
    body = etree.Element("body")
    for text in texts:
        etree.SubElement(body, "p").text = text
    return body


def source(between: str) -> lxml.html.HtmlElement:
    page = f"<html><body><div><p>{FIRST}</p>{between}<p>{SECOND}</p></div></body></html>"
    return lxml.html.document_fromstring(page)


def restored(between: str) -> list[tuple[str, str | None, str]]:
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, source(between))
    return [(e.tag, e.get("rend"), " ".join("".join(e.itertext()).split())) for e in body]


def test_a_heading_before_the_next_kept_paragraph_is_restored() -> None:
    between = (
        '<div class="links"><a href="/x">A closer look</a></div><a name="1"></a><h3>Winter</h3>'
    )
    assert restored(between) == [("p", None, FIRST), ("head", "h3", "Winter"), ("p", None, SECOND)]


def test_a_list_between_kept_paragraphs_is_restored() -> None:
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(
        body, source("<ul><li>Amber <b>glass</b>.</li><li>Green glass.</li></ul>")
    )
    listing = body[1]
    assert (listing.tag, listing.get("rend")) == ("list", "ul")
    assert [item.text for item in listing] == ["Amber glass.", "Green glass."]


def test_a_list_of_links_and_a_heading_followed_by_other_text_stay_out() -> None:
    between = (
        '<ul><li><a href="/a">Related: pier history</a></li></ul>'
        "<h3>Advertisement</h3><div>Buy lamps today</div>"
    )
    assert [tag for tag, _, _ in restored(between)] == ["p", "p"]


def test_paragraphs_from_different_containers_get_nothing_between() -> None:
    page = (
        f"<html><body><div><p>{FIRST}</p><h2>Shop</h2></div>"
        f"<div><p>{SECOND}</p></div></body></html>"
    )
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert len(body) == 2


def test_a_heading_opening_the_next_paragraphs_container_is_restored() -> None:
    # DocBook: <div class="sect2"><div class="titlepage"><div><h3>…</h3></div></div><p>…
    page = (
        f'<html><body><div class="sect1"><p>{FIRST}</p><div class="sect2">'
        '<div class="titlepage"><div><h3><a name="w"></a>1.1. Winter</h3></div></div>'
        f"<p>{SECOND}</p></div></div></body></html>"
    )
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert [(e.tag, e.get("rend"), e.text) for e in body][1] == ("head", "h3", "1.1. Winter")


def test_a_heading_in_a_box_of_its_own_between_kept_paragraphs_is_restored() -> None:
    between = '<div class="titlepage"><div><h3>Winter</h3></div></div>'
    assert restored(between) == [("p", None, FIRST), ("head", "h3", "Winter"), ("p", None, SECOND)]


def test_a_heading_followed_by_other_text_in_the_next_container_stays_out() -> None:
    page = (
        f"<html><body><div><p>{FIRST}</p></div><div><h2>Shop</h2><div>Buy lamps today</div>"
        f"<p>{SECOND}</p></div></body></html>"
    )
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert len(body) == 2


def test_loose_pieces_of_a_dropped_heading_give_way_to_the_heading() -> None:
    # The extractor drops the heading but recovers its inline code as loose pieces.
    page = (
        f'<html><body><div class="sect1"><p>{FIRST}</p><div class="sect2"><div class="titlepage">'
        "<h3>2.1. <code>trim</code> vs. <code>cut</code></h3></div>"
        f"<p>{SECOND}</p></div></div></body></html>"
    )
    body = extracted(FIRST)
    etree.SubElement(body, "code").text = "trim"
    body[-1].tail = " vs. "
    etree.SubElement(body, "code").text = "cut"
    etree.SubElement(body, "p").text = SECOND
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert [(e.tag, "".join(e.itertext())) for e in body] == [
        ("p", FIRST),
        ("head", "2.1. trim vs. cut"),
        ("p", SECOND),
    ]


def test_loose_text_that_is_not_a_dropped_heading_stays() -> None:
    page = (
        f'<html><body><div class="sect1"><p>{FIRST}</p><div class="sect2">'
        f"<h3>Winter</h3><p>{SECOND}</p></div></div></body></html>"
    )
    body = extracted(FIRST)
    etree.SubElement(body, "code").text = "lamp --trim"
    etree.SubElement(body, "p").text = SECOND
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert [e.tag for e in body] == ["p", "code", "p"]


def test_an_image_between_a_pages_loose_paragraphs_is_kept() -> None:
    # A page with no article container: the extractor keeps its loose paragraphs but never
    # the <img> standing between them.
    lines = [
        f"<p>The lamps on pier number {n} were lit at dusk by the keeper, who walked the "
        "length of that pier twice each evening, in all weathers, with a lantern.</p>"
        for n in ("one", "two", "three", "four")
    ]
    image = f'<img src="{data_uri(png(40, 30))}" alt="The pier at dusk">'
    body = "".join(lines[:2]) + image + "".join(lines[2:])
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    html = import_html(page.encode(), "pier.html").html
    assert html.count("<img") == 1 and 'alt="The pier at dusk"' in html
    assert html.index("pier number two") < html.index("<img") < html.index("pier number three")


def test_images_before_the_first_and_after_the_last_loose_paragraph_are_kept() -> None:
    lines = [
        f"<p>The lamps on pier number {n} were lit at dusk by the keeper, who walked the "
        "length of that pier twice each evening, in all weathers, with a lantern.</p>"
        for n in ("one", "two", "three", "four")
    ]
    lead = f'<img src="{data_uri(png(40, 30))}" alt="The pier at dusk">'
    closing = f'<img src="{data_uri(png(30, 40))}" alt="The pier at dawn">'
    body = lead + "".join(lines) + closing
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    html = import_html(page.encode(), "pier.html").html
    assert html.count("<img") == 2
    assert html.index("dusk") < html.index("pier number one")
    assert html.index("pier number four") < html.index("dawn")


def test_an_image_beyond_other_text_before_the_first_paragraph_stays_out() -> None:
    lines = [
        f"<p>The lamps on pier number {n} were lit at dusk by the keeper, who walked the "
        "length of that pier twice each evening, in all weathers, with a lantern.</p>"
        for n in ("one", "two", "three")
    ]
    logo = f'<img src="{data_uri(png(40, 30))}" alt="Harbour News">'
    body = f"{logo}<div>Harbour News, since 1901</div>" + "".join(lines)
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    assert "<img" not in import_html(page.encode(), "pier.html").html


def test_a_heading_after_a_kept_table_is_restored_before_its_paragraph() -> None:
    body = extracted(FIRST, SECOND)
    etree.SubElement(body, "table").text = "Lamp hours"
    body.insert(1, body[-1])  # the extractor kept the table between the two paragraphs
    between = "<table><tr><td>Lamp hours</td></tr></table><i>Hours in winter.</i><h3>Winter</h3>"
    restore_dropped_blocks(body, source(between))
    assert [(e.tag, e.text) for e in body] == [
        ("p", FIRST),
        ("table", "Lamp hours"),
        ("head", "Winter"),
        ("p", SECOND),
    ]


def test_a_heading_right_before_the_first_kept_paragraph_is_restored() -> None:
    page = f"<html><body><div><p></p><h2>The pier</h2><p>{FIRST}</p><p>{SECOND}</p></div></body>"
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert [(e.tag, e.text) for e in body] == [("head", "The pier"), ("p", FIRST), ("p", SECOND)]


def test_a_heading_before_other_text_before_the_first_paragraph_stays_out() -> None:
    page = (
        f"<html><body><div><h2>Latest</h2><span>Updated daily</span><p>{FIRST}</p>"
        f"<p>{SECOND}</p></div></body></html>"
    )
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, lxml.html.document_fromstring(page))
    assert [e.tag for e in body] == ["p", "p"]


def test_a_heading_after_an_image_paragraph_is_restored_before_its_paragraph() -> None:
    body = extracted(FIRST, "", SECOND)
    etree.SubElement(body[1], "graphic", src="assets/pier.png")  # the extractor's <p><img></p>
    between = '<p><img src="assets/pier.png"></p><h3>Winter</h3>'
    restore_dropped_blocks(body, source(between))
    assert [(e.tag, e.text) for e in body] == [
        ("p", FIRST),
        ("p", ""),
        ("head", "Winter"),
        ("p", SECOND),
    ]


_LONG = (
    "The keepers of the north pier light the lamps at dusk and walk the length of the pier "
    "twice each evening, noting in the log every lamp that failed to light."
)


def _two_column_page(first: str, second: str) -> bytes:
    """A page laid out as a table of two columns of running text, as older sites are."""
    cells = "".join(f'<td bgcolor="#FEFFE6">{cell}</td>' for cell in (first, second))
    return (
        f"<html><head><title>Lamps</title></head><body><h1>Lamps</h1><p>{_LONG}</p>"
        f"<table><tr>{cells}</tr></table><p>{_LONG} The end.</p></body></html>"
    ).encode()


def test_lists_inside_a_layout_tables_columns_are_kept() -> None:
    replies = "".join(
        f"<li> Reply {n}: the lamps were never lit on time that winter. <p></p></li>"
        for n in "ABCDEF"
    )
    first = f"<p>{_LONG} The replies were roughly in these groups:</p><p> </p><ul>{replies}</ul>"
    second = (
        f"<p>{_LONG} You can rest assured that:</p><p></p><ul><ul type='A'>"
        "<li> I have heard it before; and </li><li> I did not care the first time. </li>"
        f"</ul></ul><p>So please. {_LONG}</p>"
    )
    article = import_html(_two_column_page(first, second), "lamps.html")
    root = lxml.html.fragment_fromstring(article.html, create_parent="div")
    items = [" ".join(item.text_content().split()) for item in root.iter("li")]
    assert items == [
        *(f"Reply {n}: the lamps were never lit on time that winter." for n in "ABCDEF"),
        "I have heard it before; and",
        "I did not care the first time.",
    ]


def test_a_list_under_a_kept_heading_is_restored_after_it() -> None:
    # The extractor kept the section's title, "Inside this week", and dropped its list.
    body = extracted(FIRST, SECOND)
    heading = etree.Element("head", rend="h2")
    heading.text = "Inside this week"
    body.insert(1, heading)
    items = "".join(f'<li><a href="/{n}">{n}</a>: the news of the {n} desk</li>' for n in "ABC")
    restore_dropped_blocks(body, source(f"<h2>Inside this week</h2><ul>{items}</ul>"))
    assert [e.tag for e in body] == ["p", "head", "list", "p"]
    assert [item.text for item in body[2]] == [f"{n}: the news of the {n} desk" for n in "ABC"]


def test_a_kept_heading_the_page_does_not_hold_there_leaves_the_gap_alone() -> None:
    body = extracted(FIRST, SECOND)
    heading = etree.Element("head", rend="h2")
    heading.text = "Elsewhere"
    body.insert(1, heading)
    restore_dropped_blocks(body, source("<h2>Inside this week</h2><ul><li>A long item</li></ul>"))
    assert [e.tag for e in body] == ["p", "head", "p"]


CAROUSEL = (
    '<div class="media"><div class="carousel"><ol><li></li><li></li><li></li></ol>'
    + "".join(f'<div class="slide"><img src="/pier-{n}.jpg" alt="Slide {n}"></div>' for n in "123")
    + '<a href="#c" class="left"></a><a href="#c" class="right"></a></div></div>'
    '<div class="media-caption">The pier from the sea, at dusk, at night and at dawn</div>'
)


def test_a_carousel_between_two_paragraph_boxes_comes_back_with_its_caption() -> None:
    # Each paragraph in a box of its own; between the boxes a carousel of three photos (its
    # slide dots, its arrows) and the caption under it.
    page = lxml.html.document_fromstring(
        f'<html><body><div><div class="text"><p>{FIRST}</p></div>{CAROUSEL}'
        f'<div class="text"><p>{SECOND}</p></div></div></body></html>'
    )
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, page)
    restore_captions(body, page)
    assert [e.tag for e in body] == ["p", "graphic", "graphic", "graphic", "figcaption", "p"]
    assert [e.get("src") for e in body.iter("graphic")] == [f"/pier-{n}.jpg" for n in "123"]
    assert body[4].text == "The pier from the sea, at dusk, at night and at dawn"


def test_images_between_paragraph_boxes_with_other_text_between_stay_out() -> None:
    page = lxml.html.document_fromstring(
        f'<html><body><div><div><p>{FIRST}</p></div><div><img src="/ad.png"><p>Buy lamps'
        f"</p></div><div><p>{SECOND}</p></div></div></body></html>"
    )
    body = extracted(FIRST, SECOND)
    restore_dropped_blocks(body, page)
    assert len(body) == 2
