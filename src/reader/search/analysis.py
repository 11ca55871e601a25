"""The search analyzer: folded words for Latin scripts, overlapping bigrams for CJK runs."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from reader.core import scripts
from reader.search import tables
from reader.search.folding import t2s_table

# Bump whenever a change here would give different terms for the same text: the index stores
# this number, and an index built by another version is rebuilt at start.
# 2: every distinct CJK character of a document is also a term of the `chars` field.
# 3: Latin letters lose their accents (Māori is maori).
ANALYZER_VERSION = 3
# Latin letters that may carry accents: Latin-1, Extended-A and -B, Extended Additional.
_ACCENTED_LATIN = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")

# Longer "words" are base64, hashes or URLs run together: nobody searches for them.
MAX_WORD_CHARS = 64

# Scripts written without spaces between words: Han (with the extension blocks, 々 and the
# 〇 of 二〇二四), kana with the prolonged sound mark, bopomofo, hangul (syllables and jamo).
# Its code points are part of the index format: a change here needs ANALYZER_VERSION bumped.
CJK_CLASS = scripts.char_class(
    scripts.HAN,
    scripts.IDEOGRAPHIC_MARKS,
    scripts.VERTICAL_ITERATION_MARK,
    scripts.KANA,
    scripts.BOPOMOFO,
    scripts.BOPOMOFO_EXTENDED,
    scripts.CJK_STROKES,
    scripts.HANGUL,
)
_TOKENS = re.compile(f"([{CJK_CLASS}]+)|([^\\W_{CJK_CLASS}]+)")

# Porter2 leaves agent nouns apart from their verb ("runner" vs "run"). When a stem ends in
# a doubled consonant + "er", the doubling shows "er" was added to a short word (runner,
# swimmer, shopper, bigger), so both go. These words only look like that.
_DOUBLED_ER = re.compile(r"([bdgmnpt])\1er$")
# Porter2 sometimes removes that "er" itself but keeps the doubling (programmer → programm).
_DOUBLED_END = re.compile(r"([bdgmnpt])\1$")
_NOT_DOUBLED_ER = frozenset(
    {
        *("dinner", "manner", "banner", "tanner", "spanner", "inner", "hammer", "summer"),
        *("simmer", "shimmer", "glimmer", "stammer", "copper", "pepper", "supper", "upper"),
        *("hopper", "slipper", "zipper", "dipper", "kipper", "ladder", "rudder", "bladder"),
        *("fodder", "shudder", "udder", "adder", "trigger", "dagger", "stagger", "swagger"),
        *("rubber", "blubber", "letter", "better", "matter", "latter", "butter", "bitter"),
        *("litter", "glitter", "utter", "otter", "shutter", "flutter", "mutter", "scatter"),
        *("chatter", "platter", "clutter", "gutter", "twitter", "jitter"),
    }
)


# Code points whose folding the table records: everything from "A" up to the CJK extension
# planes, but surrogates, which cannot be folded, and ASCII from "a", which folds to itself.
_FOLDABLE = (
    range(0x41, 0x61),
    range(0x80, 0xD800),
    range(0xE000, scripts.HAN_EXTENSION_G.first),
)


@functools.cache
def fold_table() -> dict[int, str]:
    """Code point → its one-character folded form: NFKC, lower case, Simplified Chinese."""
    return tables.load("fold", _make_fold_table)


def _make_fold_table() -> dict[int, str]:
    t2s = t2s_table()
    chars = [chr(cp) for block in _FOLDABLE for cp in block]
    table: dict[int, str] = {}
    for char, folded in zip(chars, _fold_each(chars), strict=True):
        folded = _without_accent(folded)
        if folded != char and len(folded) == 1:
            table[ord(char)] = folded
    table.update((cp, simple) for cp, simple in t2s.items() if cp not in table)
    return table


def _without_accent(folded: str) -> str:
    """A Latin letter without its accents (é → e, ā → a, ő → o), as search engines fold them:
    "Maori" finds "Māori". Only Latin: kana's voicing marks and hangul's jamo are letters."""
    if len(folded) != 1 or not _ACCENTED_LATIN.match(folded):
        return folded
    base = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return base if len(base) == 1 and base.isascii() and base.isalpha() else folded


def _fold_each(chars: list[str]) -> list[str]:
    """Each character folded on its own, in three calls on all of them at once rather than
    three per character: at the first query of a process, folding 200,000 characters one by
    one was most of its time. A newline between them keeps each apart: NFKC composes and
    reorders nothing across it, and no character folds to one."""
    folded = unicodedata.normalize("NFKC", "\n".join(chars)).lower().translate(t2s_table())
    each = folded.split("\n")
    if len(each) != len(chars):  # not expected; then one at a time, as the table means
        each = [unicodedata.normalize("NFKC", c).lower().translate(t2s_table()) for c in chars]
    return each


def fold(text: str) -> str:
    """Text as the index sees it: NFKC, lower case, Traditional folded to Simplified."""
    if text.isascii():  # the table maps only A-Z there, and lower() is far faster
        return text.lower()
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.translate(fold_table())


def fold_chars(text: str) -> str:
    """`fold` one character at a time, so every offset into the result is valid in `text`.

    Differs from `fold` only where NFKC joins or splits characters (ligatures, combining
    sequences): that is why snippets can mark the original text without an offset map.
    """
    if text.isascii():
        return text.lower()
    return text.translate(fold_table())


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """English (Porter2) stem of a lower-case ASCII word; other words are kept as they are."""
    from whoosh.lang.porter2 import stem as porter2

    if not word.isascii():
        return word
    stemmed: str = porter2(word)
    if stemmed in _NOT_DOUBLED_ER:
        return stemmed
    if _DOUBLED_ER.search(stemmed):
        return stemmed[:-3]
    if len(stemmed) >= 5 and word.endswith(("er", "ers")) and _DOUBLED_END.search(stemmed):
        return stemmed[:-1]
    return stemmed


def _folded_tokens(text: str) -> Iterator[tuple[str, str]]:
    """(CJK run, "") or ("", word) pairs of `text`, folded as `fold` would fold them.

    Tokens are found in the NFKC text and folded one by one: lower() on a word and the
    Traditional→Simplified table on a CJK run cost less than translating every character
    (spaces, punctuation, ASCII) through the whole folding table.
    """
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    t2s = t2s_table()
    for run, word in _TOKENS.findall(text):
        if run:
            yield run.translate(t2s), ""
        elif len(word) <= MAX_WORD_CHARS:
            word = word.lower()
            # A word with accents loses them, as the whole folding table takes them off.
            yield "", word if word.isascii() else word.translate(fold_table())


def index_terms(text: str) -> list[str]:
    """The terms of `text` in order; a term's index in the list is its position.

    Hot path of indexing: no per-token objects, just strings.
    """
    terms: list[str] = []
    add = terms.append
    extend = terms.extend
    for run, word in _folded_tokens(text):
        if run:
            if len(run) == 1:
                add(run)
            else:
                extend([run[i : i + 2] for i in range(len(run) - 1)])
        else:
            add(stem(word) if word.isascii() else word)
    return terms


def cjk_char_counts(text: str) -> Counter[str]:
    """How often each folded CJK character occurs in `text`.

    Bigrams find a lone character only where it starts a bigram, so a character ending a
    run would be missed by a one-character query; this count (no positions) finds it always.
    """
    counts: Counter[str] = Counter()
    for run, _word in _folded_tokens(text):
        if run:
            counts.update(run)
    return counts


def term_positions(text: str) -> dict[str, list[int]]:
    """Each term of `text` with the positions it occurs at, in order of first occurrence."""
    positions: dict[str, list[int]] = {}
    setdefault = positions.setdefault
    for pos, term in enumerate(index_terms(text)):
        setdefault(term, []).append(pos)
    return positions


@dataclass(frozen=True)
class Atom:
    """One unit of analysed text: a folded CJK run, or a folded Latin word and its term."""

    text: str
    cjk: bool

    @property
    def terms(self) -> list[str]:
        if self.cjk:
            if len(self.text) == 1:
                return [self.text]
            return [self.text[i : i + 2] for i in range(len(self.text) - 1)]
        return [stem(self.text)]


def atoms(text: str) -> list[Atom]:
    """`text` as atoms; their terms, concatenated, equal `index_terms(text)`."""
    return [
        Atom(run, cjk=True) if run else Atom(word, cjk=False) for run, word in _folded_tokens(text)
    ]


def atom_spans(text: str) -> Iterator[tuple[Atom, int, int]]:
    """Atoms of `text` with their code-point spans in `text` (folded one char at a time)."""
    for match in _TOKENS.finditer(fold_chars(text)):
        run, word = match.group(1), match.group(2)
        if run:
            yield Atom(run, cjk=True), match.start(), match.end()
        elif len(word) <= MAX_WORD_CHARS:
            yield Atom(word, cjk=False), match.start(), match.end()


_CJK_GAP = re.compile(f"(?<=[{CJK_CLASS}])\\s+(?=[{CJK_CLASS}])")


def join_cjk(text: str) -> str:
    """Remove spaces between two CJK characters ("俄 罗斯" → "俄罗斯") for quoted phrases."""
    return _CJK_GAP.sub("", text)
