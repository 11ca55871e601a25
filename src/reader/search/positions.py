"""Word positions of a posting, packed as fixed-width integers instead of Whoosh's pickles.

Whoosh's Positions format stores a count and a pickled list of deltas: 14 bytes for the one
position most bigrams have in a document, most of the index. Here: one byte naming the
width, then the deltas as unsigned integers of that width (1, 2 or 4 bytes, little-endian),
3 bytes for that same posting. Packing and unpacking are done by `array`, in C.
"""

from __future__ import annotations

import functools
import sys
from array import array
from itertools import accumulate, pairwise
from typing import Any

from whoosh import formats

# array typecodes by width; "I" is 4 bytes wherever CPython runs, checked below.
_WIDTHS = (("B", 0xFF), ("H", 0xFFFF), ("I", 0xFFFF_FFFF))
if array("I").itemsize != 4:  # pragma: no cover - no such platform in use
    raise ImportError("reader.search.positions needs a 4-byte array('I')")
_SWAP = sys.byteorder == "big"


def encode(positions: list[int]) -> bytes:
    """Positions (ascending) → their packed deltas."""
    if len(positions) == 1:
        return single(positions[0])
    deltas = [positions[0]]
    deltas.extend([b - a for a, b in pairwise(positions)])
    return _pack(deltas, max(deltas))


@functools.lru_cache(maxsize=1 << 16)
def single(position: int) -> bytes:
    # Most terms occur once in a document: one cached value per position.
    return _pack([position], position)


def _pack(deltas: list[int], largest: int) -> bytes:
    for code, limit in _WIDTHS:
        if largest <= limit:
            packed = array(code, deltas)
            if _SWAP:
                packed.byteswap()
            return code.encode("ascii") + packed.tobytes()
    raise ValueError(f"position {largest} is too large")


def decode(value: bytes) -> list[int]:
    packed = array(chr(value[0]))
    packed.frombytes(value[1:])
    if _SWAP:
        packed.byteswap()
    return list(accumulate(packed))


def count(value: bytes) -> int:
    return (len(value) - 1) // array(chr(value[0])).itemsize


class CompactPositions(formats.Positions):  # type: ignore[misc]
    """Whoosh's Positions format with `encode`/`decode` above; read through Whoosh's own
    Format interface (decode_positions, decode_frequency...) wherever Whoosh reads values."""

    def encode(self, poslist: list[int]) -> bytes:
        return encode(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return count(valuestring)

    def combine(self, vs: Any) -> bytes:
        merged: set[int] = set()
        for value in vs:
            merged.update(decode(value))
        return encode(sorted(merged))
