"""Call-to-action buttons: links styled as buttons ("Try it now", "Learn more", "Next").

On the page they are buttons beside the text; in an article read on its own they are stray
one-line paragraphs. A link is such a button when the page marks it as one (`role=button`, a
class such as `btn`, `button`, `cta` or `more`), its text is a short label, and it stands
alone in its block: a link inside running text is the text's own and always stays.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_BUTTON_CLASS = re.compile(
    r"(?:^|[-_])(?:btn|button|cta|more|next|prev|previous)(?:$|[-_])", re.IGNORECASE
)
_LABEL_WORDS = 4  # "Learn more", "Try it now", "Get started": a label, not a sentence
# Inline elements that sit inside a line of text; anything else (a block, <br>) bounds it.
_INLINE = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font"),
        *("i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong"),
        *("sub", "sup", "time", "tt", "u", "var", "big", "strike", "nobr", "img"),
    }
)


def drop_button_links(tree: lxml.html.HtmlElement) -> None:
    """Remove the links styled as buttons that stand alone in their block."""
    for link in list(tree.iter("a")):
        if _styled_as_button(link) and _is_label(link) and _alone(link):
            link.drop_tree()  # keeps its tail (only blank, as it stands alone)


def _styled_as_button(link: etree._Element) -> bool:
    if (link.get("role") or "").strip().lower() == "button":
        return True
    return any(_BUTTON_CLASS.search(token) for token in (link.get("class") or "").split())


def _is_label(link: etree._Element) -> bool:
    words = "".join(link.itertext()).split()
    return 0 < len(words) <= _LABEL_WORDS


def _alone(link: etree._Element) -> bool:
    """No text beside the link between the blocks (or line breaks) around it."""
    parent = link.getparent()
    if parent is None or parent.tag == "body":
        return False
    if (link.tail or "").strip():
        return False
    before = link.getprevious()
    while before is not None and _inline(before):
        if "".join(before.itertext()).strip() or (before.tail or "").strip():
            return False
        before = before.getprevious()
    leading = parent.text if before is None else before.tail
    if (leading or "").strip():
        return False
    after = link.getnext()
    while after is not None and _inline(after):
        if "".join(after.itertext()).strip() or (after.tail or "").strip():
            return False
        after = after.getnext()
    if before is None and after is None and _inline(parent):
        return _alone(parent)  # <strong><a>Learn more</a></strong>: the same question, a level up
    return True


def _inline(element: etree._Element) -> bool:
    return not isinstance(element.tag, str) or element.tag in _INLINE
