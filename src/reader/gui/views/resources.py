"""What the reading pane may load: checked images from the article's assets or data: URLs.

Qt is only ever handed a QImage decoded here, from bytes our own sniffer recognised as PNG,
JPEG, GIF or WebP, with the decoder fixed to that format, or drawn from an SVG that
sanitize_svg rewrote: never bytes or a URL its image plugins could read as SVG (which opens
the files it names) or any other format they happen to support.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from PySide6.QtGui import QImage, QImageReader

from reader.core.images import MAX_PIXELS, allowed_image, data_uri_bytes
from reader.core.svg import MAX_SVG_BYTES, looks_like_svg, svg_data_uri_bytes, svg_size
from reader.gui.views.drawings import render_drawing

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 20 * 1024 * 1024
# Decoded at 4 bytes a pixel, plus room for the decoder's own buffers; in megabytes.
_ALLOCATION_LIMIT_MB = MAX_PIXELS * 4 // (1024 * 1024) + 16
# Read on the UI thread for an asset's size: its header. A JPEG's frame header may come after
# an Exif block of up to 64 KB, and rarely after more (our sniffer looks as far as 1 MB).
_HEAD_BYTES = 80 * 1024
_JPEG_HEAD_BYTES = 1024 * 1024
_JPEG_MAGIC = b"\xff\xd8"


@dataclass(frozen=True)
class ImageSource:
    """An image the pane may show, with the size its header declares: laid out at once, and
    decoded (`decode_image`) on a worker thread."""

    width: int
    height: int
    data: bytes | None  # the whole image; None: `path` is read when it is decoded
    path: Path | None = None


def find_image(url: QUrl, assets_dir: Path | None) -> ImageSource | None:
    """The image a URL names, sized from its header, or None when it is not ours to read.

    QTextBrowser would otherwise open any local path an article names and Qt could be asked to
    fetch remote URLs; everything except data: images and files inside the article's asset
    folder is refused. Only the start of a file is read here (on the UI thread).
    """
    scheme = url.scheme().lower()
    if scheme == "data":
        uri = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        data = data_uri_bytes(uri, MAX_IMAGE_BYTES) or svg_data_uri_bytes(uri, MAX_IMAGE_BYTES)
        return _sized(data, len(data), None) if data is not None else None
    if scheme not in ("", "file") or url.host() or assets_dir is None:
        return None
    path = asset_path(url, assets_dir)
    read = _read_asset(path, _HEAD_BYTES) if path is not None else None
    if read is None or path is None:
        return None
    head, size = read
    found = _sized(head, size, path)
    if found is None and size > len(head) and head.startswith(_JPEG_MAGIC):
        # A frame header behind a large Exif block (a camera's thumbnail): read further.
        read = _read_asset(path, _JPEG_HEAD_BYTES)
        found = _sized(*read, path) if read is not None else None
    return found


def _sized(head: bytes, size: int, path: Path | None) -> ImageSource | None:
    """The image whose first bytes (all of them when `path` is None) are `head`, of `size`
    bytes, with the size it declares; None for any other format, or an insane size."""
    whole = head if path is None or size <= len(head) else None
    info = allowed_image(head)
    if info is not None:
        return ImageSource(info.width, info.height, whole, path)
    if size > MAX_SVG_BYTES or not looks_like_svg(head):
        return None
    shape = svg_size(head)
    return ImageSource(*shape, whole, path) if shape is not None else None


def decode_image(source: ImageSource, width: int, height: int) -> QImage | None:
    """The image decoded at `width` x `height` px (the bytes read again and judged whole);
    None when they do not decode as what their header said. Runs on a worker thread."""
    data = source.data
    if data is None and source.path is not None:
        read = _read_asset(source.path, MAX_IMAGE_BYTES)  # refuses larger files itself
        data = read[0] if read is not None else None
    if data is None:
        return None
    info = allowed_image(data)
    if info is None:
        return render_drawing(data, width, height) if looks_like_svg(data) else None
    array = QByteArray(data)
    buffer = QBuffer(array)
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer, info.format.encode("ascii"))
    # The format is the one our sniffer found; Qt must not guess another from the content.
    reader.setAutoDetectImageFormat(False)
    reader.setDecideFormatFromContent(False)
    reader.setAllocationLimit(_ALLOCATION_LIMIT_MB)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        return None
    if (size.width(), size.height()) != (width, height):
        reader.setScaledSize(QSize(width, height))  # a JPEG is decoded at the smaller size
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def _read_asset(path: Path, limit: int) -> tuple[bytes, int] | None:
    """The first `limit` bytes of a regular file, and its size; never blocks on a FIFO or a
    device."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        log.info("cannot read asset %s: %s", path, exc)
        return None
    with os.fdopen(fd, "rb") as file:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_IMAGE_BYTES:
                return None
            data = file.read(limit)
        except OSError as exc:
            log.info("cannot read asset %s: %s", path, exc)
            return None
    return data, max(status.st_size, len(data))


def asset_path(url: QUrl, assets_dir: Path) -> Path | None:
    """The file inside assets_dir that url names, or None if it points anywhere else."""
    if url.scheme().lower() == "file":
        candidate = Path(url.toLocalFile())
    else:
        relative = unquote(url.path())
        if relative.startswith("assets/"):
            relative = relative[len("assets/") :]
        if not relative or Path(relative).is_absolute():
            return None
        candidate = assets_dir / relative
    try:
        root = assets_dir.resolve(strict=True)
        # resolve() follows symlinks, so a link inside the folder pointing out is refused too.
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved
