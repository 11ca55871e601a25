"""trafilatura's metadata readers, run only for the fields a page's own metadata leaves open.

trafilatura's `extract_metadata` reads every field (title, author, URL, date, site name,
categories, tags, licence) whether we need it or not, and its author and date searches copy
the whole page: about a fifth of an HTML import's time. We call its readers one by one, in
the same order and with the same rules, and only for what `PageMetadata.complete` will use,
so the values it takes from trafilatura are the ones the whole reader would have given.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
from htmldate import find_date
from lxml import etree
from trafilatura import metadata as readers
from trafilatura.settings import Document, set_date_params

from reader.importers.byline_search import page_byline
from reader.importers.html_metadata import PageMetadata

log = logging.getLogger(__name__)

# Where trafilatura's author expressions (trafilatura.xpaths.AUTHOR_XPATHS) look, and every
# word they look for there.
_BYLINE_PLACES = etree.XPath(
    "//@class|//@id|//@rel|//@itemprop|//@data-testid|//@data-component|//author|//rel",
    smart_strings=False,
)
_BYLINE_WORDS = re.compile(
    "author|byl|bbl|username|screenname|writer|zuozhe|bianji|xiaobian|channel-name"
    "|submitted-by|posted-by|journalist-name",
    re.IGNORECASE,
)


def trafilatura_gaps(tree: lxml.html.HtmlElement, own: PageMetadata) -> Document:
    """trafilatura's metadata for the fields `own` lacks (and always its URL: the extractor
    resolves links against it). The tree is not changed."""
    document = readers.examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None  # trafilatura's own rule: a single word is no byline
    try:
        document = readers.extract_meta_json(tree, document)
    except Exception:  # a third-party parser of the page's JSON-LD: any failure is a gap
        log.debug("trafilatura could not read the page's JSON-LD", exc_info=True)
    if own.title is None and not document.title:
        document.title = readers.extract_title(tree)
    if own.author is None and not document.author and _names_author(tree):
        document.author = page_byline(tree)
    if not document.url:
        document.url = readers.extract_url(tree)
    if own.published is None:
        document.date = find_date(tree, **_date_params(document.url))
    if own.site is None and own.publisher is None:  # a publisher is better than a guess
        document.sitename = _site_name(tree, document)
    document.clean_and_trim()
    return document


def _names_author(tree: lxml.html.HtmlElement) -> bool:
    """Whether any element could hold a byline for trafilatura's author search.

    That search copies the page, prunes it, then tries its expressions, which match on the
    attributes below or on <author> and <rel> elements, always by one of `_BYLINE_WORDS`
    (compared here without case: a superset). Where nothing on the page has such a word the
    search finds nothing either, and is skipped.
    """
    found = _BYLINE_PLACES(tree)
    assert isinstance(found, list)
    words = [value for value in found if isinstance(value, str)]
    return len(words) < len(found) or _BYLINE_WORDS.search("\n".join(words)) is not None


def _date_params(url: str | None) -> dict[str, Any]:
    # Without the extensive search htmldate only trusts the page's markup; a date guessed
    # from free text (a comment, a "related" teaser) is worse than none.
    params = set_date_params(False)
    params["url"] = url
    return params


def _site_name(tree: lxml.html.HtmlElement, document: Document) -> str | None:
    """trafilatura's site name: from the page, else the URL's host."""
    name = document.sitename or readers.extract_sitename(tree)
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name
    match = readers.META_URL.match(document.url) if document.url else None
    return match[1] if match else None
