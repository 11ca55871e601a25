"""The site's logo: a picture linking to the site's home page is its masthead, not the article's.

Pages put their logo in a link to their home page (`<a href="/"><img alt="Site logo">`); the
extractor keeps it when the logo sits in the same box or table as the text, and the article
then opens with the site's logo. An article's own pictures link to themselves, to a larger
version or to other articles, never to the bare home page. `drop_home_logos` removes, before
extraction, every image whose link leads to a site's home page (`/`, `https://host/`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html


def drop_home_logos(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` the images inside links to a site's home page."""
    for image in list(tree.iter("img")):
        link = next(image.iterancestors("a"), None)
        if link is not None and _is_home(link.get("href") or "") and image.getparent() is not None:
            image.drop_tree()  # keeps its tail: text beside a logo is the link's words


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
