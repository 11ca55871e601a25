"""Traditional→Simplified Chinese folding, one character to one character, from OpenCC's tables."""

from __future__ import annotations

import functools

# Blocks that hold Traditional characters with a Simplified form: CJK Unified Ideographs,
# Extension A, the compatibility block and Extensions B–F.
_HAN_BLOCKS = (
    range(0x3400, 0x4DC0),
    range(0x4E00, 0xA000),
    range(0xF900, 0xFB00),
    range(0x20000, 0x2EBF0),
)


@functools.cache
def t2s_table() -> dict[int, str]:
    """Code point → its Simplified form, for every Han character OpenCC's t2s changes.

    Only single characters are converted (never phrases), so folded text keeps the length and
    the positions of the original: an anchor or a snippet span stays valid after folding.
    Built once per process (about 20 ms) and cached: it is a pure function of the OpenCC data.
    """
    import opencc  # imported late: only search needs it, and it loads a native library

    converter = opencc.OpenCC("t2s")
    chars = [chr(cp) for block in _HAN_BLOCKS for cp in block]
    # One call for the whole set; the newlines keep OpenCC's phrase matching from joining
    # neighbours, so each line is that one character's own conversion.
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a conversion that spans lines: fall back to one by one
        converted = [converter.convert(char) for char in chars]
    return {
        ord(char): simple
        for char, simple in zip(chars, converted, strict=True)
        if simple != char and len(simple) == 1
    }


def to_simplified(text: str) -> str:
    """`text` with each Traditional character replaced by its Simplified form."""
    return text.translate(t2s_table())
