"""A saved page's images: those saved with it stored as the article's assets (drawings only
sanitized), web ones as placeholders to download on request, judged by their bytes and never
fetched here."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from urllib.parse import urljoin

import lxml.html

from reader.core.images import allowed_image, data_uri_bytes, is_transparent
from reader.core.svg import looks_like_svg, sanitize_svg, svg_data_uri_bytes
from reader.importers.local_images import web_image_name
from reader.importers.tree import declared_side

ImageSource = Callable[[str], bytes | None]
"""Gives the bytes an <img> source refers to, or None when it is not available offline."""

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_IMAGE_BYTES = 50 * 1024 * 1024

_IMAGE_ATTRIBUTES = (
    *("src", "data-src", "data-original", "data-lazy-src", "srcset", "data-srcset"),
)
_SRCSETS = frozenset({"srcset", "data-srcset"})
# One `srcset` candidate: an address (commas inside it allowed; commas ending it end the
# candidate) or an address, its descriptor and a comma.
_SRCSET_CANDIDATE = re.compile(r"\s*(?:(\S+?),+(?=\s|$)|(\S+)(?:\s+([^,]*))?(?:,|$))")


def embed_images(
    tree: lxml.html.HtmlElement, image_source: ImageSource, base_url: str | None = None
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Point every <img> that `image_source` can supply at `assets/<hash>.<ext>`, and every
    other web image at a placeholder `assets/web-<hash>.png` that stays empty until the user
    downloads the images.

    Returns the assets by file name and the placeholders' web addresses by file name. Names
    come from the bytes or the address, never from the page, so no path a page names can reach
    the file system; nothing is fetched here.
    """
    assets: dict[str, bytes] = {}
    remote: dict[str, str] = {}
    total = 0
    for image in list(tree.iter("img")):
        if _is_pixel(image):
            image.drop_tree()
            continue
        data = _image_bytes(image, image_source)
        if data is not None and _is_inline(image) and _web_address(image, base_url) is None:
            _adopt_noscript_address(image, base_url)
        if data is not None and _lazy_stand_in(image, data, base_url):
            data = None  # the page's real image is the web one its script would load
        picture = stored_picture(data) if data is not None else None
        if picture is None or len(picture[0]) > MAX_IMAGE_BYTES:
            _point_at_web_image(image, base_url, remote)
            continue
        data, extension = picture
        if is_transparent(data):  # a spacer: nothing to see, at whatever size it is shown
            image.drop_tree()
            continue
        name = f"{hashlib.sha256(data).hexdigest()[:32]}.{extension}"
        if name not in assets:
            if total + len(data) > MAX_TOTAL_IMAGE_BYTES:
                continue
            assets[name] = data
            total += len(data)
        _set_source(image, f"assets/{name}")
    return assets, remote


def _lazy_stand_in(image: lxml.html.HtmlElement, data: bytes, base_url: str | None) -> bool:
    """A tiny inline `src` (a grey square, a blank GIF) beside a web address in `data-src` or
    `srcset` is what lazy loading shows until a script swaps in the real image; so is an
    inline drawing there (an outline or a blank box of the image's size)."""
    if not _is_inline(image):
        return False
    info = allowed_image(data)
    small = info is not None and info.width * info.height <= 16 * 16
    small = small or looks_like_svg(data)
    return small and _web_address(image, base_url) is not None


def _is_inline(image: lxml.html.HtmlElement) -> bool:
    return (image.get("src") or "").strip()[:5].lower() == "data:"


def _adopt_noscript_address(image: lxml.html.HtmlElement, base_url: str | None) -> None:
    """An inline stand-in followed by `<noscript><img ...></noscript>`: the page's image for
    browsers without scripts is the one lazy loading would show; its address becomes the
    stand-in's, which `_lazy_stand_in` then judges (the noscript's copy is never shown)."""
    twin = image.getnext()
    if twin is None or twin.tag != "noscript":
        return
    for inner in twin.iter("img"):
        if _web_address(inner, base_url) is not None:
            for attribute in _IMAGE_ATTRIBUTES:
                if value := inner.get(attribute):
                    # `src` stays the stand-in's: the twin's reads as a lazy one's
                    image.set("data-src" if attribute == "src" else attribute, value)
            return


def _point_at_web_image(
    image: lxml.html.HtmlElement, base_url: str | None, remote: dict[str, str]
) -> None:
    """A web image not saved with the page: a placeholder named after its address."""
    url = _web_address(image, base_url)
    if url is None:
        return  # nothing to download it from: the sanitizer drops the image
    name = web_image_name(url)
    remote[name] = url
    _set_source(image, f"assets/{name}")


