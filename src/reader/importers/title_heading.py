"""The headline at the top of an extracted body, dropped when the article's title says it.

A page's title (from its metadata) and the headline printed above its article are often not
the same string: the headline runs longer than a title cut for sharing, differs in case or in
its quotes and dashes, or words the same news a little differently. Shown under the title, such
a headline reads as the title twice. The opening heading is dropped when its words are, for
the most part, the title's, and the title's words, for a good part, are its own.
"""

from __future__ import annotations

import re

from reader.importers.sanitize import html_to_text

_ANY_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
_SEPARATOR = re.compile(r"[-|–—·:»_/]+")
_WORD = re.compile(r"\w+")
_KICKER_LENGTH = 80  # characters of text a dateline or kicker above the headline may hold
# Shares (by characters of words) of the heading found in the title, and of the title found
# in the heading, from which the heading is the title: a section heading at the top of a body
# ("Overview") has its word in the title, but holds little of the title.
_HEADING_IN_TITLE = 0.75
_TITLE_IN_HEADING = 0.5


def drop_title_heading(html: str, text: str, title: str) -> tuple[str, str]:
    """`html` without its opening heading when that heading is the title. "Opening": only a
    dateline or a kicker (a line or two of short text) may come before it. `text` is the body's
    text, and is returned to match."""
    match = _ANY_HEADING.search(html)
    if match is None or len(html_to_text(html[: match.start()]).strip()) > _KICKER_LENGTH:
        return html, text
    heading = html_to_text(match.group(2))
    if not (_title_with_suffix(heading, title) or _same_words(heading, title)):
        return html, text
    html = (html[: match.start()] + html[match.end() :]).lstrip()
    return html, html_to_text(html)


def _title_with_suffix(heading: str, title: str) -> bool:
    """Whether the title is the heading followed by a section or site ("X | Code")."""
    words, title_words = heading.split(), title.split()
    rest = title_words[len(words) :]
    same = bool(words) and title_words[: len(words)] == words
    return same and (not rest or _SEPARATOR.fullmatch(rest[0]) is not None)


def _same_words(heading: str, title: str) -> bool:
    """Whether heading and title are mostly the same words, case and punctuation aside."""
    ours, theirs = _words(heading), _words(title)
    if not ours or not theirs:
        return False
    in_title = _share(ours, set(theirs)) >= _HEADING_IN_TITLE
    return in_title and _share(theirs, set(ours)) >= _TITLE_IN_HEADING


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _share(words: list[str], other: set[str]) -> float:
    """The share of `words`' characters in words that `other` holds too."""
    return sum(len(word) for word in words if word in other) / sum(len(word) for word in words)
