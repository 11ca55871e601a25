"""Hand-built image bytes for the hostile-content tests, and a FIFO that notices being opened."""

from __future__ import annotations

import base64
import functools
import gzip
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from types import TracebackType


# Cached: the bombs compress tens of megabytes each, and several modules build the same ones
# when they are imported (every pytest worker imports them all).
@functools.cache
def png(width: int, height: int, *, pixels: bytes | None = None) -> bytes:
    """An 8-bit greyscale PNG; without pixels, zero rows (compressing to almost nothing), at
    most 64 MB of them: past that a decoder has already allocated the whole declared canvas."""
    raw = pixels if pixels is not None else bytes(min(height * (width + 1), 64 << 20))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def gif(width: int = 3, height: int = 2) -> bytes:
    """A one-colour GIF89a, written by hand (Qt can read GIF but not write it); keep it small."""
    assert width * height <= 1_000_000
    screen = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0)
    palette = b"\xcc\x33\x00" + b"\x00\x00\x00"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    # LZW, minimum code size 2: index 0 for each pixel, with a clear code (4) before every
    # pair so that the code width stays 3 bits; then end (5).
    pairs = [code for _ in range(0, width * height, 2) for code in (4, 0, 0)]
    codes = [*pairs[: -1 if width * height % 2 else None], 5]
    bits = value = 0
    packed = bytearray()
    for code in codes:
        value |= code << bits
        bits += 3
        while bits >= 8:
            packed.append(value & 0xFF)
            value >>= 8
            bits -= 8
    if bits:
        packed.append(value & 0xFF)
    blocks = b"".join(
        bytes([len(packed[i : i + 255])]) + packed[i : i + 255] for i in range(0, len(packed), 255)
    )
    data = b"\x02" + blocks + b"\x00"
    return screen + palette + image + data + b"\x3b"


def svg_naming(*paths: str | Path) -> bytes:
    """An SVG whose <image> elements name local files (what a decoder would open)."""
    images = "".join(
        f'<image xlink:href="{p}" width="5" height="5"/><image href="{p}" width="5" height="5"/>'
        for p in paths
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="20" height="20"><rect width="20" height="20" fill="red"/>{images}</svg>'
    ).encode()


def svgz_bomb(megabytes: int = 8) -> bytes:
    """Gzipped SVG that inflates to `megabytes` of elements."""
    body = b'<rect width="1" height="1"/>' * (megabytes * 1024 * 1024 // 28)
    head = b'<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50">'
    return gzip.compress(head + body + b"</svg>", 9)


def data_uri(data: bytes, media_type: str = "image/png") -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode()}"


# The watcher runs in its own process: a thread would need the GIL to close its end, which the
# decoder under test may hold while it blocks reading the FIFO.
_WATCHER = """
import os, sys, time
fifo, log = sys.argv[1], sys.argv[2]
while True:
    os.close(os.open(fifo, os.O_WRONLY))
    if os.path.exists(log + ".stop"):
        break
    with open(log, "a") as out:
        out.write("x")
    time.sleep(0.01)
"""


class WatchedFifo:
    """A FIFO that counts the times anybody opened it for reading, without ever hanging.

    A helper process keeps opening the write end, which succeeds only once a reader opens the
    FIFO; it closes it at once, so that reader sees end-of-file and even a regression fails
    rather than hangs. On exit we release the helper with a read end of our own (not counted).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._log = path.with_name(path.name + ".opens")
        os.mkfifo(path)
        self._log.write_text("")

    @property
    def opens(self) -> int:
        return len(self._log.read_text())

    @property
    def opened(self) -> bool:
        return self.opens > 0

    def __enter__(self) -> WatchedFifo:
        command = [sys.executable, "-c", _WATCHER, str(self.path), str(self._log)]
        self._process = subprocess.Popen(command)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        time.sleep(0.2)  # a reader that opened it just now has been counted by now
        Path(str(self._log) + ".stop").touch()
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            self._process.wait(5)
        finally:
            os.close(fd)
            self._process.kill()