def _addresses(image: lxml.html.HtmlElement) -> Iterator[str]:
    """Where an <img> says its image is, in the order of _IMAGE_ATTRIBUTES; of a srcset, its
    widest candidate."""
    for attribute in _IMAGE_ATTRIBUTES:
        if value := _image_address(image, attribute):
            yield value


def _web_address(image: lxml.html.HtmlElement, base_url: str | None) -> str | None:
    for value in _addresses(image):
        if value[:5].lower() == "data:":
            continue
        if value.startswith("//") and not base_url:
            value = "https:" + value  # protocol-relative: the page's scheme, https today
        try:
            url = urljoin(base_url, value) if base_url else value
        except ValueError:
            continue
        if url.lower().startswith(("http://", "https://")) and len(url) <= 4096:
            return url
    return None


def _image_address(image: lxml.html.HtmlElement, attribute: str) -> str:
    """The address `attribute` of `image` names; of a `srcset`, its widest candidate."""
    value = (image.get(attribute) or "").strip()
    if attribute not in _SRCSETS:
        return value
    matches = _SRCSET_CANDIDATE.finditer(value)
    candidates = [(m[1] or m[2], _srcset_width(m[3] or "")) for m in matches]
    candidates = [candidate for candidate in candidates if candidate[0].strip(",")]
    return max(candidates, key=lambda candidate: candidate[1])[0] if candidates else ""


def _srcset_width(descriptor: str) -> float:
    """How large a `srcset` descriptor (`640w`, `2x`) says its image is; 0 when unsaid."""
    number = descriptor.strip()[:-1]
    try:
        return float(number) if descriptor.strip()[-1:] in {"w", "x"} else 0.0
    except ValueError:
        return 0.0


def _set_source(image: lxml.html.HtmlElement, source: str) -> None:
    for attribute in _IMAGE_ATTRIBUTES:
        image.attrib.pop(attribute, None)
    image.set("src", source)


def _image_bytes(image: lxml.html.HtmlElement, image_source: ImageSource) -> bytes | None:
    for value in _addresses(image):
        if (data := image_source(value)) is not None:
            return data
    return None


# The largest side (in CSS pixels) of a picture too small to show anything but decoration:
# the smallest icons a page shows for meaning (a flag, a smiley) are 12 or more.
_DECORATION_SIDE = 8


def _is_pixel(image: lxml.html.HtmlElement) -> bool:
    """Tracking pixels declare a 1x1 (or 0x0) size, a layout's rounded corners and spacers
    a few pixels a side; none is ever part of the article."""
    sizes = [declared_side(image, name) for name in ("width", "height")]
    return all(size is not None and size <= _DECORATION_SIDE for size in sizes)


def image_extension(data: bytes) -> str | None:
    """The file extension for PNG, JPEG, GIF or WebP bytes of a sane size, judged by content
    (never by a declared type), else None: SVG and pixel bombs are never stored."""
    info = allowed_image(data)
    return info.extension if info is not None else None


def stored_picture(data: bytes) -> tuple[bytes, str] | None:
    """What to store for a picture's bytes and its file extension: PNG, JPEG, GIF or WebP as
    they are, an SVG drawing only as sanitize_svg rewrites it; None for anything else."""
    if (extension := image_extension(data)) is not None:
        return data, extension
    svg = sanitize_svg(data) if looks_like_svg(data) else None
    return (svg.data, "svg") if svg is not None else None


# trafilatura keeps only images whose address names a raster type; a drawing's address wears
# this suffix while it extracts (mark_drawings), and loses it after (unmark_drawings).
_DRAWING_MARK = ".png"
_MARKED_DRAWING = re.compile(r"(assets/[0-9a-f]{32}\.svg)\.png\b")


def mark_drawings(tree: lxml.html.HtmlElement) -> None:
    """Give every stored drawing's <img> an address the extractor takes for an image."""
    for image in tree.iter("img"):
        source = image.get("src") or ""
        if source.startswith("assets/") and source.endswith(".svg"):
            image.set("src", source + _DRAWING_MARK)


def unmark_drawings(html: str) -> str:
    """The drawings' own asset addresses back, once extracted."""
    return _MARKED_DRAWING.sub(r"\1", html)


def data_uri_image(source: str) -> bytes | None:
    """The bytes of a base64 `data:image/...` URI or of a percent-encoded SVG one, or None;
    stored_picture judges them."""
    return data_uri_bytes(source, MAX_IMAGE_BYTES) or svg_data_uri_bytes(source, MAX_IMAGE_BYTES)
