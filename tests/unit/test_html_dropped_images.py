"""Images the extractor's text-only fallback lost put back between the paragraphs it kept."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.dropped_images import restore_dropped_images
from reader.importers.html import import_html

FIRST = "The lamps on the north pier were lit at dusk by the keeper."
SECOND = "In winter the walk was made with a lantern, since the wind put out the matches."
LINE = (
    "The lamps on the pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening, in all weathers, with a lantern and a can of oil."
)


def restored(between: str, *kept: str) -> list[tuple[str, str]]:
    """The extracted body after the pass: each element's tag and its `src` or text."""
    body = etree.Element("body")
    for text in kept or (FIRST, SECOND):
        etree.SubElement(body, "p").text = text
    page = f"<html><body><div><p>{FIRST}</p>{between}<p>{SECOND}</p></div></body></html>"
    restore_dropped_images(body, lxml.html.document_fromstring(page))
    return [(e.tag, e.get("src") or "".join(e.itertext())) for e in body]


def test_pictures_in_a_paragraph_a_figure_and_a_list_come_back_in_order() -> None:
    between = (
        '<hr><h2>Dusk</h2><p><img src="a.png"></p><figure><img src="b.png"></figure>'
        '<ul><li><img src="c.png"></li><li><img src="d.png"></li></ul>'
    )
    assert restored(between) == [
        ("p", FIRST),
        ("graphic", "a.png"),
        ("graphic", "b.png"),
        ("list", ""),
        ("p", SECOND),
    ]


def test_a_list_of_captioned_pictures_comes_back_as_a_list() -> None:
    figures = "".join(
        f'<li><figure><img src="{name}.png"><figcaption>The {name} pier</figcaption></figure></li>'
        for name in ("north", "south")
    )
    body = etree.Element("body")
    for text in (FIRST, "The north pier", "The south pier", SECOND):
        etree.SubElement(body, "p").text = text
    page = f"<body><p>{FIRST}</p><ul>{figures}</ul><p>{SECOND}</p></body>"
    restore_dropped_images(body, lxml.html.document_fromstring(page))
    listing = body[1]
    assert (listing.tag, listing.get("rend"), len(body)) == ("list", "ul", 3)
    assert [[(e.tag, e.get("src") or e.text) for e in item] for item in listing] == [
        [("graphic", "north.png"), ("figcaption", "The north pier")],
        [("graphic", "south.png"), ("figcaption", "The south pier")],
    ]


def test_a_caption_kept_as_a_paragraph_follows_its_picture_as_its_caption() -> None:
    between = '<figure><img src="a.png"><figcaption>The pier at night</figcaption></figure>'
    assert restored(between, FIRST, "The pier at night", SECOND) == [
        ("p", FIRST),
        ("graphic", "a.png"),
        ("figcaption", "The pier at night"),
        ("p", SECOND),
    ]


def test_a_repeated_paragraph_is_matched_in_the_page_order() -> None:
    body = etree.Element("body")
    for _ in range(3):
        etree.SubElement(body, "p").text = FIRST
    page = f'<p>{FIRST}</p><p>{FIRST}</p><p><img src="a.png"></p><p>{FIRST}</p>'
    restore_dropped_images(body, lxml.html.document_fromstring(f"<body>{page}</body>"))
    assert [e.tag for e in body] == ["p", "p", "graphic", "p"]


def test_teasers_icons_and_linked_thumbnails_stay_out() -> None:
    teaser = '<div><img src="t.png"><h3>Another story entirely, with a headline as long as a '
    teaser += "teaser's, and its standfirst under it, longer than any label</h3></div>"
    assert restored(teaser) == [("p", FIRST), ("p", SECOND)]
    assert restored('<a href="/other-story"><img src="t.png"></a>') == [("p", FIRST), ("p", SECOND)]
    assert restored('<img src="share.png" width="24" height="24">') == [
        ("p", FIRST),
        ("p", SECOND),
    ]
    linked_copy = '<a href="/big/pier.jpg"><img src="a.png"></a>'
    assert ("graphic", "a.png") in restored(linked_copy)


def test_nothing_comes_back_when_the_extractor_kept_an_image_of_its_own() -> None:
    body = etree.Element("body")
    etree.SubElement(body, "p").text = FIRST
    etree.SubElement(body, "graphic", src="lead.png")
    etree.SubElement(body, "p").text = SECOND
    page = f'<body><p>{FIRST}</p><p><img src="a.png"></p><p>{SECOND}</p></body>'
    restore_dropped_images(body, lxml.html.document_fromstring(page))
    assert [e.get("src") for e in body.iter("graphic")] == ["lead.png"]


def test_a_page_of_sections_with_pictures_keeps_its_pictures() -> None:
    image = '<img src="http://example.org/pier.jpg" alt="Pier">'
    sections = (
        f"<hr><h2>Dusk</h2><p>{image}</p><p>{LINE}</p>"
        f"<hr><h2>Night</h2><figure>{image}<figcaption>The pier at night</figcaption></figure>"
        f"<p>{LINE}</p><hr><h2>Winter</h2><ul><li>{image}</li><li>{image}</li></ul><p>{LINE}</p>"
    )
    page = f"<html><head><title>Pier</title></head><body><h1>Pier</h1><p>{LINE}</p>{sections}"
    article = import_html(f"{page}</body></html>".encode(), "pier.html")
    assert article.html.count("<img") == 4
    assert article.html.count("<li><img") == 2
    assert "<figcaption>The pier at night</figcaption>" in article.html
    assert article.html.index("<h2>Dusk</h2>") < article.html.index("<img")
    assert article.text.count("The pier at night") == 1


def _step(label: str, text: str, picture: str) -> str:
    return (
        f'<div class="step"><div class="text"><span>{label}</span><p>{text}</p></div>'
        f'<figure><img src="{picture}"></figure><figcaption>{label} (Ines)</figcaption></div>'
    )


def test_the_first_and_last_steps_pictures_beside_their_boxes_come_back() -> None:
    # A teaser box after the first step keeps its picture out of the "between" rule.
    teasers = '<div><h3>Other stories</h3><a href="/s"><img src="t.png"></a> A story</div>'
    page = _step("Step 1", FIRST, "one.png") + teasers + _step("Step 2", SECOND, "two.png")
    body = etree.Element("body")
    for text in (FIRST, SECOND):
        etree.SubElement(body, "p").text = text
    restore_dropped_images(body, lxml.html.document_fromstring(f"<body>{page}</body>"))
    assert [(e.tag, e.get("src") or e.text) for e in body] == [
        ("p", FIRST),
        ("graphic", "one.png"),
        ("p", SECOND),
        ("graphic", "two.png"),
    ]


def test_a_picture_after_text_of_its_own_beyond_the_last_box_stays_out() -> None:
    page = (
        f"<div><div><p>{FIRST}</p></div><div><p>{SECOND}</p></div>"
        '<div>Read next: the south pier</div><img src="n.png"><a href="/s"><img src="t.png"></a>'
        "</div>"
    )
    body = etree.Element("body")
    for text in (FIRST, SECOND):
        etree.SubElement(body, "p").text = text
    restore_dropped_images(body, lxml.html.document_fromstring(f"<body>{page}</body>"))
    assert [e.tag for e in body] == ["p", "p"]
