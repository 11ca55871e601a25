"""The article's lead picture, set in its header above the body, is kept; the header's
furniture (a section's banner, the author's thumbnail, a teaser's picture) is not."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.html import import_html
from reader.importers.lead_pictures import drop_header_furniture, restore_lead_picture

LINES = [
    f"The lamps on the pier were lit at dusk by the keeper, who walked its length {word} "
    "each evening, in all weathers, with a lantern and a can of oil for the wicks."
    for word in ("once", "twice", "again", "slowly", "alone", "quietly")
]
PHOTO = "https://pictures.example.org/2019/pier-at-dusk.jpg"


def _page(header: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES)
    return (
        "<html><head><title>The pier at dusk</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><header><h1>The pier at dusk</h1>{header}"
        '<p class="byline">By <a href="/by/ann">Ann Keeper</a></p>'
        '<time datetime="2019-02-21">Feb. 21, 2019</time>'
        '<ul class="share"><li><a href="https://social.example.com/share">Share</a></li>'
        '<li><a href="mailto:?body=pier">E-mail</a></li></ul></header>'
        f'<div class="entry-content" itemprop="articleBody">{paragraphs}</div></article>'
        "</body></html>"
    ).encode()


def _images(html: str) -> list[str]:
    return [img.get("alt") or "" for img in lxml.html.fragment_fromstring(html, "div").iter("img")]


def test_a_captioned_figure_in_the_article_header_is_kept_with_its_caption() -> None:
    summary = "<p>The keeper lit the lamps on the pier every evening for forty years.</p>"
    figure = summary + (
        f'<figure><img src="{PHOTO}" alt=""><figcaption>The north pier at dusk. '
        "Credit: the harbour office</figcaption></figure>"
    )
    article = import_html(_page(figure), "pier.html")
    assert len(_images(article.html)) == 1
    assert "<figcaption>The north pier at dusk. Credit: the harbour office</figcaption>" in (
        article.html
    )
    assert article.html.index("<img") < article.html.index(LINES[0][:40])
    assert article.html.index("for forty years.</p>") < article.html.index("<img")


def test_a_large_described_picture_takes_its_credit_not_the_byline_as_caption() -> None:
    figure = (
        f'<figure><div><img src="{PHOTO}" alt="The pier at dusk" width="640" height="480">'
        '<div class="attribution">HARBOUR OFFICE</div></div></figure>'
    )
    article = import_html(_page(figure), "pier.html")
    assert _images(article.html) == ["The pier at dusk"]
    assert "<figcaption>HARBOUR OFFICE</figcaption>" in article.html
    assert "Ann Keeper</figcaption>" not in article.html


def test_teasers_avatars_banners_and_galleries_in_the_header_are_not_taken() -> None:
    headers = [
        # a teaser: the picture links to another story
        f'<figure><a href="/other-story"><img src="{PHOTO}" alt="Other"></a>'
        "<figcaption>Another story</figcaption></figure>",
        # the author's thumbnail
        f'<img src="{PHOTO}" alt="Ann Keeper" width="48" height="48">',
        # the section's banner, a strip
        f'<img src="{PHOTO}" alt="Harbour news" width="1200" height="100">',
        # a picture of unsaid size, uncaptioned: a logo as likely as a photo
        f'<img src="{PHOTO}" alt="Harbour Times">',
        # two pictures: a gallery, none of them the lead
        f'<img src="{PHOTO}" alt="One" width="640" height="480">'
        f'<img src="{PHOTO}?2" alt="Two" width="640" height="480">',
    ]
    for header in headers:
        assert _images(import_html(_page(header), "pier.html").html) == [], header


def test_a_picture_after_more_than_a_standfirst_is_not_the_lead() -> None:
    figure = '<figure><img src="photo.jpg" alt=""><figcaption>The pier</figcaption></figure>'
    long_text = "<div>" + LINES[0] * 4 + "</div>"
    for before, kept in (("<div>A short standfirst.</div>", 1), (long_text, 0)):
        source = lxml.html.document_fromstring(
            f"<html><body><article><h1>The pier</h1>{before}{figure}"
            f"<p>{LINES[1]}</p></article></body></html>"
        )
        body = etree.fromstring(f"<body><p>{LINES[1]}</p></body>")
        restore_lead_picture(body, source)
        assert len(list(body.iter("graphic"))) == kept


def test_banner_and_avatar_before_the_first_paragraph_go_the_photo_stays() -> None:
    source = lxml.html.document_fromstring(
        '<html><body><img src="banner.jpg" width="1200" height="100">'
        '<a href="/news/other"><img src="teaser.jpg" width="130" height="110"></a>'
        '<img src="avatar.jpg" width="55" height="46"><p>By Ann Keeper</p>'
        '<img src="photo.jpg" width="580" height="384" alt="The pier">'
        f"<p>{LINES[0]}</p></body></html>"
    )
    body = etree.fromstring(
        '<body><graphic src="banner.jpg"/><graphic src="teaser.jpg"/><graphic src="avatar.jpg"/>'
        '<p>By Ann Keeper</p><graphic src="photo.jpg"/>'
        f"<p>{LINES[0]}</p></body>"
    )
    drop_header_furniture(body, source)
    restore_lead_picture(body, source)  # the body holds a picture before its text: no more
    assert [graphic.get("src") for graphic in body.iter("graphic")] == ["photo.jpg"]


def test_the_authors_thumbnail_and_a_banner_atop_the_extracted_body_go() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES)
    page = (
        "<html><head><title>The pier at dusk</title></head><body><article>"
        '<div class="entry-content" itemprop="articleBody">'
        f'<img src="{PHOTO}?banner" alt="Harbour news" width="1200" height="100">'
        f'<img src="{PHOTO}?ann" alt="Ann Keeper" width="48" height="48">'
        f"<p>By Ann Keeper, harbour correspondent</p>{paragraphs}</div></article></body></html>"
    ).encode()
    assert _images(import_html(page, "pier.html").html) == []


def test_a_picture_of_unsaid_size_described_by_the_headline_is_the_lead() -> None:
    share = f'<div class="share-picture"><img src="{PHOTO}" alt="The pier at dusk"></div>'
    assert _images(import_html(_page(share), "pier.html").html) == ["The pier at dusk"]
