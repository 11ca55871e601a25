"""Headings the extractor kept as plain paragraphs.

When trafilatura finds no article container it collects the page's loose text blocks and
writes every one as a `p`, section headings included: the reader sees a heading as a short
paragraph and loses the article's outline. `restore_demoted_headings` turns such a paragraph
back into a `head` of the extractor's XML when its whole text is one heading of the page.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from reader.importers.tree import HEADINGS, text_of


def restore_demoted_headings(body: Any, source: lxml.html.HtmlElement) -> None:
    """Make each `body` paragraph whose text is exactly one source heading that heading."""
    headings = _headings_by_text(source)
    if not headings:
        return
    paragraph_texts: set[str] | None = None  # read once a paragraph is a heading's text
    for child in body:
        if child.tag != "p" or any(isinstance(e.tag, str) and e.tag != "hi" for e in child):
            continue  # a paragraph holding links or images is not a demoted heading
        text = text_of(child)
        level = headings.get(text)
        if level is None:
            continue
        if paragraph_texts is None:
            paragraph_texts = {text_of(paragraph) for paragraph in source.iter("p")}
        if text not in paragraph_texts:
            child.tag = "head"
            child.attrib.clear()
            child.set("rend", level)


def _headings_by_text(source: lxml.html.HtmlElement) -> dict[str, str]:
    """Each heading's level by its text; a text two headings share maps to neither."""
    found: dict[str, str | None] = {}
    for heading in source.iter(*HEADINGS):
        text = text_of(heading)
        if text:
            found[text] = None if text in found else heading.tag
    return {text: level for text, level in found.items() if level is not None}
