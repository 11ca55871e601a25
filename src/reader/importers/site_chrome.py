"""The site's own chrome around an article: its logo, its name as a banner, its menu bars and
language bars. Found in the page, taken out of the extracted HTML (never out of the page: the
extractor weighs the page as a whole, and without them it may choose other text)."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

from reader.importers.sanitize import has_text, html_to_text
from reader.importers.tree import text_of

# A class or id naming the site's logo ("logo", "site-logo", "logo_link"; not "logout").
_LOGO_NAME = re.compile(r"(?:^|[-_])logos?(?:$|[-_])", re.IGNORECASE)
_LOGO_MAX = 80  # a site's name, never a paragraph
_SEPARATORS = re.compile(r"[\s|·•>»/\-–—]*")
_LEADING_EMPTY = re.compile(r"\s*(?:<p[^>]*>\s*</p>\s*)*")
# A paragraph or heading of sanitized HTML, with nothing of its kind nested inside.
_BLOCK = re.compile(r"<(p|h[1-6])>((?:(?!<p>|<h[1-6]>).)*?)</\1>", re.DOTALL)
_BLOCK_TAGS = ("p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6")
_HAS_LANGUAGE_LINK = etree.XPath("boolean(//a[@hreflang])")
_CHROME_BLOCKS = ("p", "div", "ul", "ol", "nav")
_LANGUAGE_LABEL_MAX = 40  # "Available Languages:", "翻訳済み言語:"
_LANGUAGE_LINK_MAX = 24  # "en", "Deutsch", "中文 (简体)"


def site_chrome(tree: lxml.html.HtmlElement) -> set[str]:
    """The texts of the site's logo ("LibreOffice 7.4 Help" above every help page), of its
    menu bars and of the bars linking to the page in other languages."""
    found: set[str] = set()
    # A language bar is mostly links with `hreflang`: a page without one has none, and its
    # blocks need not be looked into for one (each block's links, nested blocks again).
    languages = bool(_HAS_LANGUAGE_LINK(tree))
    for element in tree.iter(*_CHROME_BLOCKS, "a", "span", "header"):
        if _is_logo(element) or (element.tag in _CHROME_BLOCKS and _is_bar(element, languages)):
            found.add(text_of(element))
    found.discard("")
    return found


def _is_bar(element: lxml.html.HtmlElement, languages: bool) -> bool:
    if languages and _is_language_bar(element):
        return True
    return element.tag in {"p", "div"} and is_link_bar(element)


def is_link_bar(element: lxml.html.HtmlElement) -> bool:
    """Links and separators only ("Modules | FAQ | Sitemap", "Home > Docs > 2.4"): a menu."""
    # First the blocks inside, found at the first one: a box of nested blocks is common and
    # costs its links' texts otherwise.
    if next(element.iterdescendants(*_BLOCK_TAGS), None) is not None:
        return False  # a bar is one line: a box of headings and lists is a page of links
    links = [a for a in element.iter("a") if a.get("href") and text_of(a)]  # not <a name>
    if len(links) < 2:
        return False
    rest = element.text_content()
    for link in links:
        rest = rest.replace(link.text_content(), "", 1)
    return _SEPARATORS.fullmatch(rest) is not None


def _is_logo(element: lxml.html.HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    # Most elements have no "logo" in any case in their names, which `_LOGO_NAME` needs.
    if "logo" not in names.lower() or not any(_LOGO_NAME.search(n) for n in names.split()):
        return False
    return len(text_of(element)) <= _LOGO_MAX


def _is_language_bar(element: lxml.html.HtmlElement) -> bool:
    """Links to the same page in other languages (most say so with `hreflang`) and at most
    a short label: "Available Languages: en | fr | ja"."""
    links = [a for a in element.iter("a") if a.get("href") and text_of(a)]  # not <a name>
    if len(links) < 2 or sum(1 for link in links if link.get("hreflang")) * 2 < len(links):
        return False
    if any(len(text_of(link)) > _LANGUAGE_LINK_MAX for link in links):
        return False
    label = text_of(element)
    for link in links:
        label = label.replace(text_of(link), "", 1)
    return len(label.replace("|", "").replace("·", "").strip()) <= _LANGUAGE_LABEL_MAX


def without_chrome(html: str, chrome: set[str]) -> str:
    """Sanitized `html` without the blocks whose whole text is one of `chrome`'s; `html`
    itself when there are none."""
    if not chrome:
        return html
    wanted = {_folded(value) for value in chrome}
    kept: list[str] = []
    position = 0
    for start, end, folded in _folded_blocks(html):
        if folded in wanted:
            kept.append(html[position:start])
            position = end
    if not kept:
        return html  # the same string: a caller can tell that nothing was taken out
    kept.append(html[position:])
    return "".join(kept)


def without_site_banner(html: str, site: str | None) -> str:
    """Sanitized `html` without a first block that only names the site ("Apache HTTP Server
    Version 2.4" above every page), unless that block is all there is."""
    leading = _BLOCK.match(html, _LEADING_EMPTY.match(html).end())  # type: ignore[union-attr]
    if not site or leading is None or _folded(leading.group(2)) != _folded(site):
        return html
    rest = html[leading.end() :].lstrip()
    return rest if has_text(rest) else html


# An extraction is looked at for chrome twice (its chrome, then its chrome and the site's
# name), mostly unchanged between: its blocks are found and folded once.
@lru_cache(maxsize=4)
def _folded_blocks(html: str) -> tuple[tuple[int, int, str], ...]:
    """Each paragraph or heading of `html` (see `_BLOCK`): where it starts and ends, and its
    text folded."""
    return tuple((b.start(), b.end(), _folded(b.group(2))) for b in _BLOCK.finditer(html))


# An extraction is folded block by block up to three times (its chrome, then its chrome and
# the site's name, then its first block): each block's text is worked out once.
@lru_cache(maxsize=4096)
def _folded(markup: str) -> str:
    return " ".join(html_to_text(markup).split()).casefold()
