"""Lines of links between the headline and the text (the author's page, the topics) are not
the article's paragraphs; a sentence with links in it, or the article's own pointer, is."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.header_links import drop_header_links

PROSE = (
    "<p>The keeper lights the north lamp at dusk and the south lamp an hour later, "
    "and notes the weather in the log.</p>"
)
AUTHOR = "https://harbour.example/writer/ann"
SOURCE = f'<html><body><a rel="author" href="{AUTHOR}">Ann Keeper</a></body></html>'


def ref(words: str, target: str = "https://harbour.example/topic/lamps") -> str:
    return f'<ref target="{target}">{words}</ref>'


def kept(header: str, after: str = "") -> str:
    body = etree.fromstring(f'<body><head rend="h1">The lamps</head>{header}{PROSE}{after}</body>')
    drop_header_links(body, lxml.html.fromstring(SOURCE))
    return " ".join("".join(body.itertext()).split())


def test_the_authors_link_and_a_topics_line_go() -> None:
    assert "Ann" not in kept(f"<p>{ref('Ann Keeper', AUTHOR)}</p>")
    topics = f"<p>Topics: {ref('lamps')}, {ref('piers')} | {ref('Harbour News')}</p>"
    left = kept(topics)
    assert "Topics" not in left and "Harbour News" not in left and "north lamp" in left


def test_sentences_pointers_and_lines_below_the_text_stay() -> None:
    assert "Read the log first." in kept(f"<p>Read {ref('the log')} first.</p>")
    assert "FULL RESULTS" in kept(f"<p>{ref('CLICK FOR FULL RESULTS')}</p>")
    assert "Source: the log" in kept(f"<p>Source: {ref('the log')}</p>")
    assert "Topics: lamps" in kept("", f"<p>Topics: {ref('lamps')}, {ref('piers')}</p>")
    assert "Contents" in kept(f"<p>{ref('Contents', '#contents')}</p>")
