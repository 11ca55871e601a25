"""Articles nested in the page's article are its comments, teasers or other posts."""

from __future__ import annotations

from reader.importers.html import import_html

MAIN = (
    "<h1>The north pier lamps</h1>"
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
)
OTHER_POSTS = [
    "The ferry timetable changes in spring, when the morning boat leaves half an hour "
    "earlier and the evening one waits for the last train from the city.",
    "Harbour dues were raised last year for the larger boats, and the fishermen's "
    "association has asked the council to look at the new figures again.",
    "The old customs house by the south quay is to become a museum of the harbour, with "
    "the keeper's log and the pier's first lamp among the pieces on show.",
]


def page(body: str) -> bytes:
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def post(text: str, number: int) -> str:
    return f'<article class="post type-post post-{number}"><p>{text}</p></article>'


def test_other_posts_shown_inside_the_article_are_not_its_text() -> None:
    others = "".join(post(text, n) for n, text in enumerate(OTHER_POSTS, start=2))
    body = f'<article class="post type-post post-1">{MAIN}{others}</article>'
    text = import_html(page(body), "p.html").text
    assert "trimmed every wick" in text
    assert not any(other[:30] in text for other in OTHER_POSTS)


def test_an_article_wrapping_the_article_keeps_it() -> None:
    body = f'<article class="page"><article class="story">{MAIN}</article></article>'
    text = import_html(page(body), "p.html").text
    assert "trimmed every wick" in text and "harbour office" in text


def test_entries_of_a_live_blog_inside_its_article_are_its_text() -> None:
    entries = "".join(f'<article class="entry"><p>{text}</p></article>' for text in OTHER_POSTS)
    body = f'<article class="live">{MAIN}{entries}</article>'
    text = import_html(page(body), "p.html").text
    assert all(other[:30] in text for other in OTHER_POSTS)


def test_a_related_story_card_inside_the_article_is_not_its_text() -> None:
    link = '<a href="/ferry">Ferry timetable changes in spring</a>'
    card = f'<article class="card"><p>{link}</p></article>'
    body = f'<article class="story">{MAIN}{card}<p>{OTHER_POSTS[2]}</p></article>'
    text = import_html(page(body), "p.html").text
    assert "Ferry timetable" not in text
    assert "trimmed every wick" in text and "museum of the harbour" in text
