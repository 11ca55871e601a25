"""Whether a small GIF shows nothing: one frame, every pixel its transparent colour (a spacer).

Pages inline a 1x1 clear GIF as a lazy picture's placeholder or a layout's spacer. Telling it
from a picture takes its pixels, so the frame is decoded, but only for a few thousand pixels:
a spacer is tiny, and a larger GIF is taken for a picture without decoding it.
"""

from __future__ import annotations

import struct

_MAX_PIXELS = 4096  # a 64x64 spacer; larger GIFs are pictures as far as we can cheaply tell
_MAX_CODE_SIZE = 12  # GIF's LZW codes are at most 12 bits wide
# Codes of 12 bits at most, one per pixel, with room for clear codes: more is not a spacer
# (and a run of clear codes, each resetting the table, would cost time for nothing).
_MAX_CODE_BYTES = 3 * _MAX_PIXELS
_GRAPHIC_CONTROL = 0xF9


def is_clear_gif(data: bytes) -> bool:
    """Whether `data` is a GIF of one frame whose every pixel is the transparent colour."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return False
    position = 13 + _table_size(data[10])
    clear: int | None = None
    while position < len(data):
        marker = data[position]
        if marker == 0x21 and position + 1 < len(data):  # an extension: only its blocks
            if data[position + 1] == _GRAPHIC_CONTROL and position + 6 < len(data):
                clear = data[position + 6] if data[position + 3] & 1 else None
            position = _after_blocks(data, position + 2)
        elif marker == 0x2C:
            return clear is not None and _frame_is(data, position, clear)
        else:
            return False
    return False


def _frame_is(data: bytes, position: int, colour: int) -> bool:
    """Whether the frame at `position` has every pixel `colour`, and is the GIF's only one."""
    if position + 11 > len(data):
        return False
    width, height = struct.unpack_from("<HH", data, position + 5)
    start = position + 10 + _table_size(data[position + 9])
    if width * height > _MAX_PIXELS or start >= len(data):
        return False
    end = _after_blocks(data, start + 1)
    if end - start > _MAX_CODE_BYTES:
        return False
    pixels = _decode(_blocks(data, start + 1, end), data[start], width * height)
    if pixels is None or len(pixels) < width * height or set(pixels) != {colour}:
        return False
    while end < len(data) and data[end] == 0x21:  # comments and the like after the frame
        end = _after_blocks(data, end + 2)
    return end < len(data) and data[end] == 0x3B  # the trailer: no second frame


def _table_size(packed: int) -> int:
    """The bytes of the colour table a descriptor's packed field announces (0 without one)."""
    return 3 * (2 ** ((packed & 7) + 1)) if packed & 0x80 else 0


def _after_blocks(data: bytes, position: int) -> int:
    """Where a run of sub-blocks (each led by its length, ended by a zero) ends."""
    while position < len(data) and data[position]:
        position += data[position] + 1
    return position + 1


def _blocks(data: bytes, position: int, end: int) -> bytes:
    """The bytes the sub-blocks between `position` and `end` carry, their lengths left out."""
    out = bytearray()
    while position < end - 1:
        out += data[position + 1 : position + 1 + data[position]]
        position += data[position] + 1
    return bytes(out)


def _decode(codes: bytes, minimum: int, limit: int) -> bytes | None:
    """GIF's LZW: the pixels `codes` encode, None when they are malformed or too many."""
    if not 2 <= minimum <= 8:
        return None
    clear, stop = 1 << minimum, (1 << minimum) + 1
    table = [bytes([i]) for i in range(clear)] + [b"", b""]
    size, bits, held, previous, out = minimum + 1, 0, 0, b"", bytearray()
    for byte in codes:
        bits, held = bits | byte << held, held + 8
        while held >= size:
            code, bits, held = bits & ((1 << size) - 1), bits >> size, held - size
            if code == clear:
                table, size, previous = table[: clear + 2], minimum + 1, b""
                continue
            if code == stop:
                return bytes(out)
            if code < len(table) and (code < clear or previous):
                entry = table[code]
            elif code == len(table) and previous:
                entry = previous + previous[:1]
            else:
                return None
            if previous:
                table.append(previous + entry[:1])
            out, previous = out + entry, entry
            if len(out) > limit:
                return None
            if len(table) == 1 << size and size < _MAX_CODE_SIZE:
                size += 1
    return bytes(out)
