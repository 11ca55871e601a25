"""A web page into an Article: its charset decided, its body's images saved, then the importer."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urljoin

from reader.capture.fetch import Fetcher, Page, check_url
from reader.capture.limits import FetchLimits
from reader.core.article import Article
from reader.importers import clean_labels
from reader.importers.encoding import decode_html
from reader.importers.html import article_from_markup
from reader.importers.page_images import data_uri_image, stored_picture

log = logging.getLogger(__name__)

# Charsets servers send by default whatever the page holds; any bytes decode in them, so such a
# label proves nothing and the page's own declaration (or detection) decides.
_WEAK_CHARSETS = frozenset(
    {"iso-8859-1", "latin-1", "latin1", "iso8859-1", "us-ascii", "ascii", "windows-1252", "cp1252"}
)
# An image of the sanitized body shown from a placeholder awaiting download.
_REFUSED_IMAGE = re.compile(r'<img\b[^>]*?\bsrc="assets/(?P<name>web-[0-9a-f]+\.png)"[^>]*>')
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# A PNG signature and header of a 1×1 image: enough for the importer, which judges images by
# their bytes, to keep the stand-in where the page's image was.
_PLACEHOLDER = (
    b"\x89PNG\r\n\x1a\n"
    + b"\x00\x00\x00\rIHDR"
    + b"\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00"
)

ImageFetch = Callable[[str, int], bytes | None]


def decode_page(data: bytes, header_charset: str | None) -> tuple[str, str]:
    """Text and encoding of a fetched page.

    A specific charset from the HTTP header is used when the bytes decode in it strictly (and
    are not valid UTF-8, which legacy text practically never is by accident). A missing or
    "weak" header (Latin-1, the usual server default) leaves the decision to the page: its BOM,
    its meta charset, then detection, as for a saved file.
    """
    label = (header_charset or "").strip().lower()
    if label and label not in _WEAK_CHARSETS and not data.startswith(_BOMS):
        for codec in ("utf-8", label):
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                continue
    return decode_html(data)


def capture_page(page: Page, fetch_image: ImageFetch | None, limits: FetchLimits) -> Article:
    """The Article for a fetched page; `fetch_image` (None: no downloads) supplies the images
    its article body shows, within `limits`. Raises ImportFailed as the importer does."""
    markup, encoding = decode_page(page.data, page.charset)
    wanted = _body_images(markup, page.url) if fetch_image else []
    images = _download(wanted, fetch_image, limits) if fetch_image else {}

    def source(value: str) -> bytes | None:
        url = _absolute(page.url, value)
        return images.get(url) if url is not None else data_uri_image(value)

    article = article_from_markup(
        markup, "page.html", encoding=encoding, image_source=source, page_url=page.url
    )
    refused = {url for url in wanted[: limits.max_images] if url not in images}
    return finish(_without_refused(article, refused), page.data, page.url)


def _without_refused(article: Article, refused: set[str]) -> Article:
    """The article without the images its capture fetched and refused (not a raster image,
    over the size cap, missing): a placeholder to download later would only fail again."""
    names = {name for name, url in article.remote_images.items() if url in refused}
    if not names:
        return article
    html = _REFUSED_IMAGE.sub(
        lambda found: "" if found["name"] in names else found[0], article.html
    )
    remote = {name: url for name, url in article.remote_images.items() if name not in names}
    return replace(article, html=html, remote_images=remote)


def finish(article: Article, data: bytes, url: str) -> Article:
    """Labels cleaned as for an imported file; the page's URL kept when it names none."""
    cleaned = clean_labels(article)
    return replace(
        cleaned,
        title=cleaned.title or url,
        url=article.url or url,
        source_hash=hashlib.sha256(data).hexdigest(),
    )


def _body_images(markup: str, base: str) -> list[str]:
    """The absolute URLs of the images the importer keeps in the article body, in order.

    Found with a dry run of the importer in which every remote image is a distinct stand-in:
    what survives extraction and sanitizing is what the body shows, so nothing else (logos,
    sidebars, ads) is downloaded.
    """
    stand_ins: dict[str, str] = {}

    def stand_in(value: str) -> bytes | None:
        url = _absolute(base, value)
        if url is None:
            return None
        data = _PLACEHOLDER + hashlib.sha256(url.encode("utf-8", "replace")).digest()
        stand_ins[f"assets/{hashlib.sha256(data).hexdigest()[:32]}.png"] = url
        return data

    html = article_from_markup(markup, "page.html", image_source=stand_in, page_url=base).html
    found = sorted((html.find(name), url) for name, url in stand_ins.items() if name in html)
    return list(dict.fromkeys(url for _position, url in found))


def _download(urls: list[str], fetch: ImageFetch | None, limits: FetchLimits) -> dict[str, bytes]:
    """Raster images and safe SVG drawings only (judged by their bytes), within the count and
    byte limits."""
    images: dict[str, bytes] = {}
    total = 0
    for url in urls[: limits.max_images]:
        room = min(limits.max_image_bytes, limits.max_image_total - total)
        if fetch is None or room <= 0:
            break
        data = fetch(url, room)
        if data is None or stored_picture(data) is None:  # embed_images sanitizes a drawing
            log.debug("image %s not saved: missing, too large or not a picture we show", url)
            continue
        images[url] = data
        total += len(data)
    return images


def _absolute(base: str, value: str) -> str | None:
    value = value.strip()
    if not value or value.lower().startswith("data:"):
        return None
    try:
        url = urljoin(base, value)
    except ValueError:
        return None
    return url if url.lower().startswith(("http://", "https://")) else None


def sent_article(url: str, title: str, html: str) -> Article:
    """The Article for a page a browser sent (its live DOM, serialized): the same importer as
    for a saved file; nothing is fetched: its images stay web images, resolved against `url`."""
    check_url(url)
    # The importer names an untitled page after its file: make that the title the browser saw.
    name = "".join(" " if c in "/\\\x00" else c for c in title).strip() or "page"
    article = article_from_markup(html, f"{name[:200]}.html", page_url=url.strip())
    return finish(article, html.encode("utf-8", "replace"), url)


def fetch_article(url: str, limits: FetchLimits | None = None) -> Article:
    """Fetch a page and its body's images and import it; ImportFailed with a one-line reason."""
    limits = limits or FetchLimits()
    with Fetcher(limits) as fetcher:
        page = fetcher.page(url)
        return capture_page(page, fetcher.image, limits)
