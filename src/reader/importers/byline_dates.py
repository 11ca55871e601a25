"""A byline read from the page's text with the first word of its date glued on."""

from __future__ import annotations

import re

import lxml.html

# The words a written date may open with: months and weekdays, full and short (English).
_DATE_WORDS = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr"),
        *("jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday"),
        *("wednesday", "thursday", "friday", "saturday", "sunday"),
    }
)


def without_date_word(author: str | None, tree: lxml.html.HtmlElement) -> str | None:
    """`author` without a last word that opens the date after it on the page.

    A byline box such as "By <b>Nathan Willis</b><br>March 25, 2015" is read as one line and
    its digits dropped, which leaves "Nathan Willis March". The word goes only where the page
    shows the whole name followed by that word and a number (a day or a year), and where two
    words remain: "Theresa May" stays whole.
    """
    words = (author or "").split()
    if len(words) < 3 or words[-1].rstrip(".,").casefold() not in _DATE_WORDS:
        return author
    text = " ".join(str(tree.text_content()).split())
    if re.search(rf"{re.escape(' '.join(words))}\.?,?\s+\d", text) is None:
        return author
    return " ".join(words[:-1]).rstrip(",")
