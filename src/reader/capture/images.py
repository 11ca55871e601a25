"""Downloading a stored article's web images on request: the only network access a saved page
ever causes, into the placeholders its import left (see importers/local_images.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reader.capture.addresses import url_is_private
from reader.capture.fetch import Fetcher
from reader.capture.limits import FetchLimits
from reader.core.images import ImageDownload
from reader.errors import ImportFailed
from reader.importers.page_images import stored_picture


def download_images(
    progress: ImageDownload,
    page_url: str | None,
    wanted: dict[str, str],
    store: Callable[[str, bytes], None],
    limits: FetchLimits,
) -> Iterator[ImageDownload]:
    """Fetch each wanted image (asset name -> address) and `store` it; yields after each one.

    Raster images and sanitized SVG drawings only (judged by their bytes), within the count
    and byte limits; addresses on this machine or the LAN only for a page that is itself on
    one (capture/addresses.py).
    """
    total = 0
    with Fetcher(limits) as fetcher:
        fetcher.images_for(url_is_private(page_url))
        for number, (name, url) in enumerate(wanted.items()):
            room = min(limits.max_image_bytes, limits.max_image_total - total)
            reason = _fetch_one(fetcher, url, room, number, limits)
            if isinstance(reason, bytes):
                store(name, reason)
                total += len(reason)
                progress.saved += 1
            else:
                progress.failed.append((url, reason))
            progress.done += 1
            yield progress


def _fetch_one(
    fetcher: Fetcher, url: str, room: int, number: int, limits: FetchLimits
) -> bytes | str:
    """The image's bytes, or why it was not saved."""
    if number >= limits.max_images:
        return f"more than {limits.max_images} images"
    if room <= 0:
        return "the article's images reached the size limit"
    try:
        data = fetcher.image_or_fail(url, room)
    except ImportFailed as exc:
        return str(exc)
    picture = stored_picture(data)
    if picture is None:
        return "not a PNG, JPEG, GIF or WebP image or a safe SVG drawing"
    return picture[0]  # a drawing as sanitize_svg rewrote it, never as the site sent it
