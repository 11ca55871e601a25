"""Lines of links in the article's header: the author's page, the story's topics.

Between the headline and the first paragraph, news pages set lines that are only links: the
author's name linking to their page, "Topics: uber, libertarians, Sydney" linking to each
tag's page. The extractor keeps them as the article's first paragraphs, where they read as
text; the author is the article's byline already. `drop_header_links` removes, before the
body's first paragraph of prose, each paragraph whose words are all links to other pages
but for the separators between them, when the links are the author's (the page marks them
`rel="author"`) or a labelled list of several ("Topics:"). A lone link in the header that is
neither ("CLICK FOR FULL RESULTS") may be the article's own pointer to its document, and stays.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from reader.core.scripts import CJK_MAIN, HAN_COMPATIBILITY, HANGUL_SYLLABLES, one_of

_PROSE_WORDS = 12  # a paragraph this long is the text: the header ends above it
_LABEL = re.compile(r"(?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]*\s*[:：]")  # "Filed under:"
_MIN_LISTED = 2  # links a labelled line lists: a topic list, not "Source: the report"
_SEPARATORS = re.compile(r"[\s,;|·/&]+|\band\b")
# Chinese, Japanese and Korean write without spaces: each of their characters is a word.
_CJK = one_of(CJK_MAIN, HANGUL_SYLLABLES, HAN_COMPATIBILITY)


def drop_header_links(body: Any, source: lxml.html.HtmlElement) -> None:
    """Remove from the extractor's XML `body` its header's paragraphs made of links (judged
    on `source`, the page the body was extracted from)."""
    authors: set[str] | None = None
    for block in list(body):
        text = "".join(block.itertext())
        words = len(text.split()) + len(_CJK.findall(text))
        if block.tag == "p" and words >= _PROSE_WORDS:
            return
        links = _only_links(block) if block.tag == "p" and words else []
        if not links:
            continue
        authors = _author_links(source) if authors is None else authors
        if all(link.get("target") in authors for link in links) or _is_labelled_list(block):
            _remove(block)


def _only_links(paragraph: Any) -> list[Any]:
    """The links to other pages `paragraph`'s words all are, a label aside; else none."""
    links = [child for child in paragraph if child.tag == "ref"]
    if not links or any((link.get("target") or "#").startswith("#") for link in links):
        return []
    if any(child.tag != "ref" and "".join(child.itertext()).strip() for child in paragraph):
        return []
    opening = (paragraph.text or "").strip()
    if opening and not _LABEL.fullmatch(opening):
        return []
    between = " ".join(link.tail or "" for link in links)
    return [] if _SEPARATORS.sub("", between) else links


def _is_labelled_list(paragraph: Any) -> bool:
    """Whether `paragraph` opens with a label and lists several links: "Topics: a, b"."""
    labelled = bool((paragraph.text or "").strip())
    return labelled and sum(1 for child in paragraph if child.tag == "ref") >= _MIN_LISTED


def _author_links(source: lxml.html.HtmlElement) -> set[str]:
    """The addresses the page's links marked as its author's lead to."""
    found = set()
    for link in source.iter("a"):
        if "author" in (link.get("rel") or "").lower().split():
            found.add(link.get("href") or "")
    found.discard("")
    return found


def _remove(element: Any) -> None:
    """Remove `element` from its parent, keeping the text that follows it."""
    parent, tail = element.getparent(), (element.tail or "").strip()
    previous = element.getprevious()
    if tail and previous is not None:
        previous.tail = (previous.tail or "") + element.tail
    elif tail:
        parent.text = (parent.text or "") + element.tail
    parent.remove(element)
