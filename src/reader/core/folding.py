"""Text folded the way search folds it (width, case, Traditional→Simplified), with offsets back."""

from __future__ import annotations

import functools
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass

from reader.core import scripts

# Blocks that hold Traditional characters with a Simplified form: CJK Unified Ideographs,
# Extension A, the compatibility block and Extensions B–F.
# Not the rest of plane 2: OpenCC maps its compatibility ideographs, and a longer table would
# change the folding the search index was built with.
_HAN_BLOCKS = tuple(
    block.codes
    for block in (
        scripts.HAN_EXTENSION_A,
        scripts.HAN_UNIFIED,
        scripts.HAN_COMPATIBILITY,
        scripts.HAN_EXTENSIONS_B_TO_F,
    )
)

# Punctuation that conversions between regions and input methods swap for one another, beyond
# what NFKC unifies (full-width ，！？：；（） already fold to ASCII there): quotes of every
# style, ideographic stops and commas, dashes.
_PUNCTUATION = {
    **dict.fromkeys("“”„‟«»「」『』〝〞﹁﹂﹃﹄", '"'),
    **dict.fromkeys("‘’‚‛‹›", "'"),
    **dict.fromkeys("。｡．", "."),
    **dict.fromkeys("、､", ","),
    **dict.fromkeys("‐‑‒–—―−─", "-"),
    "・": "·",
    "･": "·",
}


@functools.cache
def t2s_table() -> dict[int, str]:
    """Code point → its Simplified form, for every Han character OpenCC's t2s changes.

    Only single characters are converted (never phrases), so folded text keeps the length and
    the positions of the original: an anchor or a snippet span stays valid after folding.
    Built once per process (about 20 ms) and cached: it is a pure function of the OpenCC data.
    """
    import opencc  # imported late: it loads a native library, and only folding needs it

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


@dataclass(frozen=True)
class FoldedText:
    """A text folded for comparison, and where each folded character came from."""

    text: str
    # origin[i]: offset in the original of folded character i (an array: a list of a
    # million ints would hold 36 MB, this 8 MB).
    origin: array[int]
    length: int  # of the original

    def to_folded(self, offset: int) -> int:
        """The folded offset of the first folded character at or after `offset`."""
        return bisect_left(self.origin, offset)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range that folded range [start, end) came from (end > start); a
        character that folds to several (… → ...) is covered whole."""
        return self.origin[start], self.origin[end - 1] + 1


@functools.lru_cache(maxsize=1 << 16)
def fold_char(char: str) -> str:
    """One character as comparison sees it: NFKC, lower case, Simplified, unified punctuation;
    white space folds to nothing (CJK text gains and loses spaces around Latin words)."""
    if char.isspace():
        return ""
    folded = unicodedata.normalize("NFKC", char).lower()
    folded = "".join(_PUNCTUATION.get(c, c) for c in folded)
    return folded.translate(t2s_table()) if not folded.isascii() else folded


def fold_text(text: str) -> FoldedText:
    """`text` folded character by character, with the offset map back into it."""
    table = {char: fold_char(char) for char in set(text)}
    pieces = [table[char] for char in text]
    if all(len(folded) <= 1 for folded in table.values()):  # the common case, kept quick
        origin = array("q", [index for index, folded in enumerate(pieces) if folded])
    else:
        origin = array("q")
        for index, folded in enumerate(pieces):
            origin.extend([index] * len(folded))
    return FoldedText("".join(pieces), origin, len(text))


def fold(text: str) -> str:
    """Only the folded string of `text` (quotes and their context)."""
    return "".join(fold_char(char) for char in text)
