"""The site's logo: a picture linking to the site's home page is its masthead, not the article's.

Pages put their logo in a link to their home page (`<a href="/"><img alt="Site logo">`); the
extractor keeps it when the logo sits in the same box or table as the text, and the article
then opens with the site's logo. An article's own pictures link to themselves, to a larger
version or to other articles, never to the bare home page. `drop_home_logos` removes, before
extraction, every image whose link leads to a site's home page (`/`, `https://host/`).

A site whose sections each have their own front page links its logos there, not to its root;
such a logo still says what it is: its `alt` names the site as the page's title does after
the headline ("Headline | The Harbour Gazette", "見出し　＜福娘童話集＞"). A linked picture
whose words hold such a name, and not the headline, is the site's logo too. (An article's
own picture is named after what it shows, or after the whole title, headline first.)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html

# What parts a page's title into its headline and the site's name; the ideographic space
# parts a Japanese site's name from its section's.
_TITLE_PARTS = re.compile(r"\s[|\-\u2013\u2014\u00b7:]\s|[|｜\u3000<>＜＞«»《》]")
_MIN_NAME = 3  # characters: a shorter part names nothing
_NAME_SHARE = 0.3  # of the alt's characters the name must make up


def drop_home_logos(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the images inside links to a site's home page, and the linked
    images whose words name the site as the page's title does."""
    names: tuple[str, list[str]] | None = None
    for image in list(tree.iter("img")):
        link = next(image.iterancestors("a"), None)
        if link is None or image.getparent() is None:
            continue
        if not _is_home(link.get("href") or ""):
            names = _site_names(tree) if names is None else names
            if not _names_site(image.get("alt") or "", *names):
                continue
        image.drop_tree()  # keeps its tail: text beside a logo is the link's words


def _site_names(tree: lxml.html.HtmlElement) -> tuple[str, list[str]]:
    """The page title's headline (its first part) and the parts after it: the site's names."""
    parts = [" ".join(part.split()) for part in _TITLE_PARTS.split(tree.findtext(".//title") or "")]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return "", []
    return parts[0], [part for part in parts[1:] if len(part) >= _MIN_NAME]


def _names_site(alt: str, headline: str, names: list[str]) -> bool:
    """Whether the words `alt` are mostly the site's name (one of `names`), not the headline:
    a logo's alt is the name and a word or two ("... logo"), a photo's describes the scene."""
    words = " ".join(alt.split())
    if not words or not names or headline in words:
        return False
    return any(_NAME_SHARE * len(words) <= len(name) and _holds(words, name) for name in names)


def _holds(words: str, name: str) -> bool:
    """Whether `words` hold `name`, as whole words where words are spaced (not in CJK)."""
    if not name.isascii():
        return name in words
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words) is not None


def _is_home(href: str) -> bool:
    """Whether `href` names a site's home page: its root, with no query or fragment."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    relative = not parts.scheme and not parts.netloc
    absolute = parts.scheme in {"http", "https"} and bool(parts.netloc)
    if not (relative or absolute) or parts.query or parts.fragment:
        return False
    return parts.path == "/" or (absolute and parts.path == "")
