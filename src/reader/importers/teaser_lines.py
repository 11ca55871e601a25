"""Single lines in an article that point to another story of the site: teasers, not its text.

News pages break their articles with a line that is only a link to another of their stories:
"Related: The ferry's last winter", "SEE MORE: Harbour dues rise", or the headline alone in
capitals, "FERRY TIMETABLE CHANGES IN SPRING". Read on its own, such a line is a stray headline
in the middle of the text. `drop_teaser_lines` removes, before extraction, each paragraph
whose whole text is one link to another page of the same site that reads as a headline, when
the paragraph says it is a teaser: a short label ending in a colon before the link, or the
headline written all in capitals. A link alone in a paragraph without either ("Read the
council's report") may be the article's own, and stays; so does a link to another site (a
source the article names).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html

from reader.importers.tree import text_of

_LABEL_WORDS = 3  # "Related:", "SEE MORE:", "Read more:"
_HEADLINE_WORDS = 3  # a link of fewer words is a name or a label, not another story


def drop_teaser_lines(tree: lxml.html.HtmlElement, page_url: str | None) -> None:
    """Remove from `tree` the paragraphs that are a teaser for another story of the site."""
    site = _host(page_url)
    for paragraph in list(tree.iter("p")):
        links = list(paragraph.iter("a"))
        if len(links) != 1 or paragraph.getparent() is None:
            continue
        link = links[0]
        if _is_teaser(paragraph, link) and _same_site(link.get("href") or "", site):
            paragraph.drop_tree()


def _is_teaser(paragraph: lxml.html.HtmlElement, link: lxml.html.HtmlElement) -> bool:
    headline = text_of(link)
    whole = text_of(paragraph)
    if len(headline.split()) < _HEADLINE_WORDS or not whole.endswith(headline):
        return False  # text after the link: a sentence that holds a link
    label = whole[: len(whole) - len(headline)].strip()
    if not label:
        return headline.upper() == headline and headline.lower() != headline
    return label.endswith(":") and len(label.split()) <= _LABEL_WORDS


def _same_site(href: str, site: str | None) -> bool:
    """Whether `href` leads to another page of the page's site, or of a site under it
    (`video.` of the site); any page, when the page's own address is unknown."""
    href = href.strip()
    if not href or href.startswith("#") or not href.lower().startswith(("http:", "https:", "/")):
        return False
    host = _host(href)
    if host is None or site is None:
        return True
    return host == site or host.endswith("." + site) or site.endswith("." + host)


def _host(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None
