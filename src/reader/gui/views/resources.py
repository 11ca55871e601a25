"""What the reading pane may load: images from the article's own asset folder or data: URLs."""

from __future__ import annotations

import base64
import binascii
import logging
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 20 * 1024 * 1024
_DATA_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def load_image(url: QUrl, assets_dir: Path | None) -> QImage | None:
    """The image a URL names, or None when it is not ours to read.

    QTextBrowser would otherwise open any local path an article names and Qt could be asked to
    fetch remote URLs; everything except data: images and files inside the article's asset
    folder is refused.
    """
    scheme = url.scheme().lower()
    if scheme == "data":
        return _data_image(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
    if scheme not in ("", "file") or url.host() or assets_dir is None:
        return None
    path = asset_path(url, assets_dir)
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = path.read_bytes()
    except OSError as exc:
        log.info("cannot read asset %s: %s", path, exc)
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else image


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


def _data_image(url: str) -> QImage | None:
    header, sep, payload = url.partition(",")
    if not sep:
        return None
    media = header[len("data:") :].lower()
    if not media.startswith(_DATA_TYPES) or not media.endswith(";base64"):
        return None
    if len(payload) > MAX_IMAGE_BYTES * 4 // 3 + 4:
        return None
    try:
        data = base64.b64decode(unquote(payload), validate=False)
    except (binascii.Error, ValueError):
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else image
