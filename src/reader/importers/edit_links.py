"""Section-edit links beside headings ("History [edit]") are the site's tools, not its text.

A wiki or a documentation site puts a link to edit each section next to its heading, often in
brackets of their own. Such a link is known by where it leads (`action=edit`, `/edit/…`) or
by the class of its box (`editsection`), never by its words, which are in the page's language.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Where an edit link leads: a wiki's edit action, or an `/edit/` step in the path (a code
# host's "edit this page", a CMS's editor).
_EDIT_TARGET = re.compile(r"[?&;](?:ve)?action=(?:edit|submit)\b|/edit(?:/|$|[?#])", re.I)
_EDIT_BOX = re.compile(r"edit-?section|section-?edit|edit-?link|headerlink-edit", re.I)
# What may surround the link in its box: brackets, bars, dots and spaces.
_PUNCTUATION = re.compile(r"[\s\[\]()|·•]*")
_NAMES = etree.XPath("//@class|//@id", smart_strings=False)
_OPEN_BRACKET = re.compile(r"\s*[\[(]\s*$")
_CLOSE_BRACKET = re.compile(r"^\s*[\])]")


def drop_edit_links(tree: lxml.html.HtmlElement) -> None:
    """Remove each section-edit link with the brackets and box around it."""
    # Judging a link weighs the text around it; where no class or id on the page names an
    # edit box (matches never span two names), only links leading to an editor can be one.
    named = _EDIT_BOX.search("\n".join(_page_names(tree))) is not None
    for anchor in list(tree.iter("a")):
        if anchor.getparent() is None:
            continue
        if not named and not _EDIT_TARGET.search(anchor.get("href") or ""):
            continue
        box = _edit_box(anchor)
        if not _is_edit_link(anchor, box):
            continue
        if box is not anchor:
            box.drop_tree()  # lxml.html keeps the tail text in place
            continue
        _drop_brackets(anchor)
        anchor.drop_tree()


def _is_edit_link(anchor: lxml.html.HtmlElement, box: lxml.html.HtmlElement) -> bool:
    """Led to an editor from inside a heading, or alone in a box named for editing (only
    that small box counts: a page may wrap its whole article in a class "edit-section")."""
    chain = [anchor, *anchor.iterancestors()]
    if any(_EDIT_BOX.search(_names(element)) for element in chain[: chain.index(box) + 1]):
        return True
    if not _EDIT_TARGET.search(anchor.get("href") or ""):
        return False
    return any(parent.tag in _HEADINGS for parent in anchor.iterancestors())


def _page_names(tree: lxml.html.HtmlElement) -> list[str]:
    found = _NAMES(tree)
    assert isinstance(found, list)
    return [value for value in found if isinstance(value, str)]


def _names(element: lxml.html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _edit_box(anchor: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The largest element around the link that holds nothing else but punctuation."""
    box = anchor
    words = anchor.text_content()
    for parent in anchor.iterancestors():
        if parent.tag in _HEADINGS or parent.tag in {"body", "html"}:
            break
        rest = parent.text_content().replace(words, "", 1)
        if not _PUNCTUATION.fullmatch(rest):
            break
        box = parent
    return box


def _drop_brackets(anchor: lxml.html.HtmlElement) -> None:
    """`[` before the link and `]` after it, when both are there in plain text."""
    previous, parent = anchor.getprevious(), anchor.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else ""
    after = anchor.tail or ""
    if not (_OPEN_BRACKET.search(before or "") and _CLOSE_BRACKET.search(after)):
        return
    trimmed = _OPEN_BRACKET.sub("", before or "")
    if previous is not None:
        previous.tail = trimmed
    elif parent is not None:
        parent.text = trimmed
    anchor.tail = _CLOSE_BRACKET.sub("", after)
