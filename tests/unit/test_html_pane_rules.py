"""Page habits that made a saved page read unlike the original: loose text, buttons, sites."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html
from reader.importers.link_menus import drop_link_menus

LINES = (
    "The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening.",
    "In winter the walk was made with a lantern, since the wind put out the matches.",
    "The keeper's log records every lamp that failed, and the hour it was lit again.",
)


def imported(body: str, head: str = "") -> tuple[str, str]:
    markup = f'<html><head><meta charset="utf-8"><title>Pier lamps</title>{head}</head><body>{body}'
    article = import_html((markup + "</body></html>").encode(), "page.html")
    return article.html, article.text


def article(middle: str) -> str:
    """An article long enough for the extractor's own reading (short ones take another path)."""
    first = "".join(f"<p>{line} {line} {line}</p>" for line in LINES[:2])
    return f"<article><h1>Pier lamps</h1>{first}{middle}<p>{LINES[2] * 3}</p></article>"


def test_a_note_of_loose_text_beside_links_keeps_its_words_apart() -> None:
    note = (
        '<div class="note">Related: <a href="/harbour">Harbour lights</a> and '
        '<a href="/keepers">Lamp keepers</a> <span>and <b>the</b> <i>pier</i></span></div>'
    )
    _, text = imported(article(note))
    assert "Related: Harbour lights and Lamp keepers and the pier" in text


def test_loose_text_beside_emphasis_and_blocks_stays_whole() -> None:
    block = (
        "<div>The <b>east lamp</b> was the <i>oldest</i> of them all, and the last to go dark."
        "<div>It had burnt colza oil until the pier was rebuilt in stone.</div>"
        "Its lens is kept in the <em>town museum</em> today.</div>"
    )
    _, text = imported(article(block))
    assert "The east lamp was the oldest of them all, and the last to go dark." in text
    assert "Its lens is kept in the town museum today." in text


PUBLISHER = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",'
    ' "name": "Pier lamps", "publisher": {"@type": "Organization",'
    ' "name": "Harbour Heritage Trust, Inc."}}</script>'
)


def test_the_site_named_in_the_title_beats_the_publishing_company() -> None:
    markup = (
        '<html><head><meta charset="utf-8"><title>Pier lamps - Harbourpedia</title>'
        f"{PUBLISHER}</head><body>{article('')}</body></html>"
    )
    imported_article = import_html(markup.encode(), "page.html")
    assert (imported_article.title, imported_article.site) == ("Pier lamps", "Harbourpedia")


def test_the_publisher_names_the_site_when_nothing_else_does() -> None:
    markup = f'<html><head><meta charset="utf-8">{PUBLISHER}</head><body>{article("")}</body>'
    assert import_html(markup.encode(), "page.html").site == "Harbour Heritage Trust, Inc."


def test_links_styled_as_buttons_alone_in_their_block_go() -> None:
    buttons = (
        "<section><div><h3>Visits</h3><p>The pier is open daily from dawn, and the keeper "
        "shows visitors the lamp room on the hour.</p>"
        ' <a class="more" href="/visit">Plan a visit</a><br> <a class="btn" href="/more">'
        'Learn more</a></div> <a class="next show" href="#next" role="button">Next</a>'
        "</section><section><div><h3>Tours</h3><p>A guided walk along the pier takes an hour "
        'and ends at the museum by the gate.</p><p><strong><a class="cta" href="/tour">Book '
        "the tour now</a></strong></p></div></section>"
    )
    _, text = imported(article(buttons))
    assert "The pier is open daily from dawn" in text
    for label in ("Plan a visit", "Book the tour now", "Learn more", "Next"):
        assert label not in text


def test_a_button_styled_link_in_running_text_stays() -> None:
    sentence = (
        '<p>Tickets for the lamp walk are sold at the <a class="btn" href="/desk">harbour '
        "desk</a> beside the old customs house, every morning from nine.</p>"
        '<p><a class="button" href="/history">The long history of the pier, told by its '
        "keepers</a></p>"
    )
    _, text = imported(article(sentence))
    assert "sold at the harbour desk beside" in text
    assert "The long history of the pier, told by its keepers" in text


def test_a_navigation_box_of_links_one_per_line_goes() -> None:
    # The extractor keeps such a box only on some page layouts (a whole page set in a
    # layout table, as a weekly news site does); the rule is checked on the page's tree.
    menu = (
        '<div class="box"><p>Pier News Weekly</p><a href="/front">Front page</a><br>'
        '<a href="/lamps">Lamps</a><br><a href="/tides">Tides</a><br><a href="/keepers">'
        'Keepers</a><br><a href="/all">One big page</a><p>This page</p><a href="/prev">'
        'Previous week</a><br><a href="/next">Following week</a><br></div>'
    )
    tree = lxml.html.fromstring(f"<html><body>{menu}<h1>Pier lamps</h1>{article('')}</body>")
    drop_link_menus(tree)
    text = tree.text_content()
    assert "Following week" not in text and "Front page" not in text
    assert "Pier lamps" in text and LINES[0] in text


def test_links_set_in_sentences_are_never_a_menu() -> None:
    links = "".join(
        f'<a href="/{n}">lamp {n}</a> was lit by the keeper at dusk,<br>' for n in range(6)
    )
    _, text = imported(article(f"<div>{links}</div>"))
    assert "lamp 5 was lit by the keeper at dusk" in text


def test_a_blog_title_names_its_site_after_an_at_sign() -> None:
    markup = (
        '<html><head><meta charset="utf-8"><title>Pier lamps @ Harbour Notes</title>'
        '<meta property="og:site_name" content="Harbour Notes"></head>'
        f"<body>{article('')}</body></html>"
    )
    imported_article = import_html(markup.encode(), "page.html")
    assert (imported_article.title, imported_article.site) == ("Pier lamps", "Harbour Notes")


def test_an_at_sign_inside_a_title_stays() -> None:
    markup = (
        '<html><head><meta charset="utf-8"><title>Meet @ the pier</title>'
        '<meta property="og:site_name" content="Harbour Notes"></head>'
        f"<body>{article('')}</body></html>"
    )
    assert import_html(markup.encode(), "page.html").title == "Meet @ the pier"
