"""The author named in the page's text, where its metadata names none.

trafilatura's author search takes the first element whose class or id says "author",
"byline" or "username", wherever it is: a sign-in button's "Username" in the site's header,
a navigation box's heading, a date line in an "author-details" box, the byline of a related
story's teaser card. We run the same expressions over the same pruned copy of the page, but
look at every element they find, skip those a reader would never take for the article's
byline, and read the first line of the rest: a job title or a date on a line of its own
below the name is not part of it.
"""

from __future__ import annotations

import re
from copy import deepcopy

import lxml.html
from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

# Places that hold the site's controls and menus, never the article's byline.
_CHROME_TAGS = frozenset({"nav", "form", "button", "select", "label", "menu"})
_CHROME_ROLES = frozenset({"navigation", "menu", "menubar", "search", "banner", "button"})
# A class that names a button: "btn", "follow-button", "nav-btn".
_CONTROL_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button)(?:$|[\s_-])", re.IGNORECASE)
# Elements that start a line of their own.
_BLOCKS = frozenset(
    {"div", "p", "br", "li", "ul", "ol", "dl", "dt", "dd", "section", "header", "footer"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "figure", "blockquote"}
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A date line: "Last Updated: January 7, 2025", "Published 3 May", "March 25, 2015".
_DATE_LINE = re.compile(
    rf"(?:last\s+)?(?:updated|published|modified|posted\s+on|date)\b|(?:{_MONTHS})\.?\s+\d|\d",
    re.IGNORECASE,
)
# The last word of a job title on a line of its own under the name ("Games Editor").
_JOB_WORDS = frozenset(
    {"editor", "writer", "reporter", "correspondent", "columnist", "contributor", "producer"}
    | {"critic", "journalist", "staff", "analyst", "director", "intern", "chief", "host"}
    | {"editors", "writers", "reporters", "correspondents", "contributors", "photographer"}
)
# The most text a teaser card holds: a headline, a summary, a byline.
_CARD_SIZE = 800
_LEAD_WORD = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.IGNORECASE)


def page_byline(tree: lxml.html.HtmlElement) -> str | None:
    """The first byline on the page a reader would take for the article's author."""
    pruned = prune_unwanted_nodes(deepcopy(tree), AUTHOR_DISCARD_XPATHS)
    for expression in AUTHOR_XPATHS:
        for element in expression(pruned):
            # trafilatura's own bounds on the whole text first: they are cheap, and a box
            # longer than a byline (a biography) is none
            whole = trim(" ".join(element.itertext()))
            if not 2 < len(whole) < 120 or _out_of_place(element):
                continue
            name = _name_line(element)
            if name and len(name) > 2:
                return normalize_authors(None, name)
    return None


def _out_of_place(element: lxml.html.HtmlElement) -> bool:
    """In the site's controls or header, a control itself ("Follow @name"), or in a teaser
    card of another page."""
    text = trim(element.text_content())
    for child in element.iter(etree.Element):  # elements only: a comment has no class
        if _is_control(child) and trim(child.text_content()) == text:
            return True
    for ancestor in element.iterancestors():
        if _is_control(ancestor) or (ancestor.tag == "header" and _site_header(ancestor)):
            return True
        if ancestor.tag in ("article", "li"):
            return _teaser_card(ancestor)
    return False


def _is_control(element: lxml.html.HtmlElement) -> bool:
    classes = str(element.get("class") or "")
    return (
        element.tag in _CHROME_TAGS
        or element.get("role") in _CHROME_ROLES
        or _CONTROL_CLASS.search(classes) is not None
    )


def _site_header(header: lxml.html.HtmlElement) -> bool:
    """A <header> outside any <article> and without a headline: the site's own. (A blog's
    post header may title its post with an <h2>.)"""
    inside_article = any(parent.tag == "article" for parent in header.iterancestors())
    return not inside_article and next(header.iter("h1", "h2"), None) is None


def _teaser_card(card: lxml.html.HtmlElement) -> bool:
    """A short <article> or list item whose heading links away: another page's teaser."""
    if (
        next(card.iter("h1"), None) is not None
        or len("".join(card.text_content().split())) > _CARD_SIZE
    ):
        return False
    for heading in card.iter("h2", "h3", "h4"):
        links = [*heading.iterancestors("a"), *heading.iter("a")]
        if any((link.get("href") or "#").strip()[:1] not in ("#", "") for link in links):
            return True
    return False


def _name_line(element: lxml.html.HtmlElement) -> str | None:
    """The element's first line that is no date, without a job title on a line below it."""
    lines = [line for line in _lines(element) if line]
    while lines and _is_date_line(lines[0]):
        lines.pop(0)
    if not lines:
        return None
    if len(lines) > 1 and all(_is_date_line(x) or _is_job_title(x) for x in lines[1:]):
        return lines[0]
    return " ".join(lines)


def _lines(element: lxml.html.HtmlElement) -> list[str]:
    """The element's text split where block elements start and end."""
    lines = [""]

    def walk(node: lxml.html.HtmlElement) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCKS
        if block:
            lines.append("")
        if isinstance(node.tag, str):  # a comment holds no text, only its tail
            lines[-1] += " " + (node.text or "")
            for child in node:
                walk(child)
        if block:
            lines.append("")
        if node is not element:
            lines[-1] += " " + (node.tail or "")

    walk(element)
    return [trim(line) for line in lines]


def _is_date_line(line: str) -> bool:
    return _DATE_LINE.match(_LEAD_WORD.sub("", line.strip())) is not None


def _is_job_title(line: str) -> bool:
    words = line.rstrip(".").split()
    return 0 < len(words) <= 4 and words[-1].casefold() in _JOB_WORDS
