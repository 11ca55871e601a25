"""Lines of links between the headline and the text (the author's page, the topics) are not
the article's paragraphs; a sentence with links in it is."""

from __future__ import annotations

from lxml import etree

from reader.importers.header_links import drop_header_links

PROSE = (
    "<p>The keeper lights the north lamp at dusk and the south lamp an hour later, "
    "and notes the weather in the log.</p>"
)


def ref(words: str, target: str = "https://harbour.example/topic/lamps") -> str:
    return f'<ref target="{target}">{words}</ref>'


def kept(header: str, after: str = "") -> str:
    body = etree.fromstring(f'<body><head rend="h1">The lamps</head>{header}{PROSE}{after}</body>')
    drop_header_links(body)
    return " ".join("".join(body.itertext()).split())


def test_a_header_line_of_links_goes() -> None:
    assert "Ann" not in kept(f"<p>{ref('Ann Keeper', 'https://harbour.example/writer/ann')}</p>")
    topics = f"<p>Topics: {ref('lamps')}, {ref('piers')} | {ref('Harbour News')}</p>"
    left = kept(topics)
    assert "Topics" not in left and "Harbour News" not in left and "north lamp" in left


def test_sentences_and_lines_below_the_text_stay() -> None:
    sentence = f"<p>Read {ref('the log')} first.</p>"
    assert "Read the log first." in kept(sentence)
    assert "Topics: lamps" in kept("", f"<p>Topics: {ref('lamps')}</p>")
    assert "Contents" in kept(f"<p>{ref('Contents', '#contents')}</p>")
