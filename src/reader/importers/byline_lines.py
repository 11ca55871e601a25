"""The author's byline or contact line kept as a paragraph at either end of a body, dropped.

A page prints its byline ("By Jane Doe, Senior Reporter") above the article and often inside
the box the extractor keeps, and may close the article with "Contact Jane Doe at jane@...".
Reader shows the author above the body from the page's metadata, so such a line says it a
second time. Only a short line at the body's opening or close goes, and only one that is the
byline as a whole: "By" and a name that is the article's author or that the page sets apart in
its own markup (`By <b>Jane Doe</b>`), then nothing or a job title after a comma; or
"Contact"/"Follow"/"Email" and the author's name. A sentence that merely names the author
("By Jane Doe's count, ...", "Jane Doe wrote ...") is not such a line and stays.
"""

from __future__ import annotations

import re

from reader.importers.sanitize import html_to_text

_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)
_OPENING_TEXT = 80  # characters of text a kicker or a dateline above the byline may hold
_LINE_WORDS = 25  # a byline with a job title and a desk is short; a paragraph is not
_BY = re.compile(r"by\s+(?P<rest>.+)", re.IGNORECASE | re.DOTALL)
# The name set apart in the page's markup, right after "By".
_MARKED_NAME = re.compile(
    r"\s*by\s+<(?P<tag>a|b|strong|em|i|span)\b[^>]*>(?P<name>[^<]+)</(?P=tag)>(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*")
_NAME_WORDS = (2, 5)  # "Jane Doe" to "Mary Anne de la Cruz"
# What may follow a byline's name: the end, another name, or its job title and desk.
_AFTER_NAME = re.compile(r"\s*(?:$|[,|·•–—/]|and\s|&)", re.IGNORECASE)
_CONTACT = re.compile(
    r"(?:contact|follow|email|e-mail|reach|write to)\s+(?P<rest>.+)", re.IGNORECASE | re.DOTALL
)
_AFTER_CONTACT = re.compile(r"\s+(?:at|on|via|by)\s", re.IGNORECASE)


def drop_byline_lines(html: str, text: str, author: str | None) -> tuple[str, str]:
    """`html` without a byline at its opening and a byline or contact line at its close;
    `text` is the body's text, returned to match."""
    # Only the first and the last paragraph holding text count: the ones between are not read.
    paragraphs = list(_PARAGRAPH.finditer(html))
    first = next((match for match in paragraphs if _plain(match.group(1))), None)
    if first is None:
        return html, text
    last = next(match for match in reversed(paragraphs) if _plain(match.group(1)))
    spans: list[tuple[int, int]] = []
    if _is_byline(first.group(1), author) and _text_length(html[: first.start()]) <= _OPENING_TEXT:
        spans.append(first.span())
    closing = _is_byline(last.group(1), author) or _is_contact(last.group(1), author)
    if last is not first and closing and not html_to_text(html[last.end() :]).strip():
        spans.append(last.span())
    if not spans:
        return html, text
    kept = html
    for start, end in reversed(spans):
        kept = kept[:start] + kept[end:]
    kept_text = html_to_text(kept)
    return (kept, kept_text) if kept_text.strip() else (html, text)  # a body of a byline


def _is_byline(inner: str, author: str | None) -> bool:
    """Whether a paragraph's markup is a byline: "By" and the author or a marked-up name."""
    line = _plain(inner)
    match = _BY.fullmatch(line)
    if match is None or len(line.split()) > _LINE_WORDS:
        return False
    if author and _names_first(match["rest"], author, _AFTER_NAME):
        return True
    marked = _MARKED_NAME.fullmatch(inner)
    if marked is None or _AFTER_NAME.match(_plain(marked["rest"])) is None:
        return False
    words = _plain(marked["name"]).split()
    low, high = _NAME_WORDS
    return low <= len(words) <= high and all(_NAME_WORD.fullmatch(word) for word in words)


def _is_contact(inner: str, author: str | None) -> bool:
    """Whether a paragraph is "Contact <author> at ...", "Follow <author> on ..."."""
    line = _plain(inner)
    match = _CONTACT.fullmatch(line)
    return (
        bool(author)
        and match is not None
        and len(line.split()) <= _LINE_WORDS
        and _names_first(match["rest"], author or "", _AFTER_CONTACT)
    )


def _names_first(rest: str, author: str, after: re.Pattern[str]) -> bool:
    """Whether `rest` opens with the author's whole name, followed by what `after` allows."""
    name = " ".join(author.split())
    if not name or not rest.casefold().startswith(name.casefold()):
        return False
    return after.match(rest[len(name) :]) is not None


def _plain(inner: str) -> str:
    """A paragraph's markup as one line of text, spaces (non-breaking too) collapsed."""
    return " ".join(html_to_text(inner).split())


def _text_length(fragment: str) -> int:
    return len(html_to_text(fragment).strip())
