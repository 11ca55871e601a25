"""The Unicode ranges of the CJK scripts, each written once, and regex classes built from them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """A named run of code points, `first` and `last` included."""

    name: str
    first: int
    last: int

    @property
    def codes(self) -> range:
        return range(self.first, self.last + 1)


# Every CJK range the program knows. A block keeps its full Unicode extent, unassigned code points
# included, so that two sites meaning the same block cannot disagree about where it ends. Parts
# of a block (the kana letters, the iteration marks) are named apart where a site needs them.

# Hangul: the conjoining jamo, their compatibility forms, the archaic extensions, the syllables.
HANGUL_JAMO = Block("Hangul Jamo", 0x1100, 0x11FF)
HANGUL_COMPATIBILITY_JAMO = Block("Hangul Compatibility Jamo", 0x3130, 0x318F)
HANGUL_JAMO_EXTENDED_A = Block("Hangul Jamo Extended-A", 0xA960, 0xA97F)
# Assigned up to U+D7A3; the block runs on to U+D7AF.
HANGUL_SYLLABLES = Block("Hangul Syllables", 0xAC00, 0xD7AF)
HANGUL_JAMO_EXTENDED_B = Block("Hangul Jamo Extended-B", 0xD7B0, 0xD7FF)

# Radicals, strokes and the like: Han building blocks, not words.
CJK_RADICALS_SUPPLEMENT = Block("CJK Radicals Supplement", 0x2E80, 0x2EFF)
KANGXI_RADICALS = Block("Kangxi Radicals", 0x2F00, 0x2FDF)  # U+2FE0..U+2FEF: no block
IDEOGRAPHIC_DESCRIPTION = Block("Ideographic Description Characters", 0x2FF0, 0x2FFF)
KANBUN = Block("Kanbun", 0x3190, 0x319F)  # marks for reading Classical Chinese as Japanese
CJK_STROKES = Block("CJK Strokes", 0x31C0, 0x31EF)
ENCLOSED_CJK = Block("Enclosed CJK Letters and Months", 0x3200, 0x32FF)  # ㈱ ㊤ ㋀
CJK_COMPATIBILITY = Block("CJK Compatibility", 0x3300, 0x33FF)  # squared words and units: ㌔ ㎏
YIJING_HEXAGRAMS = Block("Yijing Hexagram Symbols", 0x4DC0, 0x4DFF)

# Ideographic space, 「」 quotes, 。、 stops; the marks below are letters more than punctuation.
CJK_SYMBOLS_PUNCTUATION = Block("CJK Symbols and Punctuation", 0x3000, 0x303F)
# 々 (iteration mark), 〆 (closing mark) and 〇 (the zero of 二〇二四).
IDEOGRAPHIC_MARKS = Block("Ideographic iteration mark, closing mark, number zero", 0x3005, 0x3007)
VERTICAL_ITERATION_MARK = Block("Vertical ideographic iteration mark", 0x303B, 0x303B)  # 〻

# Kana. The letters are named apart: the blocks also hold combining sound marks, the
# katakana middle dot ・ and the prolonged sound mark ー, which Chinese text uses too.
HIRAGANA = Block("Hiragana", 0x3040, 0x309F)
HIRAGANA_LETTERS = Block("Hiragana letters ぁ..ゖ", 0x3041, 0x3096)
HIRAGANA_ITERATION = Block("Hiragana iteration marks ゝ ゞ and digraph ゟ", 0x309D, 0x309F)
KATAKANA = Block("Katakana", 0x30A0, 0x30FF)
KATAKANA_LETTERS = Block("Katakana letters ァ..ヺ", 0x30A1, 0x30FA)
KATAKANA_ITERATION = Block("Katakana iteration marks ヽ ヾ and digraph ヿ", 0x30FD, 0x30FF)
KATAKANA_PHONETIC = Block("Katakana Phonetic Extensions", 0x31F0, 0x31FF)  # small ㇰ ㇱ (Ainu)

BOPOMOFO = Block("Bopomofo", 0x3100, 0x312F)
BOPOMOFO_EXTENDED = Block("Bopomofo Extended", 0x31A0, 0x31BF)

# Han ideographs. Extension H (U+31350..) is left out: the search index's terms predate it.
HAN_EXTENSION_A = Block("CJK Unified Ideographs Extension A", 0x3400, 0x4DBF)
HAN_UNIFIED = Block("CJK Unified Ideographs", 0x4E00, 0x9FFF)
HAN_COMPATIBILITY = Block("CJK Compatibility Ideographs", 0xF900, 0xFAFF)  # 﨑 of 山﨑
HAN_EXTENSIONS_B_TO_F = Block("CJK Unified Ideographs Extensions B to F", 0x20000, 0x2EBEF)
# Extension I, the Compatibility Ideographs Supplement and the unassigned rest of plane 2.
HAN_PLANE_2_REST = Block("Rest of the Supplementary Ideographic Plane", 0x2EBF0, 0x2FFFF)
HAN_EXTENSION_G = Block("CJK Unified Ideographs Extension G", 0x30000, 0x3134F)

# Full-width ASCII and brackets, half-width kana and hangul, full-width signs (￥ ￡).
WIDTH_FORMS = Block("Halfwidth and Fullwidth Forms", 0xFF00, 0xFFEF)
FULLWIDTH_ASCII = Block("Full-width ASCII and white parentheses", 0xFF00, 0xFF60)
HALFWIDTH_KATAKANA = Block("Half-width ideographic punctuation and katakana", 0xFF61, 0xFF9F)
FULLWIDTH_SIGNS = Block("Full-width signs ￠ ￡ ￢ ￣ ￤ ￥ ￦", 0xFFE0, 0xFFE7)

HAN: tuple[Block, ...] = (
    HAN_EXTENSION_A,
    HAN_UNIFIED,
    HAN_COMPATIBILITY,
    HAN_EXTENSIONS_B_TO_F,
    HAN_PLANE_2_REST,
    HAN_EXTENSION_G,
)
KANA: tuple[Block, ...] = (HIRAGANA, KATAKANA, KATAKANA_PHONETIC)
KANA_LETTERS: tuple[Block, ...] = (
    HIRAGANA_LETTERS,
    HIRAGANA_ITERATION,
    KATAKANA_LETTERS,
    KATAKANA_ITERATION,
    KATAKANA_PHONETIC,
)
HANGUL: tuple[Block, ...] = (
    HANGUL_JAMO,
    HANGUL_COMPATIBILITY_JAMO,
    HANGUL_JAMO_EXTENDED_A,
    HANGUL_SYLLABLES,
    HANGUL_JAMO_EXTENDED_B,
)
# Every block from U+2E80 to U+9FFF: radicals, punctuation, kana, bopomofo, compatibility
# jamo, kanbun, strokes, enclosed and squared forms, Han and Extension A, the hexagrams.
CJK_MAIN: tuple[Block, ...] = (
    CJK_RADICALS_SUPPLEMENT,
    KANGXI_RADICALS,
    IDEOGRAPHIC_DESCRIPTION,
    CJK_SYMBOLS_PUNCTUATION,
    HIRAGANA,
    KATAKANA,
    BOPOMOFO,
    HANGUL_COMPATIBILITY_JAMO,
    KANBUN,
    BOPOMOFO_EXTENDED,
    CJK_STROKES,
    KATAKANA_PHONETIC,
    ENCLOSED_CJK,
    CJK_COMPATIBILITY,
    HAN_EXTENSION_A,
    YIJING_HEXAGRAMS,
    HAN_UNIFIED,
)
# The letters CJK words are written in (BMP): kana, Han, compatibility Han and hangul syllables;
# where a text is cut into words, each of these is a word of its own.
CJK_LETTERS: tuple[Block, ...] = (
    HIRAGANA,
    KATAKANA,
    HAN_EXTENSION_A,
    HAN_UNIFIED,
    HAN_COMPATIBILITY,
    HANGUL_SYLLABLES,
)
# Scripts written without spaces between words, with their punctuation and width forms: a line
# break between two of these characters is layout. Korean spaces its words: syllables are out.
UNSPACED: tuple[Block, ...] = (*CJK_MAIN, *HAN, WIDTH_FORMS)


@functools.cache
def spans(*parts: Block | tuple[Block, ...]) -> tuple[tuple[int, int], ...]:
    """The code points of `parts` as sorted (first, last) spans, touching ones merged."""
    blocks = sorted(
        (b.first, b.last) for part in parts for b in ((part,) if isinstance(part, Block) else part)
    )
    merged: list[tuple[int, int]] = []
    for first, last in blocks:
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return tuple(merged)


def char_class(*parts: Block | tuple[Block, ...]) -> str:
    r"""The inside of a regex character class matching `parts`: "\u3040-\u30ff\u3400-\u4dbf"."""
    return "".join(
        _escape(first) if first == last else f"{_escape(first)}-{_escape(last)}"
        for first, last in spans(*parts)
    )


def one_of(*parts: Block | tuple[Block, ...]) -> re.Pattern[str]:
    """A pattern matching one character of `parts`."""
    return re.compile(f"[{char_class(*parts)}]")


def contains(char: str | int, *parts: Block | tuple[Block, ...]) -> bool:
    """Whether the character `char` (or the code point) lies in `parts`."""
    code = char if isinstance(char, int) else ord(char)
    return any(first <= code <= last for first, last in spans(*parts))


def _escape(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
