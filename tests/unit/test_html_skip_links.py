"""The header a page's "skip to content" link jumps over is the site's, not the article's."""

from __future__ import annotations

from reader.importers.html import import_html

STORY = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the pier twice "
    "each evening and trimmed every wick before the last ferry came in.</p>"
)
HEADER = (
    '<div><div><a href="/"><img src="/logo.png" alt="Harbour News"></a></div>'
    '<div><p>More with an account <a href="/join">Join now</a></p></div>'
    '<ul><li><a href="/me"><img src="/me.png">My page</a></li>'
    '<li><a href="/subs">Subscriptions</a></li><li><a href="/settings">Settings</a></li></ul></div>'
)


def imported(skip: str, target: str, before: str = "", after: str = "") -> str:
    body = (
        f'<div id="wrapper"><div id="top">{skip}{HEADER}</div>{before}<div id="body">{target}'
        f"<h1>The north pier lamps</h1><div>{STORY}</div></div>{after}</div>"
    )
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_the_header_a_skip_link_jumps_over_is_left_out() -> None:
    for skip, target in (
        ('<a href="#start">Skip to content</a>', '<a name="start"></a>'),
        ('<a href="#text"><img src="/clear.gif" alt="To the text"></a>', '<span id="text"></span>'),
    ):
        html = imported(skip, target)
        assert "last ferry" in html
        assert "account" not in html, skip


def test_a_link_to_a_later_section_keeps_what_comes_before_it() -> None:
    intro = (
        "<p>Before the lamps there was a bonfire on the pier head, kept by whoever was on watch "
        "that night, and it was lit by custom rather than by any rule of the harbour board, "
        "which the keeper of the day recorded in a ledger now kept in the harbour office.</p>"
    )
    more = "".join(STORY.replace("last", word) for word in ("first", "second", "third", "fourth"))
    html = imported('<a href="#lamps">The lamps</a>', '<span id="lamps"></span>', intro, more)
    assert "bonfire" in html  # running text before the target: it opens a section, not the text


def test_a_link_to_the_footer_skips_nothing() -> None:
    footer = '<p id="foot">Harbour News</p>'
    html = imported('<a href="#foot">Skip to footer</a>', "", after=footer)
    assert "account" in html  # most of the text comes before the target: it opens no content
