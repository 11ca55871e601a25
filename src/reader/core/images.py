"""The raster images we show (PNG, JPEG, GIF, WebP), recognised by magic bytes, with their size.

Everything else is refused, whatever type a page or a data: URI declares: an SVG handed to an
image decoder opens the files it names (a FIFO hangs the reader, /etc/passwd is read), and
other formats carry their own surprises. The size comes from the file's header, read here
before any decoder runs, so a tiny file declaring a huge canvas is refused without decoding it.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from dataclasses import dataclass, field
from urllib.parse import unquote

from reader.core.gif_spacers import is_clear_gif

# 40 megapixels is more than any photograph in an article needs (8K video is 33 MP) and
# about 160 MB once decoded to 32-bit pixels; beyond it a "picture" is a decompression bomb.
MAX_PIXELS = 40_000_000
MAX_SIDE = 30_000  # a 30,000 x 1 strip is fine; 100,000 x 1 is not an article image

_MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
_EXTENSIONS = {"png": "png", "jpeg": "jpg", "gif": "gif", "webp": "webp"}
_DATA_URI = re.compile(r"data:image/[a-z0-9.+-]*(?:;[a-z0-9=._+-]*)*;base64,", re.IGNORECASE)
_BASE64_SPACE = re.compile(r"\s+")
# SOF markers carry the frame size; C4 (DHT), C8 (JPG extension) and CC (DAC) do not.
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_JPEG_SCAN_LIMIT = 1 << 20  # the frame header sits before the image data; Exif is < 64 KB


@dataclass(frozen=True)
class ImageInfo:
    """A raster image's format (png, jpeg, gif, webp) and its size as its header declares it."""

    format: str
    width: int
    height: int

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self.format]

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self.format]


@dataclass
class ImageDownload:
    """Where a download of an article's web images stands: what was saved, what failed."""

    article_id: int
    total: int
    done: int = 0
    saved: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, reason)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.article_id,
            "images": self.total,
            "saved": self.saved,
            "failed": [{"url": url, "reason": reason} for url, reason in self.failed],
        }


def sniff_image(data: bytes) -> ImageInfo | None:
    """The format and declared size of PNG, JPEG, GIF or WebP bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack_from("<HH", data, 6)
        return ImageInfo("gif", width, height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return None


def allowed_image(data: bytes) -> ImageInfo | None:
    """sniff_image, and only when the declared size is sane (not empty, not a pixel bomb)."""
    info = sniff_image(data)
    if info is None or not (0 < info.width <= MAX_SIDE and 0 < info.height <= MAX_SIDE):
        return None
    return info if info.width * info.height <= MAX_PIXELS else None


def data_uri_bytes(uri: str, max_bytes: int) -> bytes | None:
    """The bytes of a base64 `data:image/…` URI of at most max_bytes, or None.

    The declared type is ignored on purpose: callers judge the bytes with allowed_image.
    """
    match = _DATA_URI.match(uri.strip())
    if match is None:
        return None
    # Percent-escapes and spaces are how URLs and HTML attributes wrap base64, not data.
    payload = _BASE64_SPACE.sub("", unquote(uri.strip()[match.end() :]))
    if len(payload) > (max_bytes + 2) // 3 * 4:
        return None
    try:
        data = base64.b64decode(payload)
    except (binascii.Error, ValueError):
        return None
    return data or None


def data_uri(data: bytes, info: ImageInfo) -> str:
    """A data: URI for checked bytes, declaring the type the bytes really have."""
    return f"data:{info.media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _png(data: bytes) -> ImageInfo | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack_from(">II", data, 16)
    return ImageInfo("png", width, height)


def _jpeg(data: bytes) -> ImageInfo | None:
    position, end = 2, min(len(data), _JPEG_SCAN_LIMIT)
    while position + 4 <= end:
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            position += 2
            continue
        (length,) = struct.unpack_from(">H", data, position + 2)
        if marker in _JPEG_SOF:
            if position + 9 > len(data):
                return None
            height, width = struct.unpack_from(">HH", data, position + 5)
            return ImageInfo("jpeg", width, height)
        if marker == 0xDA or length < 2:  # image data before any frame header: not a JPEG
            return None
        position += 2 + length
    return None


def _webp(data: bytes) -> ImageInfo | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack_from("<HH", data, 26)
        return ImageInfo("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        (bits,) = struct.unpack_from("<I", data, 21)
        return ImageInfo("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return ImageInfo("webp", width, height)
    return None


_PNG_COLOUR_TYPE = 25  # offset of IHDR's colour type: 3 is a palette image


def is_transparent(data: bytes) -> bool:
    """Whether the bytes are a palette PNG whose every colour is fully transparent, or a small
    GIF whose every pixel is: a spacer that shows nothing at any size. (Other images would
    need decoding to tell.)"""
    if data[:3] == b"GIF":
        return is_clear_gif(data)
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) <= _PNG_COLOUR_TYPE:
        return False
    if data[12:16] != b"IHDR" or data[_PNG_COLOUR_TYPE] != 3:
        return False
    colours: int | None = None
    alphas: bytes | None = None
    position = 8
    while position + 8 <= len(data) and (colours is None or alphas is None):
        (length,) = struct.unpack_from(">I", data, position)
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IDAT":
            break  # the palette and its transparency come before the image data
        if kind == b"PLTE":
            colours = len(body) // 3
        elif kind == b"tRNS":
            alphas = body
        position += 12 + length
    # Palette entries past the end of tRNS are opaque.
    if not colours or alphas is None:
        return False
    return alphas[:colours] == bytes(colours)
