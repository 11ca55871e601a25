"""Formatting that opens with a link (`<sup><a>[52]</a></sup>`) carried through extraction.

The extractor drops a formatting element whose first content is a link, together with the
white space after it, unless the element has text of its own before the link: a footnote
mark loses its superscript and glues to the next word ("[52]Tristan"). Before extraction such
an element gets an invisible mark as its opening text; afterwards the mark is taken out.
"""

from __future__ import annotations

import lxml.html

# A Unicode noncharacter: reserved for a program's internal use, never found in a real page
# (ruby.py uses U+FDD0 to U+FDD2).
OPENER_MARK = "\ufdd3"
_FORMATTING = (
    *("sup", "sub", "b", "strong", "i", "em", "u", "s", "del", "strike", "small", "mark"),
)


def mark_link_openers(tree: lxml.html.HtmlElement) -> None:
    """Give every formatting element that opens with a link a mark as its opening text."""
    for element in tree.iter(*_FORMATTING):
        if (element.text or "").strip() or not len(element):
            continue
        first = element[0]
        if first.tag == "a" or (isinstance(first.tag, str) and first.find(".//a") is not None):
            element.text = OPENER_MARK + (element.text or "")


def without_opener_marks(markup: str) -> str:
    """Extracted HTML (or any text read from the marked page) without the marks."""
    return markup.replace(OPENER_MARK, "")
