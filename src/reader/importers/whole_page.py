"""The page's own markup as the article, when the extractor finds none or only dumps lines.

On a page too short for its scoring (a help page holding one table, a chapter's contents)
trafilatura's last resort gives all the text as one paragraph with a line per element: tables
become a cell per line, a link inside a sentence a line of its own, and the navigation comes
along. The page's markup is better than that: its main region, less what declares itself
navigation, keeps headings, lists, tables and sentences whole.
"""

from __future__ import annotations

import copy
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.site_chrome import is_link_bar

# Page containers that become paragraphs, so that the text of neighbouring boxes does not run
# together once the sanitizer strips their tags.
_CONTAINERS = ("div", "section", "article", "main", "header", "footer", "aside", "nav", "center")
# Blocks of their own: a box holding only these and containers is no paragraph.
_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "pre", "blockquote"}
    | {"hr", "figure", "form", "details"}
)
_MAIN = etree.XPath("//main|//*[@role='main']|//article")
# What declares itself the site's navigation, by element or by role; DocBook's generated
# navigation bars by their fixed class names.
_CHROME = etree.XPath(
    "//nav|//footer|//aside|//header[not(ancestor::article or ancestor::main)]"
    "|//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='search']"
    "|//*[contains(concat(' ', normalize-space(@class), ' '), ' navheader ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' navfooter ')]"
)


def is_line_dump(body: Any) -> bool:
    """trafilatura's last resort: one paragraph of text lines, with no markup inside."""
    if len(body) != 1 or body[0].tag != "p" or len(body[0]) or (body.text or "").strip():
        return False
    return sum(1 for line in (body[0].text or "").split("\n") if line.strip()) >= 2


def whole_page_html(tree: lxml.html.HtmlElement) -> str:
    """The page's main region (the only `main` or `article`, else the body) as HTML, without
    its navigation. Changes `tree`: run it last."""
    found = _MAIN(tree)
    body = tree.find("body")
    root = found[0] if len(found) == 1 else (body if body is not None else tree)
    bare = copy.deepcopy(root)
    for element in [*_CHROME(bare), *filter(is_link_bar, bare.iter("p", "div"))]:
        if element is not bare and element.getparent() is not None:
            element.drop_tree()
    if bare.text_content().strip():  # a page that is all navigation keeps it: text, not none
        root = bare
    for element in list(root.iter(*_CONTAINERS)):
        if element is root or _holds_text(element):
            element.tag = "p"
        else:
            element.drop_tag()  # a box of boxes is no paragraph: an empty one shows as a gap
    return str(lxml.html.tostring(root, encoding="unicode"))


def _holds_text(element: lxml.html.HtmlElement) -> bool:
    """Text of its own, beside its child elements, or an inline child showing something."""
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return True
    return any(
        child.tag not in _CONTAINERS and child.tag not in _BLOCKS and _shows_something(child)
        for child in element
    )


def _shows_something(element: lxml.html.HtmlElement) -> bool:
    """Text or an image: not an empty `<a name>` anchor or a stray script."""
    if element.tag in {"script", "style", "template"}:
        return False
    return bool(element.text_content().strip()) or next(element.iter("img"), None) is not None
