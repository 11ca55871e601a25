"""Lines of links in the article's header: the author's page, the story's topics.

Between the headline and the first paragraph, news pages set lines that are only links: the
author's name linking to their page, "Topics: uber, libertarians, Sydney" linking to each
tag's page. The extractor keeps them as the article's first paragraphs, where they read as
text; the author is the article's byline already. `drop_header_links` removes, before the
body's first paragraph of prose, each paragraph whose words are all links to other pages
but for a label ("Topics:") and the separators between them.
"""

from __future__ import annotations

import re
from typing import Any

from reader.core.scripts import CJK_MAIN, HAN_COMPATIBILITY, HANGUL_SYLLABLES, one_of

_PROSE_WORDS = 12  # a paragraph this long is the text: the header ends above it
_LABEL = re.compile(r"(?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]*\s*[:：]")  # "Filed under:"
_SEPARATORS = re.compile(r"[\s,;|·/&]+|\band\b")
# Chinese, Japanese and Korean write without spaces: each of their characters is a word.
_CJK = one_of(CJK_MAIN, HANGUL_SYLLABLES, HAN_COMPATIBILITY)


def drop_header_links(body: Any) -> None:
    """Remove from the extractor's XML `body` its header's paragraphs made of links."""
    for block in list(body):
        text = "".join(block.itertext())
        words = len(text.split()) + len(_CJK.findall(text))
        if block.tag == "p" and words >= _PROSE_WORDS:
            return
        if block.tag == "p" and words and _only_links(block):
            _remove(block)


def _only_links(paragraph: Any) -> bool:
    """Whether `paragraph`'s words are all in links to other pages, a label aside."""
    links = [child for child in paragraph if child.tag == "ref"]
    if not links or any((link.get("target") or "#").startswith("#") for link in links):
        return False
    if any(child.tag != "ref" and "".join(child.itertext()).strip() for child in paragraph):
        return False
    opening = (paragraph.text or "").strip()
    if opening and not _LABEL.fullmatch(opening):
        return False
    return not _SEPARATORS.sub("", " ".join(link.tail or "" for link in links))


def _remove(element: Any) -> None:
    """Remove `element` from its parent, keeping the text that follows it."""
    parent, tail = element.getparent(), (element.tail or "").strip()
    previous = element.getprevious()
    if tail and previous is not None:
        previous.tail = (previous.tail or "") + element.tail
    elif tail:
        parent.text = (parent.text or "") + element.tail
    parent.remove(element)
