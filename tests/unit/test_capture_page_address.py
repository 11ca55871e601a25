"""A fetched or sent page's relative images and links resolve against the page's address."""

from __future__ import annotations

from reader.capture.fetch import Page
from reader.capture.limits import FetchLimits
from reader.capture.page import capture_page, sent_article

ADDRESS = "http://example.org/stories/2024/pier.html"
BODY = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length "
    'of the pier twice each evening. <a href="../lamps.html">The lamps</a> are listed.</p>'
    '<p><img src="images/pier.jpg" alt="The pier at dusk"></p>'
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log records every lamp that failed and the hour it was lit again.</p>"
)
# No canonical link, no og:url, no <base>: only the address the page came from says where
# "images/pier.jpg" lives.
MARKUP = f"<html><head><title>Pier lamps</title></head><body><article>{BODY}</article></body>"


def test_a_fetched_page_keeps_its_relative_image_as_a_web_image() -> None:
    article = capture_page(Page(ADDRESS, MARKUP.encode(), "utf-8"), None, FetchLimits())
    assert list(article.remote_images.values()) == [
        "http://example.org/stories/2024/images/pier.jpg"
    ]
    assert f"assets/{next(iter(article.remote_images))}" in article.html


def test_a_sent_page_resolves_its_relative_links_against_its_address() -> None:
    article = sent_article(ADDRESS, "Pier lamps", MARKUP)
    assert 'href="http://example.org/stories/lamps.html"' in article.html
    assert list(article.remote_images.values()) == [
        "http://example.org/stories/2024/images/pier.jpg"
    ]


def test_a_base_element_still_wins_over_the_address() -> None:
    markup = MARKUP.replace("<head>", '<head><base href="https://cdn.example.net/a/">')
    article = sent_article(ADDRESS, "Pier lamps", markup)
    assert list(article.remote_images.values()) == ["https://cdn.example.net/a/images/pier.jpg"]
