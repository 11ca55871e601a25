"""Metadata some kinds of page keep in their body: a manual page's NAME line, Word's properties."""

from __future__ import annotations

import re

import lxml.html

# The NAME section's heading in the languages man pages and DocBook reference pages come in.
_NAME_HEADINGS = frozenset(
    {"name", "名称", "名前", "名稱", "이름", "nom", "nombre", "nome", "имя", "название", "navn"}
)
_HEADINGS = ("h1", "h2", "h3", "h4", "dt", "b")
# "ls - list directory contents", "ls, dir — list…": names, a dash, a description.
_NAME_LINE = re.compile(r"(?P<names>[^\s].{0,80}?)\s+(?:\\?-|—|–|－)+\s+(?P<what>\S.*)", re.DOTALL)
# Word's document properties sit in a conditional comment, which the HTML parser discards.
_WORD_PROPERTY = re.compile(r"<o:(Author|LastAuthor|Created|LastSaved)>([^<]{1,200})</o:\1>")


def is_name_heading(text: str) -> bool:
    return " ".join(text.split()).casefold().rstrip(":：") in _NAME_HEADINGS


def manual_title(tree: lxml.html.HtmlElement) -> str | None:
    """`ls — list directory contents` from a manual page's NAME section, if the page has one.

    Only one of the page's first three headings counts: further down, a "Name" heading is
    part of the text (a form, a field list), not the page's own name.
    """
    headings = [h for h in tree.iter(*_HEADINGS) if h.text_content().strip()][:3]
    for heading in headings:
        if not is_name_heading(heading.text_content()):
            continue
        line = _following_text(heading)
        match = _NAME_LINE.fullmatch(line) if line else None
        if match:
            return f"{match.group('names').strip()} — {match.group('what').strip()}"
    return None


def _following_text(heading: lxml.html.HtmlElement) -> str | None:
    """The text after a heading: its tail, else the next element with text (a `<p>`, a
    `<dd>`, DocBook's `refnamediv` paragraph)."""
    tail = " ".join((heading.tail or "").split())
    if tail:
        return tail
    element: lxml.html.HtmlElement | None = heading
    for _ in range(4):  # a few steps: the NAME line is right below its heading
        assert element is not None
        following = element.getnext()
        while following is None and element.getparent() is not None:
            element = element.getparent()
            following = element.getnext()
        if following is None:
            return None
        text = " ".join(following.text_content().split())
        if text:
            return text
        element = following
    return None


def word_properties(markup: str) -> dict[str, str]:
    """Word's `o:DocumentProperties` (Author, LastAuthor, Created, LastSaved) from the raw page;
    only Word's own HTML holds them."""
    if "urn:schemas-microsoft-com:office" not in markup[:20000]:
        return {}
    found: dict[str, str] = {}
    for name, value in _WORD_PROPERTY.findall(markup):
        if value.strip():
            found.setdefault(name, " ".join(value.split()))
    return found
