"""Readers' comments in a box the page names as such are not the article's text."""

from __future__ import annotations

import lxml.html

from reader.importers.comment_sections import drop_comment_sections
from reader.importers.html import import_html

# An article whose lines are split by <br> in one box, a footer, then the readers' comments in
# a box named "comments" beside it: a layout the extractor read as one article.
LINES = [
    "The lamps on the north pier were lit at dusk by the keeper, who walked the length of the "
    "pier twice each evening.",
    "He trimmed every wick before the ferry came in, and in winter made the walk with a lantern.",
    "The wind on the pier put out the matches, so the lantern was lit in the hut at its end.",
    "The keeper's log of those evenings survives in the harbour office, with each night's weather.",
]
REPLIES = [
    "My grandfather knew the last keeper and said he never missed an evening in forty years.",
    "Is the log open to visitors? I would love to read the entries from the storm winters.<br>"
    "<br>The new electric lamps are brighter, but the pier felt warmer with the old ones.",
]


def page(container: str) -> bytes:
    replies = "".join(
        f'<div class="comment"><div class="comment_content"><div class="username">'
        f'<a href="/posts/{n}">reader{n}</a></div><div class="date">2 days ago</div>'
        f'<div class="content">{text}</div><div class="rating">{n} votes</div></div></div>'
        for n, text in enumerate(REPLIES)
    )
    article = (
        '<div class="article"><h1 class="title">The north pier lamps</h1>'
        f'<div class="content">{"<br> <br>".join(LINES)}<br><br></div>'
        '<div class="footer"><div class="comments">[ <a href="/t/1">2 comments</a> ]</div>'
        "</div></div>"
    )
    body = f'<div class="wrapper">{article}{container.format(replies=replies)}</div>'
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


COMMENTS = (
    '<div id="commentsContainer"><div id="comments"><h2>Top comments</h2>{replies}'
    '<br>[ <a href="/t/1">Read all comments</a> ]</div></div>'
)


def test_a_box_named_comments_beside_the_article_is_left_out() -> None:
    text = import_html(page(COMMENTS), "p.html").text
    assert "trimmed every wick" in text
    assert "grandfather" not in text and "storm winters" not in text


def test_a_page_all_inside_a_box_named_comments_keeps_its_text() -> None:
    markup = page("").replace(b'<div class="wrapper">', b'<div class="wrapper comments">')
    text = import_html(markup, "p.html").text
    assert "trimmed every wick" in text and "harbour office" in text


def test_only_named_elements_are_judged_and_the_outermost_goes() -> None:
    # The page root and <body> never count, whatever they are named; inside a comment box,
    # another named box goes with it; a comment left in the article's markup is no element.
    tree = lxml.html.document_fromstring(
        '<html class="comments"><body id="comments"><div><p>Kept words of the article here.</p>'
        '<!-- comments --><section class="Comments-Area"><div id="disqus_thread">'
        "<p>A reply.</p></div></section></div></body></html>"
    )
    drop_comment_sections(tree)
    assert lxml.html.tostring(tree, encoding="unicode") == (
        '<html class="comments"><body id="comments"><div><p>Kept words of the article here.</p>'
        "<!-- comments --></div></body></html>"
    )
