"""Links to the site's other stories at the foot of an article are not its text."""

from __future__ import annotations

from lxml import etree

from reader.importers.html import import_html
from reader.importers.teaser_tail import drop_teaser_tail
from tests.keeper_text import KEEPER_HTML

ARTICLE = KEEPER_HTML
STORIES = [
    ("/ferry", "Ferry timetable changes in spring", "The morning boat leaves half an hour earlier"),
    ("/dues", "Harbour dues rise for larger boats", "Fishermen ask the council to look again"),
    ("/museum", "Customs house to become a museum", "The pier's first lamp will be on show"),
]


def text_of(tail: str) -> str:
    body = f'<div class="story"><h1>The north pier lamps</h1>{ARTICLE}{tail}</div>'
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").text


def teaser_list(stories: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<li><a href="https://harbour.example{href}">{headline}</a><h4>{line}</h4></li>'
        for href, headline, line in stories
    )
    return f"<ul>{items}</ul>"


def test_a_list_of_other_stories_ending_the_article_is_left_out() -> None:
    text = text_of(teaser_list(STORIES))
    assert "service on the pier" in text
    assert not any(headline in text for _href, headline, _line in STORIES)


def test_two_links_at_the_end_stay() -> None:
    text = text_of(teaser_list(STORIES[:2]))
    assert all(headline in text for _href, headline, _line in STORIES[:2])


def test_a_list_of_links_that_is_most_of_the_page_stays() -> None:
    many = [(f"/s{n}", f"Story number {n} of the harbour", "A line about it") for n in range(12)]
    text = text_of(teaser_list(many))
    assert "Story number 11 of the harbour" in text


def test_links_under_a_section_heading_of_the_article_stay() -> None:
    # "See also" at the level of the article's own sections is one of them.
    sections = f"<h2>The keeper</h2>{ARTICLE}<h2>See also</h2>{teaser_list(STORIES)}"
    text = text_of(sections)
    assert all(headline in text for _href, headline, _line in STORIES)


def test_teasers_under_an_article_written_without_spaces_are_left_out() -> None:
    # Japanese runs its words together: a paragraph is one "word" split at spaces, while the
    # teasers' source and time, set apart by spaces, are several.
    paragraph = "北の桟橋の灯りは夕暮れに灯台守が一つずつともし、"
    paragraph += "冬の夜にはランタンを手に桟橋を二度歩いた。"
    teaser = "港の渡し船の時刻が春から変わる 港町新聞 3/9(木) 18:01"
    body = etree.Element("body")
    for _ in range(3):
        etree.SubElement(body, "p").text = paragraph
    listing = etree.SubElement(body, "list")
    for number in range(3):
        item = etree.SubElement(listing, "item")
        etree.SubElement(item, "ref", target=f"https://harbour.example/{number}").text = teaser
    drop_teaser_tail(body)
    assert [element.tag for element in body] == ["p", "p", "p"]


STREAM = [
    *STORIES,
    ("/bridge", "Swing bridge closed for repairs", "Traffic goes round by the quay"),
    ("/regatta", "Regatta returns after ten years", "Forty boats have entered so far"),
]


def teaser_stream(linked: bool) -> str:
    summary = "The council met on {0} and heard from the keeper, the ferrymen and the harbour "
    entries = "".join(
        f"<div><div><h3>{_linked(href, headline) if linked else headline}</h3>"
        f"<p>{summary.format(href[1:])}{line.lower()}.</p></div></div>"
        for href, headline, line in STREAM
    )
    return f"<h2>Recommended for you</h2><div>{entries}</div>"


def _linked(href: str, headline: str) -> str:
    return f'<a href="https://harbour.example{href}">{headline}</a>'


def test_a_stream_of_linked_headlines_with_summaries_ending_the_article_is_left_out() -> None:
    text = text_of(teaser_stream(linked=True))
    assert "service on the pier" in text
    assert "Recommended" not in text
    assert not any(headline in text or line.lower() in text for _h, headline, line in STREAM)


def test_sections_of_a_short_paragraph_under_a_heading_that_links_nowhere_stay() -> None:
    text = text_of(teaser_stream(linked=False))
    assert all(headline in text and line.lower() in text for _h, headline, line in STREAM)
