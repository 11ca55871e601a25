"""Readers' comments under an article, removed before extraction.

We ask the extractor to leave comments out, and it does for the comment sections it knows
by their markup; a section named plainly (`<div id="comments">`, `class="comments-area"`)
that sits beside the article inside one wrapper is read as more of the article: a page of a
few hundred words came out with a thousand words of readers' replies under it.
`drop_comment_sections` removes the elements a page names as its comment section, unless
one holds the page's headline or most of its text (then the name says nothing).
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.tree import word_count

# Names (an id, or one class) that sites and blog engines give the box of readers' comments.
_NAMES = frozenset(
    {
        *("comments", "comment-list", "commentlist", "comments-list", "comments-area"),
        *("comment-section", "comments-section", "disqus_thread"),
    }
)
_MOST = 0.5  # share of the page's words
# The elements that have a name to read, in the page's order: most have neither attribute.
_NAMED_ANY = etree.XPath("descendant-or-self::*[@id or @class]")


def drop_comment_sections(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the elements it names as its readers' comments."""
    sections = [element for element in _NAMED_ANY(tree) if _named(element)]
    if not sections:
        return
    total = word_count(tree)
    for section in sections:
        if section.getparent() is None or any(_named(a) for a in section.iterancestors()):
            continue  # the page itself, or inside a section already judged
        if next(section.iter("h1"), None) is not None or word_count(section) > _MOST * total:
            continue
        section.drop_tree()


def _named(element: lxml.html.HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in {"html", "body", "a"}:
        return False
    names = {(element.get("id") or "").casefold(), *(element.get("class") or "").casefold().split()}
    return not names.isdisjoint(_NAMES)
