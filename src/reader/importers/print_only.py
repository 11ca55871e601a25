"""Boxes a page shows only on paper: a print header, a print footer, not what its reader sees.

Pages carry blocks that their style sheet hides on screen and shows when the page is printed:
a logo and a reprint notice above the article ("This copy is for your personal,
non-commercial use only..."), the page's address and a copyright line below it. The
extractor does not read style sheets, so they came out as the article's first and last
paragraphs. `drop_print_only` removes, before extraction, the elements whose class or id
names them as such (`print-header`, `print-footer`, `print-only`, `visible-print`...).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_PRINT_ONLY = re.compile(
    r"print[-_]?(?:only|header|footer|logo|info|notice)|(?:visible|show)[-_](?:for[-_])?print"
    r"(?:[-_]block)?|only[-_]print",
    re.IGNORECASE,
)
_NAMES = etree.XPath("//@class|//@id", smart_strings=False)


def drop_print_only(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the elements its markup names as shown only in print."""
    # Most pages name nothing for print: one search through all their class and id values (a
    # name matched on its own is matched there too) spares judging every element.
    names = _NAMES(tree)
    assert isinstance(names, list)
    if not _PRINT_ONLY.search("\n".join(str(name) for name in names)):
        return
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in {"html", "body"}:
            continue
        if element.getparent() is not None and _print_only(element):
            element.drop_tree()


def _print_only(element: lxml.html.HtmlElement) -> bool:
    names = [*(element.get("class") or "").split(), element.get("id") or ""]
    return any(_PRINT_ONLY.fullmatch(name) for name in names)
