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
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QImage, QImageReader

from reader.core.images import MAX_PIXELS, allowed_image, data_uri_bytes
from reader.core.svg import looks_like_svg, svg_data_uri_bytes
from reader.gui.views.drawings import render_drawing

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 20 * 1024 * 1024
# Decoded at 4 bytes a pixel, plus room for the decoder's own buffers; in megabytes.
_ALLOCATION_LIMIT_MB = MAX_PIXELS * 4 // (1024 * 1024) + 16


def load_image(url: QUrl, assets_dir: Path | None) -> QImage | None:
    """The image a URL names, or None when it is not ours to read.

    QTextBrowser would otherwise open any local path an article names and Qt could be asked to
    fetch remote URLs; everything except data: images and files inside the article's asset
    folder is refused.
    """
    scheme = url.scheme().lower()
    if scheme == "data":
        uri = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        data = data_uri_bytes(uri, MAX_IMAGE_BYTES) or svg_data_uri_bytes(uri, MAX_IMAGE_BYTES)
        return decode_image(data) if data is not None else None
    if scheme not in ("", "file") or url.host() or assets_dir is None:
        return None
    path = asset_path(url, assets_dir)
    data = _read_asset(path) if path is not None else None
    return decode_image(data) if data is not None else None


def decode_image(data: bytes) -> QImage | None:
    """Decode PNG, JPEG, GIF or WebP bytes of a sane size, or draw a sanitized SVG; None for
    anything else."""
    info = allowed_image(data)
    if info is None:
        return render_drawing(data) if looks_like_svg(data) else None
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
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def _read_asset(path: Path) -> bytes | None:
    """At most MAX_IMAGE_BYTES of a regular file; never blocks on a FIFO or a device."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        log.info("cannot read asset %s: %s", path, exc)
        return None
    with os.fdopen(fd, "rb") as file:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = file.read(MAX_IMAGE_BYTES + 1)
        except OSError as exc:
            log.info("cannot read asset %s: %s", path, exc)
            return None
    return data if len(data) <= MAX_IMAGE_BYTES else None


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
